#pragma once
// Stage 2b, clean: glyph boxes for a page without a text layer, found in its pixels. Grid finding
// uses glyph boxes to keep text from being read as rules (letters on a baseline line up into long
// runs); on a scan, the characters' own ink blobs stand in for the text layer's boxes.

#include <opencv2/core.hpp>
#include <vector>

#include "models/geometry.h"
#include "stages/grid/grid_types.h"

namespace gridlift {

//! Blobs of ink the size of a character (connected components of the Otsu-binarized page no
//! larger than `max_glyph_pt` either way and not specks), in reading order: top to bottom by line,
//! left to right. `em` is left 0 (unknown).
std::vector<GlyphBox> glyphs_from_ink(const cv::Mat& gray, const PixelScale& scale, double max_glyph_pt = 24);

}  // namespace gridlift
