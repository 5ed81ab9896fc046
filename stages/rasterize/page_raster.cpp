#include "stages/rasterize/page_raster.h"

#include <poppler/cpp/poppler-image.h>
#include <poppler/cpp/poppler-page-renderer.h>

#include <array>
#include <cmath>
#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>
#include <stdexcept>

namespace gridlift {

double choose_dpi(double width, double height, const RasterOptions& options) {
  double pixels = width * height * (options.dpi / 72.0) * (options.dpi / 72.0);
  if (pixels <= options.max_pixels || pixels <= 0) return options.dpi;
  return options.dpi * std::sqrt(options.max_pixels / pixels);
}

PageRaster rasterize_page(const poppler::page& page, double width, double height,
                          const RasterOptions& options) {
  PageRaster raster;
  raster.scale.dpi = choose_dpi(width, height, options);
  poppler::page_renderer renderer;
  renderer.set_image_format(poppler::image::format_gray8);
  // Antialiasing keeps hairline rules visible as gray pixels instead of dropping them.
  renderer.set_render_hint(poppler::page_renderer::antialiasing, true);
  renderer.set_render_hint(poppler::page_renderer::text_antialiasing, true);
  poppler::image image = renderer.render_page(&page, raster.scale.dpi, raster.scale.dpi);
  if (!image.is_valid() || image.width() <= 0 || image.height() <= 0) {
    throw std::runtime_error("poppler could not render the page");
  }
  cv::Mat view(image.height(), image.width(), CV_8UC1, const_cast<char*>(image.const_data()),
               static_cast<size_t>(image.bytes_per_row()));
  raster.gray = view.clone();  // the poppler image owns `view`'s memory
  return raster;
}

cv::Mat render_page_in_colour(const poppler::page& page, double dpi) {
  poppler::page_renderer renderer;
  renderer.set_image_format(poppler::image::format_argb32);
  renderer.set_render_hint(poppler::page_renderer::antialiasing, true);
  renderer.set_render_hint(poppler::page_renderer::text_antialiasing, true);
  poppler::image image = renderer.render_page(&page, dpi, dpi);
  if (!image.is_valid() || image.width() <= 0 || image.height() <= 0)
    throw std::runtime_error("poppler could not render the page");
  cv::Mat view(image.height(), image.width(), CV_8UC4, const_cast<char*>(image.const_data()),
               static_cast<size_t>(image.bytes_per_row()));
  cv::Mat bgr;
  cv::cvtColor(view, bgr, cv::COLOR_BGRA2BGR);  // a copy: the poppler image owns `view`'s memory
  return bgr;
}

cv::Mat turn_image(const cv::Mat& image, int turns) {
  static constexpr std::array<cv::RotateFlags, 4> kFlags = {cv::ROTATE_90_CLOCKWISE, cv::ROTATE_90_CLOCKWISE,
                                                            cv::ROTATE_180, cv::ROTATE_90_COUNTERCLOCKWISE};
  turns = ((turns % 4) + 4) % 4;
  if (turns == 0) return image;
  cv::Mat out;
  cv::rotate(image, out, kFlags[static_cast<size_t>(turns)]);
  return out;
}

}  // namespace gridlift
