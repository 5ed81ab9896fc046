#pragma once
// Grid finding, step 2: joined line segments become tables; each table's lines become a lattice,
// and lattice edges with no rule on them become spans.

#include <opencv2/core/mat.hpp>
#include <vector>

#include "stages/grid/grid_options.h"
#include "stages/grid/grid_types.h"

namespace gridlift {

//! Positions closer than `tolerance` merged into one, each weighted by `weights`; sorted ascending.
std::vector<int> cluster_positions(std::vector<std::pair<int, int>> position_weight, int tolerance);

//! Share, in [0,1], of the lattice edge at `position` from `from` to `to` (pixels along the edge)
//! that is inked. Stretches hidden under glyphs (`glyph_mask` 255) do not count either way, so text
//! that crosses where a rule would be cannot fake one. Returns -1 if nothing could be judged.
double edge_coverage(const cv::Mat& ink, const cv::Mat& glyph_mask, bool vertical, int position, int from,
                     int to, int half_band, int bridge);

//! Tables laid out from `segments`: rows and columns at the rules, cells merged where an edge is
//! not ruled. `ink` is the binarized page; `glyph_mask` (may be empty) marks text-layer glyphs.
std::vector<TableGrid> build_table_grids(const std::vector<LineSegment>& segments, const cv::Mat& ink,
                                         const cv::Mat& glyph_mask, const GridOptions& options,
                                         const PixelScale& scale);

}  // namespace gridlift
