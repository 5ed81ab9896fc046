#pragma once
// Stage 3, grid: ruled tables of a page image, with their merged cells. A pure function: pixels
// (and optionally the glyph boxes of the text layer) in, pixel-space grids and a debug record out.

#include <opencv2/core/mat.hpp>
#include <vector>

#include "models/geometry.h"
#include "stages/grid/grid_options.h"
#include "stages/grid/grid_types.h"

namespace gridlift {

//! `glyphs` are text-layer character boxes in the same pixel space (may be empty, as on scans):
//! they keep text from being read as a rule where two cells merge.
GridDetection detect_grids(const cv::Mat& gray, const PixelScale& scale, const std::vector<ImageRect>& glyphs,
                           const GridOptions& options = {});

}  // namespace gridlift
