#pragma once
// Grid finding, step 3b: tables ruled only across. A three-line table (a rule above, one under its
// header, one below) or a table with a rule under every row has no vertical rules, so no lattice;
// its columns are where its text leaves a gap on every line, its rows are its lines of text.

#include <vector>

#include "stages/grid/grid_options.h"
#include "stages/grid/grid_types.h"

namespace gridlift {

//! Tables framed by long horizontal rules that no lattice took, read off the text-layer glyphs
//! between them (`glyphs` whose `ink` is empty; blobs of ink are not text). A region becomes a
//! table only where the text shows one: two columns or more that at least half of its body lines
//! use, and two rows or more. Every region looked at, taken or not, is recorded in `decisions`.
std::vector<TableGrid> find_rule_framed_tables(const std::vector<LineSegment>& segments,
                                               const std::vector<TableGrid>& lattices,
                                               const std::vector<GlyphBox>& glyphs,
                                               const GridOptions& options, const PixelScale& scale,
                                               std::vector<RegionDecision>& decisions);

}  // namespace gridlift
