#include "stages/clean/coloured_marks.h"

#include <algorithm>
#include <opencv2/imgproc.hpp>

namespace gridlift {
namespace {

// Channels this far apart are ink of a colour; black, grays and pale fills are closer.
constexpr int kColouredSpread = 96;
// Inside a mark found by that, its faint parts too: a stamp's uneven ink and the antialiased edges
// of its strokes are pink, not red, and would stay as specks of "ink" otherwise.
constexpr int kInMarkSpread = 40;
constexpr double kMaxMarkAspect = 8;

cv::Mat coloured_mask(const cv::Mat& bgr) {
  CV_Assert(bgr.type() == CV_8UC3);
  std::vector<cv::Mat> channels;
  cv::split(bgr, channels);
  cv::Mat hi, lo, spread, mask;
  cv::max(channels[0], channels[1], hi);
  cv::max(hi, channels[2], hi);
  cv::min(channels[0], channels[1], lo);
  cv::min(lo, channels[2], lo);
  cv::subtract(hi, lo, spread);
  cv::compare(spread, kColouredSpread, mask, cv::CMP_GE);
  return mask;
}

}  // namespace

double coloured_ink_share(const cv::Mat& bgr) {
  if (bgr.empty()) return 0;
  return static_cast<double>(cv::countNonZero(coloured_mask(bgr))) / static_cast<double>(bgr.total());
}

std::vector<cv::Rect> coloured_mark_regions(const cv::Mat& bgr, const PixelScale& scale, double min_mm) {
  std::vector<cv::Rect> marks;
  if (bgr.empty()) return marks;
  cv::Mat mask = coloured_mask(bgr);
  if (cv::countNonZero(mask) == 0) return marks;
  const int gap = scale.pixels(72 / 25.4, 1);  // a millimetre
  cv::morphologyEx(mask, mask, cv::MORPH_CLOSE,
                   cv::getStructuringElement(cv::MORPH_RECT, cv::Size(2 * gap + 1, 2 * gap + 1)));
  cv::Mat labels, stats, centroids;
  const int n = cv::connectedComponentsWithStats(mask, labels, stats, centroids, 8, CV_32S);
  const double min_side = scale.to_pixels(min_mm / 25.4 * 72);
  for (int i = 1; i < n; ++i) {
    const cv::Rect box(stats.at<int>(i, cv::CC_STAT_LEFT), stats.at<int>(i, cv::CC_STAT_TOP),
                       stats.at<int>(i, cv::CC_STAT_WIDTH), stats.at<int>(i, cv::CC_STAT_HEIGHT));
    const double lo = std::min(box.width, box.height), hi = std::max(box.width, box.height);
    if (lo >= min_side && hi <= kMaxMarkAspect * lo) marks.push_back(box);
  }
  // A seal's star inside its ring is the same mark.
  std::vector<cv::Rect> outer;
  for (const cv::Rect& m : marks)
    if (std::none_of(marks.begin(), marks.end(), [&](const cv::Rect& o) { return o != m && (m & o) == m; }))
      outer.push_back(m);
  return outer;
}

void drop_coloured_ink(cv::Mat& gray, const cv::Mat& bgr, const std::vector<cv::Rect>& marks) {
  CV_Assert(gray.size() == bgr.size() && gray.type() == CV_8UC1 && bgr.type() == CV_8UC3);
  const cv::Rect page(0, 0, gray.cols, gray.rows);
  for (const cv::Rect& mark : marks) {
    const cv::Rect box = mark & page;
    for (int y = box.y; y < box.y + box.height; ++y) {
      const cv::Vec3b* colour = bgr.ptr<cv::Vec3b>(y);
      uchar* out = gray.ptr<uchar>(y);
      for (int x = box.x; x < box.x + box.width; ++x) {
        const auto [lo, hi] = std::minmax({colour[x][0], colour[x][1], colour[x][2]});
        if (hi - lo >= kInMarkSpread) out[x] = std::max(out[x], hi);
      }
    }
  }
}

}  // namespace gridlift
