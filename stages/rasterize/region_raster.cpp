#include "stages/rasterize/region_raster.h"

#include "stages/rasterize/page_raster.h"

#include <poppler/cpp/poppler-image.h>
#include <poppler/cpp/poppler-page-renderer.h>

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace gridlift {
RegionRaster rasterize_region(const poppler::page& page, const PdfRect& region, int turns, double width,
                              double height, double dpi) {
  RegionRaster out;
  out.scale.dpi = dpi;
  const int t = ((turns % 4) + 4) % 4;
  // The region on the page as displayed: the upright page turned the rest of the way round.
  const PdfRect shown = turn_rect(region, 4 - t, t % 2 ? height : width, t % 2 ? width : height);
  const int x = static_cast<int>(std::floor(out.scale.to_pixels(std::max(0.0, shown.x0))));
  const int y = static_cast<int>(std::floor(out.scale.to_pixels(std::max(0.0, shown.y0))));
  const int w = static_cast<int>(std::ceil(out.scale.to_pixels(std::min(width, shown.x1)))) - x;
  const int h = static_cast<int>(std::ceil(out.scale.to_pixels(std::min(height, shown.y1)))) - y;
  if (w <= 0 || h <= 0) throw std::runtime_error("region outside the page");
  poppler::page_renderer renderer;
  renderer.set_image_format(poppler::image::format_gray8);
  renderer.set_render_hint(poppler::page_renderer::antialiasing, true);
  renderer.set_render_hint(poppler::page_renderer::text_antialiasing, true);
  poppler::image image = renderer.render_page(&page, dpi, dpi, x, y, w, h);
  if (!image.is_valid() || image.width() <= 0 || image.height() <= 0)
    throw std::runtime_error("poppler could not render a region of the page");
  cv::Mat view(image.height(), image.width(), CV_8UC1, const_cast<char*>(image.const_data()),
               static_cast<size_t>(image.bytes_per_row()));
  // The poppler image owns `view`'s memory: copy it out, turned or not.
  out.gray = t == 0 ? view.clone() : turn_image(view, t);
  // The pixels drawn, as a region of the upright page (turned back from the displayed one).
  const PdfRect drawn{out.scale.to_points(x), out.scale.to_points(y), out.scale.to_points(x + w),
                      out.scale.to_points(y + h)};
  out.region = turn_rect(drawn, t, width, height);
  return out;
}

}  // namespace gridlift
