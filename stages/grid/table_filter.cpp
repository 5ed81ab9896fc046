#include "stages/grid/table_filter.h"

#include <algorithm>

namespace gridlift {
namespace {

template <typename T>
T median(std::vector<T> v) {
  std::nth_element(v.begin(), v.begin() + static_cast<long>(v.size() / 2), v.end());
  return v[v.size() / 2];
}

}  // namespace

std::vector<TableGrid> drop_non_tables(std::vector<TableGrid> grids, const std::vector<GlyphBox>& glyphs) {
  if (glyphs.empty()) return grids;  // a scan: no text to judge by
  std::vector<TableGrid> kept;
  for (auto& grid : grids) {
    std::vector<int> glyph_heights;
    for (const auto& g : glyphs) {
      const int cx = g.box.center_x(), cy = g.box.center_y();
      if (cx >= grid.bbox.x0 && cx < grid.bbox.x1 && cy >= grid.bbox.y0 && cy < grid.bbox.y1)
        glyph_heights.push_back(g.box.height());
    }
    if (glyph_heights.empty()) continue;  // a drawing, map or empty frame
    std::vector<int> widths, heights;
    for (const auto& cell : grid.cells) {
      ImageRect r = grid.cell_rect(cell);
      widths.push_back(r.width());
      heights.push_back(r.height());
    }
    // Cells smaller than the glyphs in them are strokes of lettering or a drawing, not a table:
    // a real cell holds at least one glyph (a stacked narrow column is still a glyph wide).
    const double glyph = median(glyph_heights);
    if (median(widths) < 0.6 * glyph || median(heights) < 0.6 * glyph) continue;
    kept.push_back(std::move(grid));
  }
  return kept;
}

}  // namespace gridlift
