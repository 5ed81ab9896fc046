#pragma once
// Grid finding, step 1: which pixels can belong to a rule. Pure functions over pixels.

#include <opencv2/core/mat.hpp>
#include <vector>

#include "models/geometry.h"
#include "stages/grid/grid_options.h"

namespace gridlift {

//! Pixels that can form rules, per direction (255 = ink). On a plain page both are the same dark
//! ink; on a page with painted cells, white rules left between the fills are added: across rows
//! to `horizontal`, down columns to `vertical`.
struct RuleInk {
  cv::Mat horizontal;
  cv::Mat vertical;
};

//! Dark ink by a local-mean threshold: a pixel darker than its ~7 pt neighbourhood by
//! `ink_contrast`, so faint gray rules and rules on tinted fills count.
cv::Mat dark_ink(const cv::Mat& gray, const GridOptions& options, const PixelScale& scale);

//! Dark ink on a page with painted cells: darker than the paper or fill around it by
//! `ink_contrast`, that background being the page with thin strokes of either shade removed.
cv::Mat dark_ink_on_paint(const cv::Mat& gray, const GridOptions& options, const PixelScale& scale);

//! Regions of the page painted in flat tints (cell fills, shaded header bands), grown a little so
//! their edges fall inside; empty when paint covers under 1% of the page. White rules and paint
//! edges exist only there.
std::vector<cv::Rect> painted_regions(const cv::Mat& gray);

//! White rules between painted cells: near-white pixels with paint within `reach` pixels on both
//! sides across the rule (above and below for `horizontal` rules); and the darker side of every
//! sharp edge between paints or paint and paper, the frame of a table painted cell by cell.
cv::Mat light_rules(const cv::Mat& gray, bool horizontal, int reach);

//! `glyph_boxes` (255 inside text-layer glyph boxes; may be empty) keeps white letters from
//! counting as white rules.
RuleInk find_rule_ink(const cv::Mat& gray, const GridOptions& options, const PixelScale& scale,
                      const cv::Mat& glyph_boxes);

}  // namespace gridlift
