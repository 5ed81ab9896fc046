#include "stages/grid/grid_detector.h"

#include <opencv2/imgproc.hpp>

#include "stages/grid/lattice.h"
#include "stages/grid/line_segments.h"

namespace gridlift {

GridDetection detect_grids(const cv::Mat& gray, const PixelScale& scale, const std::vector<ImageRect>& glyphs,
                           const GridOptions& options) {
  GridDetection result;
  cv::Mat ink = binarize_ink(gray, options, scale);

  // Two masks from the text layer. The glyph mask (box less a pixel) tells lattice building where
  // text hides what lies beneath. The core mask (the middle of each box) is erased from the ink
  // before rules are looked for: letters sitting on a baseline otherwise join into long runs that
  // look like rules, and a real rule never runs through the middle of a glyph.
  cv::Mat glyph_mask;
  cv::Mat line_ink = ink;
  if (!glyphs.empty()) {
    glyph_mask = cv::Mat::zeros(gray.size(), CV_8UC1);
    cv::Mat core_mask = cv::Mat::zeros(gray.size(), CV_8UC1);
    const cv::Rect page(0, 0, gray.cols, gray.rows);
    for (const auto& g : glyphs) {
      cv::Rect box = cv::Rect(g.x0 + 1, g.y0 + 1, g.width() - 2, g.height() - 2) & page;
      if (box.area() > 0) glyph_mask(box).setTo(255);
      int dx = g.width() / 10, dy = g.height() / 5;
      cv::Rect core = cv::Rect(g.x0 + dx, g.y0 + dy, g.width() - 2 * dx, g.height() - 2 * dy) & page;
      if (core.area() > 0) core_mask(core).setTo(255);
    }
    line_ink = ink.clone();
    line_ink.setTo(0, core_mask);
  }
  result.debug.segments = find_line_segments(line_ink, options, scale);
  result.tables = build_table_grids(result.debug.segments, ink, glyph_mask, options, scale);
  return result;
}

}  // namespace gridlift
