#include "stages/export/xlsx_writer.h"

#include <xlsxwriter.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <map>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "models/unicode.h"
#include "stages/export/output_files.h"
#include "stages/export/spreadsheet_value.h"

namespace gridlift {
namespace {

namespace fs = std::filesystem;

// A table's sheet: its title, a line saying where it comes from, then its grid.
constexpr lxw_row_t kTitleRow = 0;
constexpr lxw_row_t kSourceRow = 1;
constexpr lxw_row_t kFirstGridRow = 2;
// What one spreadsheet cell holds at most (Excel's limit, which libxlsxwriter enforces).
constexpr size_t kMaxCellBytes = 32767 / 4 * 4;

lxw_row_t grid_row(int row) {
  return kFirstGridRow + static_cast<lxw_row_t>(row);
}

lxw_col_t grid_col(int col) {
  return static_cast<lxw_col_t>(col);
}

// "C5": where table cell (row, col) lies on its sheet.
std::string cell_name(int row, int col) {
  char name[32];
  lxw_rowcol_to_cell(name, grid_row(row), grid_col(col));
  return name;
}

// Text a spreadsheet cell can carry: control characters other than tab and line feed (invalid in
// the sheet's XML) become spaces, and a text over a cell's limit is cut at a character boundary.
std::string sheet_text(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    out += (byte < 0x20 && c != '\t' && c != '\n') || byte == 0x7f ? ' ' : c;
  }
  if (out.size() > kMaxCellBytes) {
    size_t cut = kMaxCellBytes;
    while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) --cut;
    out.resize(cut);
  }
  return out;
}

void check(lxw_error error, const std::string& what) {
  if (error != LXW_NO_ERROR) throw std::runtime_error(what + ": " + lxw_strerror(error));
}

enum class Highlight { kNone, kDoubted, kFailedTotal };

// One format per (number format, highlight, bold) used: libxlsxwriter keeps every format made.
class Formats {
 public:
  explicit Formats(lxw_workbook* book) : book_(book) {}

  lxw_format* get(const std::string& number_format, Highlight highlight, bool bold = false) {
    auto& format = made_[{number_format, static_cast<int>(highlight) * 2 + (bold ? 1 : 0)}];
    if (format) return format;
    format = workbook_add_format(book_);
    if (!number_format.empty()) format_set_num_format(format, number_format.c_str());
    if (highlight == Highlight::kDoubted) format_set_bg_color(format, 0xFFF2A8);      // pale yellow
    if (highlight == Highlight::kFailedTotal) format_set_bg_color(format, 0xF8B4B4);  // pale red
    if (bold) format_set_bold(format);
    format_set_align(format, LXW_ALIGN_VERTICAL_TOP);
    return format;
  }

 private:
  lxw_workbook* book_;
  std::map<std::pair<std::string, int>, lxw_format*> made_;
};

// What a user is told about one cell beside its text.
struct CellNote {
  Highlight highlight = Highlight::kNone;
  std::string comment;

  void add(const std::string& line) { comment += (comment.empty() ? "" : "\n") + line; }
};

std::string confidence_text(double confidence) {
  char text[16];
  std::snprintf(text, sizeof text, "%.2f", confidence);
  return text;
}

std::map<std::pair<int, int>, CellNote> notes_of(const Table& table,
                                                 const std::vector<ArithmeticCheck>& checks) {
  std::map<std::pair<int, int>, CellNote> notes;
  for (const auto& cell : table.cells)
    if (cell.confidence < kTrustedConfidence && !cell.text.empty()) {
      auto& note = notes[{cell.row, cell.col}];
      note.highlight = Highlight::kDoubted;
      note.add("confidence " + confidence_text(cell.confidence) + ": below the " +
               confidence_text(kTrustedConfidence) + " at which a reading is trusted; check it on the page");
    }
  for (const auto& c : table.corrections)
    notes[{c.row, c.col}].add("corrected by " + c.rule + ": read \"" + c.before + "\", reported \"" +
                              c.after + "\" (" + c.why + ")");
  for (const auto& check : checks) {
    if (check.table != table.id || check.ok) continue;
    auto& note = notes[check.total];
    note.highlight = Highlight::kFailedTotal;
    std::string terms;
    for (const auto& [r, c] : check.cells) terms += (terms.empty() ? "" : ", ") + cell_name(r, c);
    note.add(
        "does not equal the sum of " + terms +
        (check.failure == "printed"
             ? ": the document's own figures disagree (all were read from its text layer)"
             : ": a term read by OCR is likely misread" +
                   (check.suspect ? ", likeliest " + cell_name(check.suspect->first, check.suspect->second)
                                  : std::string())));
  }
  return notes;
}

// Display width of a text's widest line in Excel's character units: CJK characters count two.
double display_width(const std::string& text) {
  double widest = 0, width = 0;
  for (size_t i = 0; i < text.size();) {
    const char32_t c = next_code_point(text, i);
    width = c == U'\n' ? 0 : width + (is_cjk(c) ? 2.0 : 1.0);
    widest = std::max(widest, width);
  }
  return widest;
}

