#pragma once
// Stage 2b, clean: glyph boxes for a page without a text layer, found in its pixels. Grid finding
// uses glyph boxes to keep text from being read as rules (letters on a baseline line up into long
// runs); on a scan, the characters' own ink blobs stand in for the text layer's boxes.

#include <opencv2/core.hpp>
#include <vector>

#include "models/geometry.h"
#include "stages/grid/grid_types.h"

namespace gridlift {

//! A blob `width` x `height` pixels could be a character: neither side over `max_glyph_pt`, and
//! not a speck (a full stop at 9 pt is ~1.5 pt; smaller is noise).
bool is_glyph_sized(int width, int height, const PixelScale& scale, double max_glyph_pt);

//! Blobs of ink the size of a character (connected components of `ink`, the page's
//! binarize_page(), no larger than `max_glyph_pt` either way and not specks), in reading order: top to bottom
//! by line, left to right. `em` is left 0 (unknown).
std::vector<GlyphBox> glyphs_from_ink(const cv::Mat& ink, const PixelScale& scale, double max_glyph_pt = 24);

}  // namespace gridlift
