#pragma once
// export: writes NAME.json, NAME.md and NAME/*.csv for one document, each file whole or
// not at all (written beside, then renamed), JSON last so its presence means the set is complete.
//
// Nothing here follows a symbolic link inside the output folder: a link where an output file, its
// temporary or one of its folders goes is replaced, never written through, so a link planted in
// the output tree cannot send results elsewhere. The output folder itself is the user's and may be
// a link.

#include <filesystem>
#include <functional>
#include <ostream>

#include "models/document.h"

namespace gridlift {

//! Writes the CSVs and the Markdown of `doc` into `folder` under `stem` (a name made by
//! output_name.h). Throws std::runtime_error naming the file that could not be written and why.
void write_table_files(const DocumentResult& doc, const std::filesystem::path& folder,
                       const std::string& stem);

//! Writes NAME.json, the mark that the document's outputs are complete: call it last.
void write_result_json(const DocumentResult& doc, const std::filesystem::path& folder,
                       const std::string& stem);

//! Both, JSON last.
void write_outputs(const DocumentResult& doc, const std::filesystem::path& folder, const std::string& stem);

//! What write_file_atomically() adds to a file's name while writing it.
inline constexpr const char* kPartialSuffix = ".partial";

//! Removes the temporaries a writer killed mid-write left for the outputs of `stem` in `folder`
//! (JSON, Markdown, report, workbook, the CSVs), before the document is extracted again.
void remove_partial_outputs(const std::filesystem::path& folder, const std::string& stem);

//! Removes every output of `stem` (JSON first, then report, workbook, Markdown, CSVs and their folder if it
//! is left empty, temporaries): a document that failed leaves nothing of itself that --resume
//! could take for done or a user for its result.
void remove_outputs(const std::filesystem::path& folder, const std::string& stem);

//! Replaces `path` with `content` atomically (temporary file + rename); a link at `path` or at
//! its temporary is replaced, not followed. Its folder must exist (see make_output_folders).
void write_file_atomically(const std::filesystem::path& path, const std::string& content);

//! The same for content too large to hold in memory: `write` streams it into the temporary file.
void write_file_atomically(const std::filesystem::path& path,
                           const std::function<void(std::ostream&)>& write);

//! Makes `root / relative` a folder, creating what is missing one component at a time; a
//! symbolic link found on the way is removed and replaced by a folder. Throws std::runtime_error
//! if a component is a file or cannot be made.
void make_output_folders(const std::filesystem::path& root, const std::filesystem::path& relative);

//! Throws std::runtime_error if `folder` cannot be created or written into.
void ensure_writable_folder(const std::filesystem::path& folder);

}  // namespace gridlift
