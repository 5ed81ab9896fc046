#pragma once
// Rectangles whose type names their coordinate space, so a pixel box can never be mistaken for a
// point box. Both use a top-left origin with y growing downwards.

#include <algorithm>
#include <cmath>

namespace gridlift {

//! A rectangle in PDF points on the upright page (origin top-left, y down).
struct PdfRect {
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;

  double width() const { return x1 - x0; }
  double height() const { return y1 - y0; }
  double center_x() const { return (x0 + x1) / 2; }
  double center_y() const { return (y0 + y1) / 2; }
  bool contains(double x, double y) const { return x >= x0 && x < x1 && y >= y0 && y < y1; }
  bool empty() const { return x1 <= x0 || y1 <= y0; }
  PdfRect united(const PdfRect& o) const {
    if (empty()) return o;
    if (o.empty()) return *this;
    return {std::min(x0, o.x0), std::min(y0, o.y0), std::max(x1, o.x1), std::max(y1, o.y1)};
  }
  bool operator==(const PdfRect&) const = default;
};

//! Where `r`, on a page `width` x `height` points, lies once the page is turned clockwise by
//! `turns` quarter turns (any integer).
inline PdfRect turn_rect(const PdfRect& r, int turns, double width, double height) {
  switch (((turns % 4) + 4) % 4) {
    case 1:  // (x,y) -> (h-y, x)
      return {height - r.y1, r.x0, height - r.y0, r.x1};
    case 2:  // (x,y) -> (w-x, h-y)
      return {width - r.x1, height - r.y1, width - r.x0, height - r.y0};
    case 3:  // (x,y) -> (y, w-x)
      return {r.y0, width - r.x1, r.y1, width - r.x0};
    default:
      return r;
  }
}

//! A rectangle in pixels of a rendered page image (origin top-left, half-open: [x0,x1) x [y0,y1)).
struct ImageRect {
  int x0 = 0, y0 = 0, x1 = 0, y1 = 0;

  int width() const { return x1 - x0; }
  int height() const { return y1 - y0; }
  int center_x() const { return (x0 + x1) / 2; }
  int center_y() const { return (y0 + y1) / 2; }
  bool empty() const { return x1 <= x0 || y1 <= y0; }
  bool operator==(const ImageRect&) const = default;
};

//! Converts between the pixel space of a page rendered at `dpi` and PDF points.
struct PixelScale {
  double dpi = 72;

  double to_points(double pixels) const { return pixels * 72.0 / dpi; }
  double to_pixels(double points) const { return points * dpi / 72.0; }
  //! A length in points as whole pixels, never below `minimum`: for tolerances and kernel sizes.
  int pixels(double points, int minimum) const {
    return std::max(minimum, static_cast<int>(std::lround(to_pixels(points))));
  }
  PdfRect to_pdf(const ImageRect& r) const {
    return {to_points(r.x0), to_points(r.y0), to_points(r.x1), to_points(r.y1)};
  }
  ImageRect to_image(const PdfRect& r) const {
    return {static_cast<int>(std::floor(to_pixels(r.x0))), static_cast<int>(std::floor(to_pixels(r.y0))),
            static_cast<int>(std::ceil(to_pixels(r.x1))), static_cast<int>(std::ceil(to_pixels(r.y1)))};
  }
};

}  // namespace gridlift
