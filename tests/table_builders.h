#pragma once
// Tables for tests, written as rows of cell texts.

#include <string>
#include <vector>

#include "models/table.h"

namespace gridlift::testing {

//! A table "p1-t1" with one 1x1 cell per text, row-major.
inline Table table_of(const std::vector<std::vector<std::string>>& rows) {
  Table t;
  t.id = "p1-t1";
  t.n_rows = static_cast<int>(rows.size());
  t.n_cols = static_cast<int>(rows[0].size());
  for (int r = 0; r < t.n_rows; ++r)
    for (int c = 0; c < t.n_cols; ++c)
      t.cells.push_back({r, c, 1, 1, rows[static_cast<size_t>(r)][static_cast<size_t>(c)], {}, 1});
  return t;
}

}  // namespace gridlift::testing
