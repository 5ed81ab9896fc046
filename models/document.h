#pragma once
// The result for one input PDF: the root of NAME.json.

#include <optional>
#include <string>
#include <vector>

#include "models/page.h"

namespace gridlift {

//! An arithmetic relation found among a table's cells, e.g. a total row that sums its children.
struct ArithmeticCheck {
  std::string table;                       //!< table id
  std::string kind;                        //!< "column-sum" or "row-sum"
  std::vector<std::pair<int, int>> cells;  //!< addends as (row, col)
  std::pair<int, int> total{0, 0};         //!< the total as (row, col)
  bool ok = false;
  //! Why a check fails, judged from its terms (judge_failed_checks()): "printed" when every term
  //! was read from a trusted text layer, so the document itself does not add up; "misread" when
  //! a term was read by OCR. "" for a check that holds.
  std::string failure;
  //! With "misread": the term read by OCR least surely, the likeliest misreading.
  std::optional<std::pair<int, int>> suspect;
  bool operator==(const ArithmeticCheck&) const = default;
};

struct DocumentResult {
  std::string format = "tables/1";
  std::string source;  //!< file name of the input PDF
  std::string sha256;  //!< of the input file
  std::vector<PageResult> pages;
  std::vector<ArithmeticCheck> checks;
  bool operator==(const DocumentResult&) const = default;
};

}  // namespace gridlift
