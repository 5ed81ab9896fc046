#pragma once
// Stage 1a, load: opens a PDF with poppler and refuses, with a clear cause, what cannot be read.
// Runs on any thread; a poppler::document must then stay on the thread that uses it, so workers
// open their own copy (see pipeline/document_cache.h).

#include <filesystem>
#include <memory>

#include <poppler/cpp/poppler-document.h>

namespace gridlift {

//! Opens `path`. Throws InputError for a missing, empty, non-PDF, corrupt, encrypted or pageless file.
std::unique_ptr<poppler::document> open_pdf(const std::filesystem::path& path);

//! Routes poppler's own error chatter to spdlog at debug level instead of stderr. Call once.
void quiet_poppler_messages();

}  // namespace gridlift
