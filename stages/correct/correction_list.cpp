#include "stages/correct/correction_list.h"

#include <algorithm>

#include "models/unicode.h"

#include "stages/correct/label_correction.h"
#include "stages/correct/list_numbers.h"
#include "stages/correct/ocr_marks.h"
#include "stages/correct/subject_codes.h"

namespace gridlift {
namespace {

template <std::string (*Mend)(const std::string&)>
void mend_each_cell(Table& table, const DomainProfile&) {
  for (Cell& cell : table.cells)
    if (!cell.text.empty()) cell.text = Mend(cell.text);
}

// The subject code printed left of `cell` on its row, whole or split over 类 / 款 / 项 columns
// ("210" | "07" | "17"), or "" when the row prints none.
std::string code_left_of(const Table& table, const Cell& cell, const DomainProfile& profile) {
  std::string code;
  for (const Cell& c : table.cells) {
    if (c.row != cell.row || c.col >= cell.col) continue;
    const std::string text = without_spaces(c.text);
    if (!text.empty() && ascii_digits(text) == text) code += text;
  }
  return profile.is_subject_code(code) ? code : std::string();
}

void match_standard_labels(Table& table, const DomainProfile& profile) {
  const LabelIndex& vocabulary = profile.index;
  for (Cell& cell : table.cells) {
    auto standard = standard_label_for(cell.text, profile);
    if (!standard) continue;
    // A subject whose code the row prints otherwise is another subject the vocabulary does not
    // hold (2100717 计划生育服务 is not 21007 计划生育事务): the reading stays.
    const auto codes = vocabulary.codes_of_subject.find(comparable_label(*standard));
    if (const std::string code = code_left_of(table, cell, profile);
        !code.empty() && codes != vocabulary.codes_of_subject.end() && !codes->second.count(code))
      continue;
    cell.text = std::move(*standard);
  }
}

void mend_list(Table& table, const DomainProfile&) {
  mend_list_numbers(table);
}

void mend_subjects(Table& table, const DomainProfile& profile) {
  mend_subjects_by_code(table, profile);
}

}  // namespace

const std::vector<CorrectionRule>& correction_rules() {
  static const std::vector<CorrectionRule> rules = {
      {"dash-for-yi", "a dash starting a word before Chinese text is chi_sim's reading of 一",
       mend_each_cell<mend_dashes_read_for_yi>},
      {"bracket-pair", "an angle bracket paired with a parenthesis is a misread parenthesis",
       mend_each_cell<mend_bracket_pairs>},
      {"number-spacing",
       "a number's words joined: a space beside a mark is its spacing, one where a thousands group starts a "
       "lost comma",
       mend_each_cell<mend_number_spacing>},
      {"bracket-spacing", "no space stands between a parenthesis and Chinese text",
       mend_each_cell<mend_bracket_spacing>},
      {"stray-mark",
       "a mark no label starts or ends with, at the cell's edge, is a speck or a rule's remnant",
       mend_each_cell<drop_stray_end_marks>},
      {"standard-label",
       "the reading differs from exactly one standard label of budget tables, in characters of like shape",
       match_standard_labels},
      {"list-number", "the list numbers around it leave this number only", mend_list},
      {"subject-code",
       "the subject code and the name beside it are one edit from a pair of the classification",
       mend_subjects},
  };
  return rules;
}

size_t correct_table(Table& table, const std::vector<char>& read_by_ocr, const DomainProfile& profile,
                     const std::vector<CorrectionRule>& rules) {
  if (read_by_ocr.size() != table.cells.size() ||
      std::none_of(read_by_ocr.begin(), read_by_ocr.end(), [](char c) { return c != 0; }))
    return 0;
  size_t kept = 0;
  std::vector<std::string> before(table.cells.size());
  for (const CorrectionRule& rule : rules) {
    for (size_t i = 0; i < table.cells.size(); ++i) before[i] = table.cells[i].text;
    rule.apply(table, profile);
    for (size_t i = 0; i < table.cells.size(); ++i) {
      Cell& cell = table.cells[i];
      if (cell.text == before[i]) continue;
      if (!read_by_ocr[i]) {
        cell.text = std::move(before[i]);
        continue;
      }
      table.corrections.push_back({std::string(rule.name), cell.row, cell.col, std::move(before[i]),
                                   cell.text, std::string(rule.why)});
      ++kept;
    }
  }
  return kept;
}

std::string corrections_note(const std::vector<Table>& tables) {
  size_t count = 0;
  std::string list;
  for (const Table& table : tables)
    for (const Correction& c : table.corrections) {
      list += (count++ ? ", " : "") + c.rule + ": " + c.before + " → " + c.after;
    }
  if (count == 0) return {};
  return std::to_string(count) + (count == 1 ? " cell" : " cells") + " corrected (" + list + ")";
}

}  // namespace gridlift
