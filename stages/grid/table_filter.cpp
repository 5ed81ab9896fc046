#include "stages/grid/table_filter.h"

#include "stages/grid/median.h"

#include <algorithm>
#include <set>
#include <string>

namespace gridlift {
namespace {

// Why `grid` is no table, or empty when it may be one.
std::string why_not_a_table(const TableGrid& grid, const std::vector<GlyphBox>& glyphs) {
  std::vector<int> glyph_heights;
  std::set<int> rows_with_text, cols_with_text;
  for (const auto& g : glyphs) {
    const int cx = g.box.center_x(), cy = g.box.center_y();
    if (cx < grid.bbox.x0 || cx >= grid.bbox.x1 || cy < grid.bbox.y0 || cy >= grid.bbox.y1) continue;
    glyph_heights.push_back(g.box.height());
    if (!g.ink.empty()) continue;  // ink without text says where marks are, not where a table's text is
    rows_with_text.insert(grid.row_at(cy));
    cols_with_text.insert(grid.col_at(cx));
  }
  if (glyph_heights.empty()) return "no text inside: a drawing, map or empty frame";
  std::vector<int> widths, heights;
  for (const auto& cell : grid.cells) {
    ImageRect r = grid.cell_rect(cell);
    widths.push_back(r.width());
    heights.push_back(r.height());
  }
  // Cells smaller than the glyphs in them are strokes of lettering or a drawing, not a table:
  // a real cell holds at least one glyph (a stacked narrow column is still a glyph wide).
  const double glyph = median(glyph_heights);
  if (median(widths) < 0.6 * glyph || median(heights) < 0.6 * glyph) return "cells smaller than its glyphs";
  // Only text-layer glyphs can say what follows; a page whose only glyphs are ink blobs keeps the grid.
  if (rows_with_text.empty()) return {};
  // Text in one column of cells: a boxed heading, a frame around a picture, a page or a paragraph.
  if (cols_with_text.size() < 2)
    return "text in " + std::to_string(rows_with_text.size()) + " row(s) of one column of cells only";
  // One row of cells a character or so wide is lettering whose strokes were taken for rules (white
  // letters on a shaded bar). A one-row table is real where its cells are wide enough for words or
  // numbers: the last row of a table spilled onto the next page.
  if (rows_with_text.size() < 2 && median(widths) < 2 * glyph)
    return "one row of cells a character wide: lettering, not a table";
  return {};
}

}  // namespace

std::vector<TableGrid> drop_non_tables(std::vector<TableGrid> grids, const std::vector<GlyphBox>& glyphs,
                                       std::vector<RegionDecision>& decisions) {
  if (glyphs.empty()) return grids;  // a scan: no text to judge by
  std::vector<TableGrid> kept;
  for (auto& grid : grids) {
    const std::string reason = why_not_a_table(grid, glyphs);
    if (reason.empty()) {
      kept.push_back(std::move(grid));
    } else {
      decisions.push_back({grid.bbox, false, "ruled, not a table: " + reason});
    }
  }
  return kept;
}

}  // namespace gridlift
