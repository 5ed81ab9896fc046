#pragma once
// grid: ruled tables of a page image, with their merged cells. A pure function: pixels
// (and optionally the glyph boxes of the text layer) in, pixel-space grids and a debug record out.

#include <opencv2/core/mat.hpp>
#include <vector>

#include "models/geometry.h"
#include "stages/grid/grid_options.h"
#include "stages/grid/grid_types.h"

namespace gridlift {

//! `glyphs` are the text layer's character boxes in the same pixel space, in reading order (empty on
//! scans): they keep text from being read as a rule, and text flowing across an edge merges cells.
GridDetection detect_grids(const cv::Mat& gray, const PixelScale& scale, const std::vector<GlyphBox>& glyphs,
                           const GridOptions& options = {});

}  // namespace gridlift
