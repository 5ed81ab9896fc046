#pragma once
// verdict: does the text layer account for the ink on the page? Characters drawn as
// vector outlines or pasted in as a picture are ink where the text layer has no glyph; a page
// number stamped on a scan is a text layer of a few characters over a page of ink.

#include <opencv2/core.hpp>
#include <vector>

#include "stages/grid/grid_types.h"

namespace gridlift {

//! The blobs of `ink_blobs` (glyph-sized blobs of the page's ink, glyphs_from_ink()) whose centre
//! lies in no text-layer glyph box grown by `slack` pixels: characters the text layer lacks.
//! `page` is the size of the raster both are in.
std::vector<GlyphBox> ink_without_text(const std::vector<GlyphBox>& ink_blobs,
                                       const std::vector<GlyphBox>& text_glyphs, cv::Size page, int slack);

}  // namespace gridlift
