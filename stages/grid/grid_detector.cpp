#include "stages/grid/grid_detector.h"

#include <opencv2/imgproc.hpp>

#include "stages/grid/lattice.h"
#include "stages/grid/line_segments.h"

namespace gridlift {

GridDetection detect_grids(const cv::Mat& gray, const PixelScale& scale, const std::vector<ImageRect>& glyphs,
                           const GridOptions& options) {
  GridDetection result;
  cv::Mat ink = binarize_ink(gray, options, scale);
  result.debug.segments = find_line_segments(ink, options, scale);

  cv::Mat glyph_mask;
  if (!glyphs.empty()) {
    glyph_mask = cv::Mat::zeros(gray.size(), CV_8UC1);
    // Shrunk by a pixel: glyph boxes of tight cells may touch the rule around them.
    for (const auto& g : glyphs) {
      cv::Rect r(g.x0 + 1, g.y0 + 1, g.width() - 2, g.height() - 2);
      r &= cv::Rect(0, 0, gray.cols, gray.rows);
      if (r.area() > 0) glyph_mask(r).setTo(255);
    }
  }
  result.tables = build_table_grids(result.debug.segments, ink, glyph_mask, options, scale);
  return result;
}

}  // namespace gridlift
