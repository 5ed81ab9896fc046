#pragma once
// What grid finding produces: per table, the lattice of ruled lines and the cells laid on it, plus
// the debug record (every segment found) that overlays are drawn from.

#include <algorithm>
#include <string>
#include <vector>

#include "models/geometry.h"

namespace gridlift {

//! A straight ruled line found in the image: `box` is its pixel extent, thickness included.
struct LineSegment {
  ImageRect box;
  bool horizontal = true;
};

//! A text-layer glyph in pixel space; lists of them keep the text layer's reading order (the seam
//! between two glyphs of one line is between neighbours in the list).
struct GlyphBox {
  ImageRect box;
  int em = 0;  //!< font size in pixels, 0 if unknown; boxes can be far taller (a font's full ascent+descent)
  //! For a blob of ink on a page read from pixels, the ink's own box (`box` is padded); empty for
  //! a text-layer glyph. Rules are taken out before blobs are labelled, so a rule never runs
  //! through the middle of one.
  ImageRect ink{};
};

//! One cell of a detected grid, by lattice position; spans cover several lattice cells.
struct GridCell {
  int row = 0, col = 0, row_span = 1, col_span = 1;
  bool operator==(const GridCell&) const = default;
};

//! One ruled table in pixel space.
struct TableGrid {
  ImageRect bbox;
  std::vector<int> row_edges;   //!< y of each horizontal lattice line, top to bottom (n_rows + 1)
  std::vector<int> col_edges;   //!< x of each vertical lattice line, left to right (n_cols + 1)
  std::vector<GridCell> cells;  //!< row-major by top-left position; every lattice cell covered once

  int n_rows() const { return static_cast<int>(row_edges.size()) - 1; }
  int n_cols() const { return static_cast<int>(col_edges.size()) - 1; }
  //! The lattice row holding `y`, clamped to the first and last row.
  int row_at(int y) const { return interval_at(y, row_edges); }
  //! The lattice column holding `x`, clamped to the first and last column.
  int col_at(int x) const { return interval_at(x, col_edges); }
  //! The interval of `edges` (ascending, two or more) holding `at`, clamped to the first and last.
  static int interval_at(int at, const std::vector<int>& edges) {
    const auto it = std::upper_bound(edges.begin() + 1, edges.end() - 1, at);
    return static_cast<int>(it - edges.begin()) - 1;
  }
  ImageRect cell_rect(const GridCell& c) const {
    return {col_edges[static_cast<size_t>(c.col)], row_edges[static_cast<size_t>(c.row)],
            col_edges[static_cast<size_t>(c.col + c.col_span)],
            row_edges[static_cast<size_t>(c.row + c.row_span)]};
  }
};

//! The order tables are listed in: top to bottom, then left to right.
inline bool reads_before(const TableGrid& a, const TableGrid& b) {
  return a.bbox.y0 != b.bbox.y0 ? a.bbox.y0 < b.bbox.y0 : a.bbox.x0 < b.bbox.x0;
}

//! A region grid finding judged by something other than a full lattice: what it decided and why.
struct RegionDecision {
  ImageRect box;
  bool taken = false;  //!< became a table
  std::string reason;  //!< in words, for the overlay and the decision log
};

//! Everything detection saw, so a debugging overlay never has to detect again.
struct GridDebug {
  std::vector<LineSegment> segments;    //!< all line segments before grouping into tables
  std::vector<RegionDecision> regions;  //!< regions ruled across only, and grids left out as no table
};

struct GridDetection {
  std::vector<TableGrid> tables;  //!< top to bottom, then left to right
  GridDebug debug;
};

}  // namespace gridlift
