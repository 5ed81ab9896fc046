#pragma once
// rasterize: draws a page in 8-bit gray for grid finding (and, later, OCR crops).

#include <poppler/cpp/poppler-page.h>
#include <opencv2/core/mat.hpp>

#include "models/geometry.h"

namespace gridlift {

struct RasterOptions {
  //! Measured (gridlift-bench --dpi, gridlift score): 150 dpi is the lowest resolution at which
  //! every fixture scores 1.000; at 100 and 120 dpi spans between close rules and a few cells are
  //! lost (cell 0.999 / 0.998), and 200 dpi costs 54% more time (56 vs 36 ms/page) for no gain.
  double dpi = 150;
  //! Pages larger than this (posters, broken MediaBoxes) are drawn at a lower dpi so one page
  //! never needs more than ~max_pixels bytes.
  double max_pixels = 40e6;
};

//! A rendered page: gray pixels (0 = black) and the scale that maps them to points.
struct PageRaster {
  cv::Mat gray;  //!< CV_8UC1, upright as displayed (poppler applies /Rotate)
  PixelScale scale;
};

//! The dpi actually used for a page of `width` x `height` points under `options`.
double choose_dpi(double width, double height, const RasterOptions& options);

//! Renders `page` upright. Throws std::runtime_error if poppler draws nothing.
PageRaster rasterize_page(const poppler::page& page, double width, double height,
                          const RasterOptions& options);

//! `page` drawn in colour (CV_8UC3, blue-green-red) at `dpi`, upright as displayed, for finding
//! marks of coloured ink. Throws std::runtime_error if poppler draws nothing.
cv::Mat render_page_in_colour(const poppler::page& page, double dpi);

//! `image` turned clockwise by `turns` quarter turns (any integer; 0 returns `image` itself).
cv::Mat turn_image(const cv::Mat& image, int turns);

}  // namespace gridlift