std::string source_line(const PageResult& page, const Table& table) {
  std::string line = "page " + std::to_string(page.page) + ", read ";
  switch (page.mode) {
    case PageMode::kText:
      line += "from its text layer";
      break;
    case PageMode::kOcr:
      line += "by OCR";
      break;
    case PageMode::kMixed:
      line += "from its text layer, some cells by OCR";
      break;
    case PageMode::kNone:
      line += "from nothing (no usable text, OCR off)";
      break;
  }
  if (table.continues) line += "; continues " + *table.continues;
  return line;
}

void write_table_sheet(lxw_workbook* book, Formats& formats, const PageResult& page, const Table& table,
                       const std::vector<ArithmeticCheck>& checks) {
  lxw_worksheet* sheet = workbook_add_worksheet(book, table.id.c_str());
  if (!sheet) throw std::runtime_error("sheet \"" + table.id + "\" cannot be added (a table id used twice?)");
  const std::string title = sheet_text(table.title);
  if (table.n_cols > 1 && !title.empty())
    check(worksheet_merge_range(sheet, kTitleRow, 0, kTitleRow, grid_col(table.n_cols - 1), title.c_str(),
                                formats.get("", Highlight::kNone, true)),
          "title of " + table.id);
  else if (!title.empty())
    check(worksheet_write_string(sheet, kTitleRow, 0, title.c_str(), formats.get("", Highlight::kNone, true)),
          "title of " + table.id);
  check(worksheet_write_string(sheet, kSourceRow, 0, source_line(page, table).c_str(), nullptr),
        "source of " + table.id);

  const auto notes = notes_of(table, checks);
  std::vector<double> widths(static_cast<size_t>(std::max(table.n_cols, 0)), 6.0);
  for (const auto& cell : table.cells) {
    const std::string text = sheet_text(cell.text);
    const auto number = spreadsheet_number(without_spaces(text));
    const auto note = notes.find({cell.row, cell.col});
    const Highlight highlight = note == notes.end() ? Highlight::kNone : note->second.highlight;
    lxw_format* format = formats.get(number ? number->format : "", highlight);
    const lxw_row_t row = grid_row(cell.row);
    const lxw_col_t col = grid_col(cell.col);
    const std::string where = table.id + " " + cell_name(cell.row, cell.col);
    if (cell.row_span > 1 || cell.col_span > 1)
      // A merged range holds its text in its first cell, written over the range's blank below.
      check(worksheet_merge_range(sheet, row, col, grid_row(cell.row + cell.row_span - 1),
                                  grid_col(cell.col + cell.col_span - 1), "", format),
            where);
    if (number)
      check(worksheet_write_number(sheet, row, col, number->value, format), where);
    else if (!text.empty())
      check(worksheet_write_string(sheet, row, col, text.c_str(), format), where);
    else if (highlight != Highlight::kNone)
      check(worksheet_write_blank(sheet, row, col, format), where);
    if (note != notes.end() && !note->second.comment.empty())
      check(worksheet_write_comment(sheet, row, col, sheet_text(note->second.comment).c_str()), where);
    if (cell.col_span == 1 && cell.col >= 0 && static_cast<size_t>(cell.col) < widths.size())
      widths[static_cast<size_t>(cell.col)] =
          std::max(widths[static_cast<size_t>(cell.col)], display_width(text));
  }
  for (size_t c = 0; c < widths.size(); ++c)
    worksheet_set_column(sheet, grid_col(static_cast<int>(c)), grid_col(static_cast<int>(c)),
                         std::min(widths[c] + 2, 50.0), nullptr);
}

// Sheet names in formulas and links are quoted: ids hold a dash.
std::string link_to(const std::string& sheet, const std::string& cell) {
  return "internal:'" + sheet + "'!" + cell;
}

void write_table_list(lxw_workbook* book, Formats& formats, const DocumentResult& doc) {
  lxw_worksheet* sheet = workbook_add_worksheet(book, "tables");
  if (!sheet) throw std::runtime_error("the tables sheet cannot be added");
  lxw_format* bold = formats.get("", Highlight::kNone, true);
  const char* headings[] = {"table", "page", "title", "rows", "columns", "continues", "page read"};
  for (lxw_col_t c = 0; c < 7; ++c)
    check(worksheet_write_string(sheet, 0, c, headings[c], bold), "tables sheet");
  lxw_row_t row = 1;
  for (const auto& page : doc.pages)
    for (const auto& table : page.tables) {
      check(worksheet_write_url_opt(sheet, row, 0, link_to(table.id, "A1").c_str(), nullptr, table.id.c_str(),
                                    nullptr),
            "tables sheet");
      check(worksheet_write_number(sheet, row, 1, page.page, nullptr), "tables sheet");
      check(worksheet_write_string(sheet, row, 2, sheet_text(table.title).c_str(), nullptr), "tables sheet");
      check(worksheet_write_number(sheet, row, 3, table.n_rows, nullptr), "tables sheet");
      check(worksheet_write_number(sheet, row, 4, table.n_cols, nullptr), "tables sheet");
      if (table.continues)
        check(worksheet_write_string(sheet, row, 5, table.continues->c_str(), nullptr), "tables sheet");
      check(worksheet_write_string(sheet, row, 6, to_string(page.mode), nullptr), "tables sheet");
      ++row;
    }
  worksheet_set_column(sheet, 2, 2, 40, nullptr);
  worksheet_freeze_panes(sheet, 1, 0);
}

