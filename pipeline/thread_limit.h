#pragma once
// OpenCV's TBB back end runs its parallel loops (resize, morphology, blur, warps) in a task arena of
// its own, which TBB's idle worker threads join. A flow graph of one thread therefore still had a
// second core doing a sixth of the image work (measured with perf on the scan fixtures), so `-j 1`
// was not one core, and its timing flattered every one-thread figure. TBB's process-wide limit on
// active threads bounds that arena too.

#include <tbb/global_control.h>

namespace gridlift {

//! While the returned object lives, at most `threads` threads of this process do TBB work, the
//! libraries' own parallel loops included. Each further thread that calls in (a std::thread, the
//! program's main thread) still runs its own work; no TBB worker thread joins it beyond the limit.
[[nodiscard]] tbb::global_control limit_threads_at_work(int threads);

}  // namespace gridlift
