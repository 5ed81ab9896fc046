#pragma once
// correct: what was read, put right by what the table and the budget domain know. Every
// rule is one named step of one ordered list, run on every table of both reading paths (the
// text-layer path has cells read by OCR too: text pasted as a picture). A rule rewrites cells;
// the list keeps a change only for a cell read by OCR, since a text layer is what was printed even
// where a rule would have it otherwise, and traces each kept change on the table
// (Table::corrections: rule, cell, before, after, why), which the result, the decision log and
// the HTML report show.
//
// The last correction, repair by arithmetic (sum_repair.h), runs once the document's checks are
// known, and traces its changes the same way.

#include <string>
#include <string_view>
#include <vector>

#include "models/domain_profile.h"
#include "models/table.h"

namespace gridlift {

//! One correction rule: its name and evidence as traced, and the rewrite.
struct CorrectionRule {
  std::string_view name;  //!< "standard-label"
  std::string_view why;   //!< the evidence every change of the rule rests on
  //! Rewrites the cells it corrects, and no others; `profile` is what the field's words are.
  void (*apply)(Table& table, const DomainProfile& profile);
};

//! The rules in the order they run: the marks of a reading first (dash-for-yi, bracket-pair,
//! stray-mark), then the words (standard-label), then what the table's rows and columns say
//! (list-number, subject-code), each seeing the cells as the one before left them.
const std::vector<CorrectionRule>& correction_rules();

//! Runs `rules` on `table` in order, by `profile`, `read_by_ocr[i]` telling whether cell i's text came from
//! OCR (a size other than the cells' means none did). Each change kept is appended to table.corrections;
//! returns how many there were.
size_t correct_table(Table& table, const std::vector<char>& read_by_ocr, const DomainProfile& profile,
                     const std::vector<CorrectionRule>& rules = correction_rules());

//! "N cells corrected (rule: before → after, …)" for the page's decision line, or "" for none.
std::string corrections_note(const std::vector<Table>& tables);

}  // namespace gridlift
