#pragma once
// export: NAME.xlsx, the document for spreadsheet users (libxlsxwriter). A first sheet lists the
// tables (id, page, title, size, continuation, how the page was read); each table has a sheet of its
// own, named by its id, with its title in the first row and its cells from the third, merged cells
// merged, numbers as numbers where nothing printed is lost (spreadsheet_value.h); a last sheet
// lists the checks, each linked to its total's cell. Cells under kTrustedConfidence are filled
// yellow, totals whose check fails red, each with a comment saying why; a cell a correction rule
// changed has a comment with what was read and why it was changed.

#include <filesystem>

#include "models/document.h"

namespace gridlift {

//! Writes `doc` to `path` whole or not at all (built in a private temporary folder, then copied
//! in by write_file_atomically()). Throws std::runtime_error naming the file and the cause.
void write_xlsx(const DocumentResult& doc, const std::filesystem::path& path);

}  // namespace gridlift