void write_check_list(lxw_workbook* book, Formats& formats, const DocumentResult& doc) {
  lxw_worksheet* sheet = workbook_add_worksheet(book, "checks");
  if (!sheet) throw std::runtime_error("the checks sheet cannot be added");
  lxw_format* bold = formats.get("", Highlight::kNone, true);
  const char* headings[] = {"table", "kind", "total", "terms", "holds", "why not"};
  for (lxw_col_t c = 0; c < 6; ++c)
    check(worksheet_write_string(sheet, 0, c, headings[c], bold), "checks sheet");
  lxw_row_t row = 1;
  for (const auto& c : doc.checks) {
    const std::string total = cell_name(c.total.first, c.total.second);
    std::string terms;
    for (const auto& [r, col] : c.cells) terms += (terms.empty() ? "" : ", ") + cell_name(r, col);
    lxw_format* mark = c.ok ? nullptr : formats.get("", Highlight::kFailedTotal);
    check(worksheet_write_string(sheet, row, 0, c.table.c_str(), mark), "checks sheet");
    check(worksheet_write_string(sheet, row, 1, c.kind.c_str(), mark), "checks sheet");
    check(
        worksheet_write_url_opt(sheet, row, 2, link_to(c.table, total).c_str(), mark, total.c_str(), nullptr),
        "checks sheet");
    check(worksheet_write_string(sheet, row, 3, sheet_text(terms).c_str(), mark), "checks sheet");
    check(worksheet_write_string(sheet, row, 4, c.ok ? "yes" : "no", mark), "checks sheet");
    std::string why = c.failure == "printed"   ? "the document's own figures disagree"
                      : c.failure == "misread" ? "a term read by OCR is likely misread"
                                               : "";
    if (c.suspect) why += ", likeliest " + cell_name(c.suspect->first, c.suspect->second);
    if (!why.empty()) check(worksheet_write_string(sheet, row, 5, why.c_str(), mark), "checks sheet");
    ++row;
  }
  worksheet_set_column(sheet, 3, 3, 40, nullptr);
  worksheet_freeze_panes(sheet, 1, 0);
}

// A folder only this process may write in, removed with what it holds when the scope ends:
// libxlsxwriter opens its file by name, which must not be a name another user could replace.
class PrivateFolder {
 public:
  PrivateFolder() {
    std::string pattern = (fs::temp_directory_path() / "gridlift-xlsx-XXXXXX").string();
    if (!::mkdtemp(pattern.data()))
      throw std::runtime_error("no temporary folder for a workbook in " + fs::temp_directory_path().string() +
                               ": " + std::strerror(errno));
    path_ = pattern;
  }
  ~PrivateFolder() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  PrivateFolder(const PrivateFolder&) = delete;
  PrivateFolder& operator=(const PrivateFolder&) = delete;
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

}  // namespace

void write_xlsx(const DocumentResult& doc, const fs::path& path) {
  PrivateFolder scratch;
  const fs::path book_path = scratch.path() / "book.xlsx";
  try {
    std::string tmpdir = scratch.path().string();
    lxw_workbook_options options{};
    options.tmpdir = tmpdir.data();
    options.use_zip64 = LXW_TRUE;  // a document of thousands of tables passes 4 GB uncompressed
    lxw_workbook* book = workbook_new_opt(book_path.c_str(), &options);
    if (!book) throw std::runtime_error("the workbook cannot be started");
    try {
      Formats formats(book);
      write_table_list(book, formats, doc);
      for (const auto& page : doc.pages)
        for (const auto& table : page.tables) write_table_sheet(book, formats, page, table, doc.checks);
      write_check_list(book, formats, doc);
    } catch (...) {
      workbook_close(book);  // frees it; the half-made file goes with the scratch folder
      throw;
    }
    check(workbook_close(book), "the workbook cannot be written");
  } catch (const std::exception& e) {
    throw std::runtime_error(path.string() + ": " + e.what());
  }
  std::ifstream in(book_path, std::ios::binary);
  if (!in) throw std::runtime_error(path.string() + ": the written workbook cannot be read back");
  write_file_atomically(path, [&](std::ostream& out) { out << in.rdbuf(); });  // names the file itself
}

}  // namespace gridlift
