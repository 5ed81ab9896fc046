#pragma once
// read: text-layer characters into the cells of a detected grid.

#include <vector>

#include "models/table.h"
#include "models/text_char.h"
#include "stages/grid/grid_types.h"

namespace gridlift {

//! The table laid on `grid`: shape, box, and every cell placed (same order as grid.cells) and boxed
//! in points with `scale`; texts empty, confidence 1. Readers fill in the text.
Table table_on_grid(const TableGrid& grid, const PixelScale& scale);

//! A table whose cells hold the text of the characters centred inside them. Characters it takes
//! are flagged in `taken` (same size as `chars`). Boxes are converted to points with `scale`;
//! id, title and continuation are left to the assembler.
Table read_table(const TableGrid& grid, const PixelScale& scale, const TextChars& chars,
                 std::vector<char>& taken);

}  // namespace gridlift
