#include "stages/grid/grid_detector.h"

#include <opencv2/imgproc.hpp>

#include "stages/grid/lattice.h"
#include "stages/grid/line_segments.h"
#include "stages/grid/table_filter.h"

namespace gridlift {

GridDetection detect_grids(const cv::Mat& gray, const PixelScale& scale, const std::vector<GlyphBox>& glyphs,
                           const GridOptions& options) {
  GridDetection result;

  // Glyph boxes and their cores (middle 60% each way). A rule never runs through the middle of a
  // glyph, while glyph margins do touch rules (tight padding, glyphs wider than a narrow column).
  // So cores are erased from the ink before rules are looked for (letters sitting on a baseline
  // would otherwise join into long runs that look like rules), and lattice edges are judged where
  // text does not reach (see edge_coverage).
  TextMasks text;
  if (!glyphs.empty()) {
    text.boxes = cv::Mat::zeros(gray.size(), CV_8UC1);
    text.cores = cv::Mat::zeros(gray.size(), CV_8UC1);
    const cv::Rect page(0, 0, gray.cols, gray.rows);

    for (const auto& glyph : glyphs) {
      const ImageRect& g = glyph.box;
      cv::Rect box = cv::Rect(g.x0, g.y0, g.width(), g.height()) & page;
      if (box.area() > 0) text.boxes(box).setTo(255);
      int dx = g.width() / 5, dy = g.height() / 5;
      cv::Rect core = cv::Rect(g.x0 + dx, g.y0 + dy, g.width() - 2 * dx, g.height() - 2 * dy) & page;
      if (core.area() > 0) text.cores(core).setTo(255);
    }
  }
  RuleInk ink = find_rule_ink(gray, options, scale, text.boxes);
  RuleInk line_ink = ink;
  if (!glyphs.empty()) {
    line_ink.horizontal = ink.horizontal.clone();
    line_ink.horizontal.setTo(0, text.cores);
    line_ink.vertical = ink.vertical.data == ink.horizontal.data ? line_ink.horizontal : ink.vertical.clone();
    line_ink.vertical.setTo(0, text.cores);
  }
  result.debug.segments = find_line_segments(line_ink, options, scale);
  result.tables =
      drop_non_tables(build_table_grids(result.debug.segments, ink, text, options, scale), glyphs);
  return result;
}

}  // namespace gridlift
