#include "stages/rasterize/region_raster.h"

#include "stages/rasterize/page_raster.h"

#include <poppler/cpp/poppler-image.h>
#include <poppler/cpp/poppler-page-renderer.h>

#include <algorithm>
#include <cmath>
#include <opencv2/imgproc.hpp>
#include <stdexcept>

namespace gridlift {
namespace {

// Draws `region` in `format`; `view` is poppler's image, which owns the pixels.
struct Drawn {
  poppler::image image;
  PdfRect region;  // what it shows, in upright page points
  int turns = 0;
};

Drawn draw_region(const poppler::page& page, const PdfRect& region, int turns, double width, double height,
                  double dpi, poppler::image::format_enum format) {
  const PixelScale scale{dpi};
  const int t = ((turns % 4) + 4) % 4;
  // The region on the page as displayed: the upright page turned the rest of the way round.
  const PdfRect shown = turn_rect(region, 4 - t, t % 2 ? height : width, t % 2 ? width : height);
  const int x = static_cast<int>(std::floor(scale.to_pixels(std::max(0.0, shown.x0))));
  const int y = static_cast<int>(std::floor(scale.to_pixels(std::max(0.0, shown.y0))));
  const int w = static_cast<int>(std::ceil(scale.to_pixels(std::min(width, shown.x1)))) - x;
  const int h = static_cast<int>(std::ceil(scale.to_pixels(std::min(height, shown.y1)))) - y;
  if (w <= 0 || h <= 0) throw std::runtime_error("region outside the page");
  poppler::page_renderer renderer;
  renderer.set_image_format(format);
  renderer.set_render_hint(poppler::page_renderer::antialiasing, true);
  renderer.set_render_hint(poppler::page_renderer::text_antialiasing, true);
  Drawn out{renderer.render_page(&page, dpi, dpi, x, y, w, h), {}, t};
  if (!out.image.is_valid() || out.image.width() <= 0 || out.image.height() <= 0)
    throw std::runtime_error("poppler could not render a region of the page");
  // The pixels drawn, as a region of the upright page (turned back from the displayed one).
  const PdfRect drawn{scale.to_points(x), scale.to_points(y), scale.to_points(x + w), scale.to_points(y + h)};
  out.region = turn_rect(drawn, t, width, height);
  return out;
}

}  // namespace

RegionRaster rasterize_region(const poppler::page& page, const PdfRect& region, int turns, double width,
                              double height, double dpi) {
  Drawn drawn = draw_region(page, region, turns, width, height, dpi, poppler::image::format_gray8);
  cv::Mat view(drawn.image.height(), drawn.image.width(), CV_8UC1,
               const_cast<char*>(drawn.image.const_data()), static_cast<size_t>(drawn.image.bytes_per_row()));
  RegionRaster out;
  out.scale.dpi = dpi;
  // The poppler image owns `view`'s memory: copy it out, turned or not.
  out.gray = drawn.turns == 0 ? view.clone() : turn_image(view, drawn.turns);
  out.region = drawn.region;
  return out;
}

cv::Mat rasterize_region_in_colour(const poppler::page& page, const PdfRect& region, int turns, double width,
                                   double height, double dpi) {
  Drawn drawn = draw_region(page, region, turns, width, height, dpi, poppler::image::format_argb32);
  cv::Mat view(drawn.image.height(), drawn.image.width(), CV_8UC4,
               const_cast<char*>(drawn.image.const_data()), static_cast<size_t>(drawn.image.bytes_per_row()));
  cv::Mat bgr;
  cv::cvtColor(view, bgr, cv::COLOR_BGRA2BGR);
  return drawn.turns == 0 ? bgr : turn_image(bgr, drawn.turns);
}

}  // namespace gridlift
