#pragma once
// clean: glyph boxes for a page without a text layer, found in its pixels. Grid finding
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

//! The tight boxes of the blobs of ink the size of a character (connected components of `ink`, the
//! page's binarize_page(), no larger than `max_glyph_pt` either way and not specks), in no order.
//! Labelling a 300-dpi page is a sizeable share of its cleanup: label once, then draw both the
//! glyphs (glyphs_from_blobs) and the free text's lines (free_text_boxes) from the same blobs.
std::vector<ImageRect> glyph_sized_blobs(const cv::Mat& ink, const PixelScale& scale, double max_glyph_pt);

//! Those of `blobs` no larger than `max_glyph_pt` as glyph boxes, in reading order: top to bottom by
//! line, left to right. `em` is left 0 (unknown).
std::vector<GlyphBox> glyphs_from_blobs(const std::vector<ImageRect>& blobs, const PixelScale& scale,
                                        double max_glyph_pt = 24);

//! glyphs_from_blobs() of the glyph-sized blobs of `ink`.
std::vector<GlyphBox> glyphs_from_ink(const cv::Mat& ink, const PixelScale& scale, double max_glyph_pt = 24);

struct InkWithoutRules {
  cv::Mat ink;            //!< the page's ink with its rules erased
  cv::Rect rules_extent;  //!< the smallest rectangle holding every pixel erased (empty if none)
};

//! `ink` less its rules: runs at least `min_rule_pt` long across or down (gaps up to `gap_pt`
//! bridged) erased.
InkWithoutRules ink_without_rules(const cv::Mat& ink, const PixelScale& scale, double min_rule_pt,
                                  double gap_pt = 1.5);

//! The characters glyphs_from_ink() cannot see: in narrow columns they touch the rules on either
//! side and make one blob with the whole ruling, far too large for a glyph. Found in `ink` with
//! runs longer than `max_glyph_pt` taken out (nothing that long can be part of a glyph-sized
//! blob); blobs already in `known` (glyphs_from_ink(ink)) and pieces of broken rules left out.
//! In reading order, like glyphs_from_ink().
std::vector<GlyphBox> glyphs_touching_rules(const cv::Mat& ink, const PixelScale& scale,
                                            const std::vector<GlyphBox>& known, double max_glyph_pt = 24);

}  // namespace gridlift
