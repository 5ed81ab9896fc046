#include "stages/grid/rule_ink.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>

namespace gridlift {
namespace {

constexpr int kWhite = 248;        // at least this light: paper, or a white rule
constexpr int kPainted = 245;      // at most this light: a tint (fills as light as 234 are common)
constexpr int kRuleContrast = 12;  // a white rule is this much lighter than the paint beside it

}  // namespace

cv::Mat dark_ink(const cv::Mat& gray, const GridOptions& options, const PixelScale& scale) {
  int block = scale.pixels(7, 3) | 1;
  cv::Mat ink;
  cv::adaptiveThreshold(gray, ink, 255, cv::ADAPTIVE_THRESH_MEAN_C, cv::THRESH_BINARY_INV, block,
                        options.ink_contrast);
  return ink;
}

cv::Mat dark_ink_on_paint(const cv::Mat& gray, const GridOptions& options, const PixelScale& scale) {
  // The local mean is lifted by white rules and white letters, which would make the paint beside
  // them "darker than its surroundings". Compare with the paint itself instead: closing removes
  // thin dark strokes, opening removes thin white ones, and what is left is paper or fill.
  int size = scale.pixels(7, 3) | 1;
  cv::Mat kernel = cv::getStructuringElement(cv::MORPH_RECT, cv::Size(size, size));
  cv::Mat background, ink;
  cv::morphologyEx(gray, background, cv::MORPH_CLOSE, kernel);
  cv::morphologyEx(background, background, cv::MORPH_OPEN, kernel);
  cv::subtract(background, gray, ink);  // saturates at 0 where the pixel is lighter
  cv::threshold(ink, ink, options.ink_contrast, 255, cv::THRESH_BINARY);
  return ink;
}

std::vector<cv::Rect> painted_regions(const cv::Mat& gray) {
  // On a quarter-size copy, pixels of mid-gray whose neighbourhood is just as gray: flat fills, not
  // the anti-aliased edges of text.
  constexpr int kShrink = 4;
  // A picture under kShrink pixels on a side has no quarter-size copy, and no room for a fill.
  if (gray.rows < kShrink || gray.cols < kShrink) return {};
  cv::Mat small, low, high;
  cv::resize(gray, small, cv::Size(), 1.0 / kShrink, 1.0 / kShrink, cv::INTER_AREA);
  cv::erode(small, low, cv::Mat());
  cv::dilate(small, high, cv::Mat());
  cv::Mat flat = (small > 90) & (small <= kPainted) & ((high - low) < 12);
  if (cv::countNonZero(flat) * 100 <= static_cast<int>(small.total())) return {};  // under 1% of the page
  // Regions of paint, grown so that their edges and the white rules between cells fall inside.
  cv::dilate(flat, flat, cv::getStructuringElement(cv::MORPH_RECT, cv::Size(7, 7)));
  std::vector<std::vector<cv::Point>> contours;
  cv::findContours(flat, contours, cv::RETR_EXTERNAL, cv::CHAIN_APPROX_SIMPLE);
  std::vector<cv::Rect> regions;
  const cv::Rect page(0, 0, gray.cols, gray.rows);
  for (const auto& c : contours) {
    cv::Rect r = cv::boundingRect(c);
    regions.push_back(cv::Rect(r.x * kShrink, r.y * kShrink, r.width * kShrink, r.height * kShrink) & page);
  }
  return regions;
}

namespace {

// light_rules for rules running along rows: each pixel against the rows above and below it, as
// whole-image operations (vertical rules run on the transposed page).
cv::Mat light_rules_along_rows(const cv::Mat& gray, int reach) {
  cv::Mat out = cv::Mat::zeros(gray.size(), CV_8UC1);
  if (gray.rows < 3) return out;
  // up_to(y) = darkest of rows y-reach+1..y; from(y) = darkest of rows y..y+reach-1.
  cv::Mat up_to, from;
  cv::Mat column = cv::Mat::ones(reach, 1, CV_8UC1);
  cv::erode(gray, up_to, column, cv::Point(0, reach - 1), 1, cv::BORDER_CONSTANT, cv::Scalar(255));
  cv::erode(gray, from, column, cv::Point(0, 0), 1, cv::BORDER_CONSTANT, cv::Scalar(255));
  const int n = gray.rows;
  // Rows 1..n-2, each next to the darkest within `reach` above (up_to of the row before) and below
  // (from of the row after), and to its immediate neighbours.
  cv::Mat mid = gray.rowRange(1, n - 1), darkest_above = up_to.rowRange(0, n - 2),
          darkest_below = from.rowRange(2, n);
  cv::Mat lift_above, lift_below, brighter_neighbour, rise;
  cv::subtract(mid, darkest_above, lift_above);  // saturates at 0
  cv::subtract(mid, darkest_below, lift_below);
  // A white rule: near-white, with paint a shade darker within `reach` on both sides.
  cv::Mat rule = (mid >= kWhite) & (lift_above >= kRuleContrast) & (lift_below >= kRuleContrast);
  // The darker side of a sharp edge between two paints, or paint and paper: the frame of a table
  // painted cell by cell, or a dark header band against the rows below it.
  cv::max(gray.rowRange(0, n - 2), gray.rowRange(2, n), brighter_neighbour);
  cv::subtract(brighter_neighbour, mid, rise);
  cv::Mat edge = (mid <= kPainted) & (rise >= 2 * kRuleContrast);
  cv::bitwise_or(rule, edge, out.rowRange(1, n - 1));
  return out;
}

}  // namespace

cv::Mat light_rules(const cv::Mat& gray, bool horizontal, int reach) {
  if (horizontal) return light_rules_along_rows(gray, reach);
  cv::Mat turned, marks;
  cv::transpose(gray, turned);
  cv::transpose(light_rules_along_rows(turned, reach), marks);
  return marks;
}

RuleInk find_rule_ink(const cv::Mat& gray, const GridOptions& options, const PixelScale& scale,
                      const cv::Mat& glyph_boxes) {
  cv::Mat dark = dark_ink(gray, options, scale);
  const auto regions = painted_regions(gray);
  if (regions.empty()) return {dark, dark};
  // Within painted regions: dark ink against the paint, white rules at most ~2 pt wide, and paint
  // edges. Inside glyph boxes white is the letter itself (white text on a dark header) or its
  // counters, never a rule.
  cv::Mat across = dark.clone(), down = dark.clone();
  const int reach = scale.pixels(1.5, 2);
  for (const cv::Rect& r : regions) {
    const cv::Mat region = gray(r);
    cv::Mat region_dark = dark_ink_on_paint(region, options, scale);
    cv::Mat light_across = light_rules(region, true, reach), light_down = light_rules(region, false, reach);
    if (!glyph_boxes.empty()) {
      light_across.setTo(0, glyph_boxes(r));
      light_down.setTo(0, glyph_boxes(r));
    }
    cv::bitwise_or(region_dark, light_across, across(r));
    cv::bitwise_or(region_dark, light_down, down(r));
  }
  return {across, down};
}

}  // namespace gridlift
