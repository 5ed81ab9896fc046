#include "models/table_grid_text.h"

namespace gridlift {

TextGrid expand_to_grid(const Table& table) {
  TextGrid grid(static_cast<size_t>(std::max(table.n_rows, 0)),
                std::vector<std::string>(static_cast<size_t>(std::max(table.n_cols, 0))));
  for (const auto& c : table.cells)
    if (c.row >= 0 && c.row < table.n_rows && c.col >= 0 && c.col < table.n_cols)
      grid[static_cast<size_t>(c.row)][static_cast<size_t>(c.col)] = c.text;
  return grid;
}

}  // namespace gridlift
