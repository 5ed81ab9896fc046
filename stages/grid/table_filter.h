#pragma once
// Grid finding, step 4: grids that cannot be tables are dropped.

#include <vector>

#include "stages/grid/grid_types.h"

namespace gridlift {

//! On a page with a text layer (`glyphs` not empty), removes grids with no glyph inside (drawings,
//! maps, photos, empty frames), grids whose typical cell is smaller than the glyphs in it (strokes
//! of lettering), grids whose text sits in one column of cells (a boxed heading, a frame around a
//! picture or a page), and one-row grids of cells a character wide (white lettering on a shaded
//! bar, its strokes taken for rules). On a scan every grid is kept. Each grid
//! left out is recorded in `decisions` with its reason.
std::vector<TableGrid> drop_non_tables(std::vector<TableGrid> grids, const std::vector<GlyphBox>& glyphs,
                                       std::vector<RegionDecision>& decisions);

}  // namespace gridlift
