#pragma once
// Stage 6, export: writes NAME.json, NAME.md and NAME/*.csv for one document, each file whole or
// not at all (written beside, then renamed), JSON last so its presence means the set is complete.

#include <filesystem>
#include <functional>
#include <ostream>

#include "models/document.h"

namespace gridlift {

//! The base name outputs use for `input`: its file name without ".pdf".
std::string output_stem(const std::filesystem::path& input);

//! Writes the three outputs of `doc` into `folder` under `stem`. Throws std::runtime_error
//! naming the file that could not be written and why.
void write_outputs(const DocumentResult& doc, const std::filesystem::path& folder, const std::string& stem);

//! What write_file_atomically() adds to a file's name while writing it.
inline constexpr const char* kPartialSuffix = ".partial";

//! Removes the temporaries a writer killed mid-write left for the outputs of `stem` in `folder`
//! (JSON, Markdown, report, the CSVs), before the document is extracted again.
void remove_partial_outputs(const std::filesystem::path& folder, const std::string& stem);

//! Replaces `path` with `content` atomically (temporary file + rename).
void write_file_atomically(const std::filesystem::path& path, const std::string& content);

//! The same for content too large to hold in memory: `write` streams it into the temporary file.
void write_file_atomically(const std::filesystem::path& path,
                           const std::function<void(std::ostream&)>& write);

//! Throws std::runtime_error if `folder` cannot be created or written into.
void ensure_writable_folder(const std::filesystem::path& folder);

}  // namespace gridlift
