#include "stages/grid/line_segments.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>

namespace gridlift {
namespace {

int to_px(double points, const PixelScale& scale, int minimum) {
  return std::max(minimum, static_cast<int>(std::lround(scale.to_pixels(points))));
}

// Keeps only the parts of `ink` that form straight runs along one axis.
cv::Mat line_mask(const cv::Mat& ink, bool horizontal, int bridge, int min_length) {
  auto kernel = [&](int length) {
    return cv::getStructuringElement(cv::MORPH_RECT, horizontal ? cv::Size(length, 1) : cv::Size(1, length));
  };
  cv::Mat mask;
  cv::morphologyEx(ink, mask, cv::MORPH_CLOSE, kernel(bridge + 1));
  cv::morphologyEx(mask, mask, cv::MORPH_OPEN, kernel(min_length));
  return mask;
}

void collect_segments(const cv::Mat& mask, bool horizontal, int max_thickness,
                      std::vector<LineSegment>& out) {
  cv::Mat labels, stats, centroids;
  int n = cv::connectedComponentsWithStats(mask, labels, stats, centroids, 8, CV_32S);
  for (int i = 1; i < n; ++i) {
    int x = stats.at<int>(i, cv::CC_STAT_LEFT), y = stats.at<int>(i, cv::CC_STAT_TOP);
    int w = stats.at<int>(i, cv::CC_STAT_WIDTH), h = stats.at<int>(i, cv::CC_STAT_HEIGHT);
    int thickness = horizontal ? h : w;
    if (thickness > max_thickness) continue;
    out.push_back({ImageRect{x, y, x + w, y + h}, horizontal});
  }
}

}  // namespace

cv::Mat binarize_ink(const cv::Mat& gray, const GridOptions& options, const PixelScale& scale) {
  // The neighbourhood spans ~7 pt: wide enough that a rule is darker than its mean, small enough
  // to follow tinted cell fills.
  int block = to_px(7, scale, 3) | 1;
  cv::Mat ink;
  cv::adaptiveThreshold(gray, ink, 255, cv::ADAPTIVE_THRESH_MEAN_C, cv::THRESH_BINARY_INV, block,
                        options.ink_contrast);
  return ink;
}

std::vector<LineSegment> find_line_segments(const cv::Mat& ink, const GridOptions& options,
                                            const PixelScale& scale) {
  int bridge = to_px(options.gap_bridge_pt, scale, 1);
  int min_length = to_px(options.min_line_length_pt, scale, 3);
  int max_thickness = to_px(options.max_line_thickness_pt, scale, 2);
  std::vector<LineSegment> segments;
  collect_segments(line_mask(ink, true, bridge, min_length), true, max_thickness, segments);
  collect_segments(line_mask(ink, false, bridge, min_length), false, max_thickness, segments);
  return segments;
}

}  // namespace gridlift
