#pragma once
// Truth documents against result documents, per document, per variant and overall.

#include <filesystem>
#include <map>
#include <ostream>
#include <string>
#include <vector>

#include "models/document.h"
#include "tools/score/table_score.h"

namespace gridlift {

//! Sums over tables; figures are ratios of these sums (micro averages).
struct ScoreTally {
  int truth_tables = 0;
  int matched_tables = 0;
  int extra_tables = 0;  //!< result tables that answer no truth table
  int cells_compared = 0;
  int cells_exact = 0;
  int numeric_total = 0;
  int numeric_exact = 0;
  double structure_sum = 0;  //!< summed per truth table; unmatched tables add 0
  int silent_numbers = 0;    //!< wrong while confident (see TableScore)
  int silent_text = 0;
  //! Non-zero number cells of the result, and those some check of the result covers (as a term
  //! or a total): how much of what was read the document's own arithmetic and codes vouch for.
  int result_numbers = 0;
  int result_numbers_covered = 0;

  void add(const ScoreTally& other);
  double table_recall() const;
  double cell_accuracy() const;
  double numeric_accuracy() const;
  double structure_accuracy() const;
  double check_coverage() const;
};

//! Each truth table is answered by the most similar unused result table on the same page.
//! With `differences`, also every cell where they differ, and each truth table no result answers
//! (one entry with row and column -1).
ScoreTally score_document(const DocumentResult& truth, const DocumentResult& result,
                          std::vector<CellDifference>* differences = nullptr);

struct DocumentReport {
  std::string name;     //!< truth path relative to the truth root, without its suffix
  std::string variant;  //!< first folder of `name`, or "-"
  ScoreTally tally;
  std::string problem;  //!< why the result counted as zero, if it did
  std::vector<CellDifference> differences;
};

//! Pairs truth files (NAME<suffix>, searched recursively when `truth` is a folder) with results (RESULT/<same
//! subfolder>/NAME.json, else RESULT/NAME.json) and scores them. A missing or malformed result scores zero
//! for that document, with the reason. `suffix` picks the truth files in a folder (".truth.json", or
//! ".expected.json" for the Camelot reference set).
std::vector<DocumentReport> score_paths(const std::filesystem::path& truth,
                                        const std::filesystem::path& result,
                                        const std::string& suffix = ".truth.json");

//! The table per document and per variant (with silent errors and check coverage), ending with the one line
//! "score: tables=… cell=… numeric=… structure=…".
//! With `list_differences`, each document's line is followed by the cells where it differs.
void print_report(const std::vector<DocumentReport>& reports, std::ostream& out,
                  bool list_differences = false);

//! The scorer's last line for a tally.
std::string score_line(const ScoreTally& tally);

}  // namespace gridlift
