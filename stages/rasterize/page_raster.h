#pragma once
// Stage 2, rasterize: draws a page in 8-bit gray for grid finding (and, later, OCR crops).

#include <poppler/cpp/poppler-page.h>
#include <opencv2/core/mat.hpp>

#include "models/geometry.h"

namespace gridlift {

struct RasterOptions {
  //! Grid finding needs rules at least a pixel wide, not glyph detail: 150 dpi resolves a 0.25 pt
  //! rule as a gray pixel and keeps a page under 2.2 Mpx (see tools/bench for the measurement).
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

}  // namespace gridlift
