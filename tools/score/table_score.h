#pragma once
// One truth table against one result table, GriTS-style: both expanded to full grids, rows and
// columns aligned by dynamic programming, then cells compared position by position.

#include "models/table.h"

namespace gridlift {

//! One place where a result differs from its truth, for `gridlift score --differences`. Rows and
//! columns are grid positions (a spanning cell covers several) of the result table, or of the
//! truth table where no result row or column answers it (`in_result` false).
struct CellDifference {
  std::string table;  //!< the result table's id (the truth's, when `in_result` is false)
  int row = 0, col = 0;
  bool in_result = true;
  std::string truth, read;  //!< normalized texts ("" for none)
  double confidence = 1;    //!< of the result cell (1 where there is none)
};

struct TableScore {
  int cells_compared = 0;  //!< positions where truth or result has text, plus unaligned texts
  int cells_exact = 0;     //!< of those, the same text after normalization
  int numeric_total = 0;   //!< truth cells that are numbers
  int numeric_exact = 0;
  double structure = 0;  //!< mean of: same row count, same column count, F1 of the span sets
  //! Result cells whose text is wrong while their confidence promises it right (≥
  //! kTrustedConfidence): silent errors, numbers (by the truth's text or the result's) and text apart.
  int silent_numbers = 0;
  int silent_text = 0;
  std::vector<CellDifference> differences;  //!< every compared position whose texts differ
};

//! Similarity in [0,1] of the two tables' cell texts taken as multisets (Dice): used to pick
//! which result table answers which truth table.
double content_similarity(const Table& truth, const Table& result);

TableScore score_table(const Table& truth, const Table& result);

//! What a truth table with no result counts: every text cell and number missed, structure 0.
TableScore score_missing_table(const Table& truth);

}  // namespace gridlift
