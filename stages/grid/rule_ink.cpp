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

bool has_painted_areas(const cv::Mat& gray) {
  // On a quarter-size copy, count pixels of mid-gray whose neighbourhood is just as gray: flat
  // fills, not the anti-aliased edges of text.
  cv::Mat small, low, high;
  cv::resize(gray, small, cv::Size(), 0.25, 0.25, cv::INTER_AREA);
  cv::erode(small, low, cv::Mat());
  cv::dilate(small, high, cv::Mat());
  size_t flat = 0;
  for (int y = 0; y < small.rows; ++y)
    for (int x = 0; x < small.cols; ++x) {
      int v = small.at<uchar>(y, x);
      if (v > 90 && v <= kPainted && high.at<uchar>(y, x) - low.at<uchar>(y, x) < 12) ++flat;
    }
  return flat * 100 > static_cast<size_t>(small.total());  // over 1% of the page
}

cv::Mat light_rules(const cv::Mat& gray, bool horizontal, int reach) {
  cv::Mat out = cv::Mat::zeros(gray.size(), CV_8UC1);
  const int dy = horizontal ? 1 : 0, dx = horizontal ? 0 : 1;
  for (int y = reach; y < gray.rows - reach; ++y)
    for (int x = reach; x < gray.cols - reach; ++x) {
      const int v = gray.at<uchar>(y, x);
      if (v <= kPainted) {
        // The darker side of an edge between two paints, or between paint and paper: the frame of
        // a table painted cell by cell, or a dark header band against the rows below it.
        int next = gray.at<uchar>(y + dy, x + dx), previous = gray.at<uchar>(y - dy, x - dx);
        if (std::max(next, previous) >= v + 2 * kRuleContrast) out.at<uchar>(y, x) = 255;
        continue;
      }
      if (v < kWhite) continue;
      bool before = false, after = false;
      for (int d = 1; d <= reach && !(before && after); ++d) {
        before = before || gray.at<uchar>(y - d * dy, x - d * dx) <= v - kRuleContrast;
        after = after || gray.at<uchar>(y + d * dy, x + d * dx) <= v - kRuleContrast;
      }
      if (before && after) out.at<uchar>(y, x) = 255;
    }
  return out;
}

RuleInk find_rule_ink(const cv::Mat& gray, const GridOptions& options, const PixelScale& scale,
                      const cv::Mat& glyph_boxes) {
  if (!has_painted_areas(gray)) {
    cv::Mat dark = dark_ink(gray, options, scale);
    return {dark, dark};
  }
  cv::Mat dark = dark_ink_on_paint(gray, options, scale);
  // White rules between fills are at most ~2 pt wide. Inside glyph boxes white is the letter
  // itself (white text on a dark header) or its counters, never a rule.
  int reach = scale.pixels(1.5, 2);
  cv::Mat across = light_rules(gray, true, reach), down = light_rules(gray, false, reach);
  if (!glyph_boxes.empty()) {
    across.setTo(0, glyph_boxes);
    down.setTo(0, glyph_boxes);
  }
  return {dark | across, dark | down};
}

}  // namespace gridlift
