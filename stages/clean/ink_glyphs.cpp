#include "stages/clean/ink_glyphs.h"

#include <algorithm>
#include <opencv2/imgproc.hpp>

namespace gridlift {

bool is_glyph_sized(int width, int height, const PixelScale& scale, double max_glyph_pt) {
  const int max_size = scale.pixels(max_glyph_pt, 4), min_size = scale.pixels(1.5, 2);
  return width <= max_size && height <= max_size && std::max(width, height) >= min_size;
}

std::vector<GlyphBox> glyphs_from_ink(const cv::Mat& ink, const PixelScale& scale, double max_glyph_pt) {
  cv::Mat labels, stats, centroids;
  const int n = cv::connectedComponentsWithStats(ink, labels, stats, centroids, 8, CV_32S);
  const int pad = scale.pixels(1, 1);
  std::vector<GlyphBox> glyphs;
  for (int i = 1; i < n; ++i) {
    const int x = stats.at<int>(i, cv::CC_STAT_LEFT), y = stats.at<int>(i, cv::CC_STAT_TOP);
    const int w = stats.at<int>(i, cv::CC_STAT_WIDTH), h = stats.at<int>(i, cv::CC_STAT_HEIGHT);
    if (!is_glyph_sized(w, h, scale, max_glyph_pt)) continue;
    // A text layer's box holds the glyph's ascent and descent, not just its ink: pad the blob the
    // same way, so that strokes sitting on the baseline fall inside the box as they do there.
    const int pad_y = std::max(h / 4, pad), pad_x = std::max(w / 10, 1);
    glyphs.push_back({ImageRect{x - pad_x, y - pad_y, x + w + pad_x, y + h + pad_y}, 0});
  }
  // Reading order: a glyph belongs to the line of the first glyph above-left whose band holds its
  // centre; sorting by band top then x is close enough for the seam test (neighbours on a line).
  std::sort(glyphs.begin(), glyphs.end(), [&](const GlyphBox& a, const GlyphBox& b) {
    const int line = scale.pixels(6, 2);
    const int ya = (a.box.y0 + a.box.y1) / 2 / line, yb = (b.box.y0 + b.box.y1) / 2 / line;
    return ya != yb ? ya < yb : a.box.x0 < b.box.x0;
  });
  return glyphs;
}

}  // namespace gridlift
