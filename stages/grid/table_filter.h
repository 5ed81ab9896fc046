#pragma once
// Grid finding, step 4: grids that cannot be tables are dropped.

#include <vector>

#include "stages/grid/grid_types.h"

namespace gridlift {

//! On a page with a text layer (`glyphs` not empty), removes grids with no glyph inside (drawings,
//! maps, photos, empty frames) and grids whose typical cell is smaller than the glyphs in it
//! (strokes of lettering). On a scan every grid is kept.
std::vector<TableGrid> drop_non_tables(std::vector<TableGrid> grids, const std::vector<GlyphBox>& glyphs);

}  // namespace gridlift
