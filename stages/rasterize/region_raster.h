#pragma once
// rasterize: one region of a page drawn at a higher resolution than the page image, for
// reading a few cells by OCR without drawing the whole page again.

#include <poppler/cpp/poppler-page.h>

#include <opencv2/core.hpp>

#include "models/geometry.h"

namespace gridlift {

struct RegionRaster {
  cv::Mat gray;      //!< CV_8UC1, upright
  PixelScale scale;  //!< of `gray`
  PdfRect region;    //!< what `gray` shows, in upright page points; its top-left is pixel (0,0)

  //! `rect` (upright page points) in the pixels of `gray`.
  ImageRect to_image(const PdfRect& rect) const {
    return scale.to_image(
        {rect.x0 - region.x0, rect.y0 - region.y0, rect.x1 - region.x0, rect.y1 - region.y0});
  }
};

//! Draws `region` (points of the page turned upright by `turns` clockwise quarter turns, see
//! turn_page(); `width` x `height` are the page's size before turning) at `dpi`, upright.
//! Throws std::runtime_error if poppler cannot draw it.
RegionRaster rasterize_region(const poppler::page& page, const PdfRect& region, int turns, double width,
                              double height, double dpi);

//! The same region in colour (CV_8UC3, blue-green-red), with the pixels of rasterize_region(): for
//! telling a mark of coloured ink (a seal, a signature) over the text.
cv::Mat rasterize_region_in_colour(const poppler::page& page, const PdfRect& region, int turns, double width,
                                   double height, double dpi);

}  // namespace gridlift
