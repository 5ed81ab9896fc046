#pragma once
// read from pixels: the text outside the tables of a page without a usable text layer
// (captions, unit and year lines, notes, page numbers), as text-layer-like characters so that
// titles and text blocks are assembled exactly as on born-digital pages.

#include <opencv2/core.hpp>
#include <vector>

#include "models/geometry.h"
#include "models/text_char.h"
#include "stages/grid/grid_types.h"
#include "stages/ocr/ocr_engine.h"

namespace gridlift {

//! Titles are set larger than the cells' text: their characters, even two that touch, stay under
//! this size, while figures, stamps and rules do not.
inline constexpr double kFreeTextMaxGlyphPt = 40;

//! The glyph-sized blobs of the page (glyph_sized_blobs(ink, scale, kFreeTextMaxGlyphPt)) outside
//! `tables`, grouped into line boxes (words closer than ~2 em joined), in page pixels, top to bottom.
std::vector<ImageRect> free_text_boxes(const std::vector<ImageRect>& blobs,
                                       const std::vector<TableGrid>& tables, const PixelScale& scale);

//! Each box of free_text_boxes read by chi_sim; every recognized character becomes a TextChar on
//! its line, spread evenly over the line's width (Tesseract's text, the box's geometry), with a
//! font size from the line's height. Lines read with confidence under 0.3 are dropped as noise.
TextChars read_free_text(const cv::Mat& gray, const std::vector<ImageRect>& blobs,
                         const std::vector<TableGrid>& tables, const PixelScale& scale, OcrEngine& engine);

}  // namespace gridlift
