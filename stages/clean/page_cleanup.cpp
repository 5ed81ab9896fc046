#include "stages/clean/page_cleanup.h"

#include <leptonica/allheaders.h>

#include <algorithm>
#include <cmath>
#include <memory>
#include <opencv2/imgproc.hpp>

namespace gridlift {
namespace {

struct PixDeleter {
  void operator()(PIX* pix) const { pixDestroy(&pix); }
};
using PixPtr = std::unique_ptr<PIX, PixDeleter>;

// A 1-bit Leptonica image of `ink` (255 = ink; Leptonica: 1 = foreground).
PixPtr to_binary_pix(const cv::Mat& ink) {
  PixPtr pix(pixCreate(ink.cols, ink.rows, 1));
  if (!pix) return nullptr;
  l_uint32* data = pixGetData(pix.get());
  const int wpl = pixGetWpl(pix.get());
  for (int y = 0; y < ink.rows; ++y) {
    const uchar* row = ink.ptr<uchar>(y);
    l_uint32* line = data + static_cast<ptrdiff_t>(y) * wpl;
    for (int x = 0; x < ink.cols; ++x)
      if (row[x]) SET_DATA_BIT(line, x);
  }
  return pix;
}

}  // namespace

cv::Mat flatten_background(const cv::Mat& gray) {
  // The background is what remains when strokes are closed away: a closing (max filter for white
  // paper) wider than any stroke, taken on a quarter-size image for speed, then smoothed back up.
  cv::Mat small, background;
  // At least one pixel each way: a page a few pixels across still has a background.
  const cv::Size quarter(std::max(1, cv::saturate_cast<int>(gray.cols * 0.25)),
                         std::max(1, cv::saturate_cast<int>(gray.rows * 0.25)));
  cv::resize(gray, small, quarter, 0, 0, cv::INTER_AREA);
  int k = std::max(3, small.cols / 80) | 1;
  cv::morphologyEx(small, background, cv::MORPH_CLOSE, cv::getStructuringElement(cv::MORPH_RECT, {k, k}));
  cv::GaussianBlur(background, background, {k, k}, 0);
  cv::resize(background, background, gray.size(), 0, 0, cv::INTER_LINEAR);
  cv::Mat flat;
  cv::divide(gray, background, flat, 255.0);
  return flat;
}

cv::Mat binarize_page(const cv::Mat& gray) {
  cv::Mat ink;
  cv::threshold(gray, ink, 0, 255, cv::THRESH_BINARY_INV | cv::THRESH_OTSU);
  return ink;
}

double measure_skew_degrees(const cv::Mat& ink, double max_degrees) {
  PixPtr pix = to_binary_pix(ink);
  if (!pix) return 0;
  l_float32 angle = 0, confidence = 0;
  // Reduce 4x for the sweep, 2x for the binary search: plenty of lines at 150-300 dpi, and fast.
  if (pixFindSkewSweepAndSearch(pix.get(), &angle, &confidence, 4, 2, static_cast<l_float32>(max_degrees),
                                1.0f, 0.01f) != 0)
    return 0;
  // Leptonica reports no angle (confidence 0) for pages without enough parallel lines.
  if (confidence < 3.0f) return 0;
  return static_cast<double>(angle);
}

cv::Mat rotate_page(const cv::Mat& gray, double degrees) {
  cv::Point2f centre(static_cast<float>(gray.cols) / 2.0f, static_cast<float>(gray.rows) / 2.0f);
  cv::Mat turn = cv::getRotationMatrix2D(centre, degrees, 1.0);
  cv::Mat out;
  cv::warpAffine(gray, out, turn, gray.size(), cv::INTER_LINEAR, cv::BORDER_CONSTANT, cv::Scalar(255));
  return out;
}

double paper_noise(const cv::Mat& gray, const cv::Mat& ink) {
  cv::Scalar mean, deviation;
  cv::meanStdDev(gray, mean, deviation, ink == 0);
  return deviation[0];
}

CleanPage clean_scanned_page(const cv::Mat& gray, const CleanupOptions& options) {
  CleanPage page;
  page.gray = flatten_background(gray);
  const cv::Mat ink = binarize_page(page.gray);
  page.paper_noise = paper_noise(page.gray, ink);
  double skew = measure_skew_degrees(ink, options.max_skew_degrees);
  if (std::abs(skew) >= options.min_skew_degrees && std::abs(skew) <= options.max_skew_degrees) {
    // The lines are turned `skew` counter-clockwise; turning the page back by -skew (OpenCV's
    // angles are counter-clockwise positive) levels them.
    page.gray = rotate_page(page.gray, -skew);
    page.skew_degrees = -skew;
  }
  return page;
}

}  // namespace gridlift
