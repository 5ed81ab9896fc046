#pragma once
// Debian's Tesseract is built with OpenMP and would start its own threads inside every cell read,
// fighting the flow graph's workers for the same cores (measured: 4.4x slower on 2 cores). The
// limit must be in the environment before the OpenMP runtime starts, which happens when the
// program is loaded, so a program that reads cells calls this first thing in main().

namespace gridlift {

//! If OMP_THREAD_LIMIT is unset, sets it to 1 and executes this program again with the same
//! arguments; returns only if it was already set or the re-execution failed (then OCR runs, slower).
void restart_with_single_threaded_openmp(char** argv);

}  // namespace gridlift
