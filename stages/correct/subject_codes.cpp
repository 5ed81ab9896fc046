#include "stages/correct/subject_codes.h"

#include <algorithm>
#include <map>
#include <set>
#include <string_view>

#include "models/unicode.h"

namespace gridlift {
namespace {

// Digits read surely score this or more (cell_ocr.cpp); a code read so is not overruled by a name.
constexpr double kSureDigits = 0.95;

bool has_chinese(const std::string& text) {
  const std::u32string cps = code_points(text);
  return std::any_of(cps.begin(), cps.end(), is_han);
}

int digits_apart(const std::string& a, const std::string& b) {
  int n = 0;
  for (size_t i = 0; i < a.size(); ++i) n += a[i] != b[i];
  return n;
}

// Edits from `read` to `name`, given up past `limit` (returns limit + 1): a character changed, or a
// mark (no Chinese character) in or out. A Chinese character in or out is a word of the
// department's own (机关事业单位基本养老保险费 for the standard's …保险缴费), not a misreading.
int edits_apart(const std::u32string& read, const std::u32string& name, int limit) {
  if (std::abs(static_cast<int>(read.size()) - static_cast<int>(name.size())) > limit) return limit + 1;
  const int never = limit + 1;
  auto in_or_out = [&](char32_t cp) { return is_han(cp) ? never : 1; };
  std::vector<int> row(name.size() + 1);
  row[0] = 0;
  for (size_t j = 1; j <= name.size(); ++j) row[j] = std::min(never, row[j - 1] + in_or_out(name[j - 1]));
  for (size_t i = 1; i <= read.size(); ++i) {
    int diagonal = row[0];
    row[0] = std::min(never, row[0] + in_or_out(read[i - 1]));
    for (size_t j = 1; j <= name.size(); ++j) {
      const int above = row[j];
      row[j] = std::min({never, above + in_or_out(read[i - 1]), row[j - 1] + in_or_out(name[j - 1]),
                         diagonal + (read[i - 1] == name[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[name.size()];
}

// The one code of `name` that `code` is a digit from, or "" if none or several.
std::string code_a_digit_off(const std::string& code, const std::set<std::string>& codes) {
  std::string found;
  for (const auto& c : codes) {
    if (c.size() != code.size() || digits_apart(c, code) != 1) continue;
    if (!found.empty()) return {};
    found = c;
  }
  return found;
}

// The one of `names` that `read` is near (an edit per five characters, at least one), or nullptr.
const std::u32string* name_near(const std::u32string& read, const std::set<std::u32string>& names) {
  const std::u32string* found = nullptr;
  for (const auto& n : names) {
    const int limit = std::max(1, static_cast<int>(n.size()) / 5);
    if (edits_apart(read, n, limit) > limit) continue;
    if (found) return nullptr;
    found = &n;
  }
  return found;
}

}  // namespace

int mend_subjects_by_code(Table& table, const DomainProfile& profile) {
  const LabelIndex& v = profile.index;
  std::map<std::pair<int, int>, size_t> at;  // (row, col) -> cell
  for (size_t i = 0; i < table.cells.size(); ++i) at[{table.cells[i].row, table.cells[i].col}] = i;

  int mended = 0;
  for (size_t i = 0; i < table.cells.size(); ++i) {
    Cell& code_cell = table.cells[i];
    if (!profile.is_subject_code(code_cell.text)) continue;
    Cell* name_cell = nullptr;
    for (auto it = at.upper_bound({code_cell.row, code_cell.col});
         it != at.end() && it->first.first == code_cell.row; ++it)
      if (has_chinese(table.cells[it->second].text)) {
        name_cell = &table.cells[it->second];
        break;
      }
    if (!name_cell) continue;

    const std::u32string name = comparable_label(name_cell->text);
    if (const auto subject = v.codes_of_subject.find(name); subject != v.codes_of_subject.end()) {
      if (subject->second.count(code_cell.text) || code_cell.confidence >= kSureDigits) continue;
      if (std::string code = code_a_digit_off(code_cell.text, subject->second); !code.empty()) {
        code_cell.text = std::move(code);
        ++mended;
      }
      continue;
    }
    const auto code = v.names_of_code.find(code_cell.text);
    if (code == v.names_of_code.end() || v.labels.count(name)) continue;
    if (const std::u32string* standard = name_near(name, code->second)) {
      name_cell->text = to_utf8(*standard);
      ++mended;
    }
  }
  return mended;
}

}  // namespace gridlift
