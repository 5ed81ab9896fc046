#pragma once
// Grid finding, step 2: joined line segments become tables; each table's lines become a lattice,
// and lattice edges with no rule on them become spans.

#include <opencv2/core/mat.hpp>
#include <vector>

#include "stages/grid/grid_options.h"
#include "stages/grid/grid_types.h"
#include "stages/grid/rule_ink.h"

namespace gridlift {

//! Positions closer than `tolerance` merged into one, each weighted by `weights`; sorted ascending.
std::vector<int> cluster_positions(std::vector<std::pair<int, int>> position_weight, int tolerance);

//! Where the text layer put glyphs, in the page's pixels (empty on a page without text):
//! `boxes` 255 inside each glyph box.
struct TextMasks {
  cv::Mat boxes;
};

//! What the pixels along one lattice edge say (see edge_coverage).
struct EdgeInk {
  double clear = -1;  //!< inked share where no glyph touches the edge; -1 if text leaves too few such places
  double straight = -1;  //!< inked share of the best single pixel line along the edge
};

//! Inked share, in [0,1], of the lattice edge at `position` from `from` to `to` (pixels along the
//! edge), read twice: where no glyph box touches the edge (text never reaches there, so ink is rule;
//! a glyph overhanging a real rule cannot hide it), and along the best single pixel line of the
//! band (a rule is one straight line drawn whole; glyph strokes are short and off-line).
EdgeInk edge_coverage(const cv::Mat& ink, const TextMasks& text, bool vertical, int position, int from,
                      int to, int half_band, int bridge);

//! Tables laid out from `segments`: rows and columns at the rules, cells merged where an edge is
//! not ruled. `ink` is the binarized page.
std::vector<TableGrid> build_table_grids(const std::vector<LineSegment>& segments, const RuleInk& ink,
                                         const TextMasks& text, const GridOptions& options,
                                         const PixelScale& scale);

}  // namespace gridlift
