#pragma once
// load: opens a PDF with poppler and refuses, with a clear cause, what cannot be read.
// Runs on any thread; a poppler::document must then stay on the thread that uses it, so workers
// open their own copy (see pipeline/document_cache.h).

#include <filesystem>
#include <memory>

#include <poppler/cpp/poppler-document.h>

namespace gridlift {

//! Checks that `path` is a regular, non-empty, readable file (links followed) and returns its size.
//! Throws InputError naming it otherwise: missing, a dangling or looping link, a folder, a pipe or
//! device (which would block whoever read it), empty, unreadable. Opens nothing but the file.
std::uintmax_t check_input_file(const std::filesystem::path& path);

//! Opens `path`. Throws InputError for a missing, empty, non-PDF, damaged, encrypted or pageless file
//! (see check_input_file for the rest).
std::unique_ptr<poppler::document> open_pdf(const std::filesystem::path& path);

//! Routes poppler's own error chatter to spdlog at debug level instead of stderr. Call once.
void quiet_poppler_messages();

}  // namespace gridlift
