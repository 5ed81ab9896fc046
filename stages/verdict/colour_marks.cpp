#include "stages/verdict/colour_marks.h"

#include <algorithm>

namespace gridlift {

double coloured_ink_share(const cv::Mat& bgr) {
  CV_Assert(bgr.type() == CV_8UC3);
  if (bgr.empty()) return 0;
  long coloured = 0;
  for (int y = 0; y < bgr.rows; ++y) {
    const cv::Vec3b* row = bgr.ptr<cv::Vec3b>(y);
    for (int x = 0; x < bgr.cols; ++x) {
      const auto [lo, hi] = std::minmax({row[x][0], row[x][1], row[x][2]});
      coloured += hi - lo >= 96;
    }
  }
  return static_cast<double>(coloured) / (static_cast<double>(bgr.rows) * bgr.cols);
}

}  // namespace gridlift
