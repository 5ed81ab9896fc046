#include "stages/clean/ink_glyphs.h"

#include <algorithm>
#include <opencv2/imgproc.hpp>
#include <set>
#include <tuple>

namespace gridlift {
namespace {

// A text layer's box holds the glyph's ascent and descent, not just its ink: pad the blob the
// same way, so that strokes sitting on the baseline fall inside the box as they do there.
GlyphBox padded_box(const ImageRect& b, const PixelScale& scale) {
  const int pad_y = std::max(b.height() / 4, scale.pixels(1, 1)), pad_x = std::max(b.width() / 10, 1);
  return {ImageRect{b.x0 - pad_x, b.y0 - pad_y, b.x1 + pad_x, b.y1 + pad_y}, 0, b};
}

// Reading order: a glyph belongs to the line of the first glyph above-left whose band holds its
// centre; sorting by band top then x is close enough for the seam test (neighbours on a line).
void sort_in_reading_order(std::vector<GlyphBox>& glyphs, const PixelScale& scale) {
  std::sort(glyphs.begin(), glyphs.end(), [&](const GlyphBox& a, const GlyphBox& b) {
    const int line = scale.pixels(6, 2);
    const int ya = (a.box.y0 + a.box.y1) / 2 / line, yb = (b.box.y0 + b.box.y1) / 2 / line;
    return ya != yb ? ya < yb : a.box.x0 < b.box.x0;
  });
}

// Clears in `out` the pixels of every run of `ink` along a row at least `length` long, gaps of up
// to `gap` pixels inside a run bridged, and grows `erased` over them. One pass over the pixels;
// morphology (a close, then an open) would do the same at several times the cost on a 300-dpi page.
void erase_long_runs_across(const cv::Mat& ink, cv::Mat& out, int length, int gap, cv::Rect& erased) {
  for (int y = 0; y < ink.rows; ++y) {
    const uchar* in = ink.ptr<uchar>(y);
    uchar* o = out.ptr<uchar>(y);
    for (int x = 0; x < ink.cols;) {
      if (!in[x]) {
        ++x;
        continue;
      }
      int start = x, last = x;
      for (; x < ink.cols && x - last <= gap + 1; ++x)
        if (in[x]) last = x;
      x = last + 1;
      if (last + 1 - start < length) continue;
      std::fill(o + start, o + last + 1, 0);
      erased |= cv::Rect(start, y, last + 1 - start, 1);
    }
  }
}

// The same down the columns, still reading the page row by row (column access is slow): each
// column keeps its open run, which ends when ink comes back after a longer gap, or at the bottom.
void erase_long_runs_down(const cv::Mat& ink, cv::Mat& out, int length, int gap, cv::Rect& erased) {
  std::vector<int> start(static_cast<size_t>(ink.cols), -1), last(static_cast<size_t>(ink.cols), -1);
  auto close = [&](int x) {
    const auto i = static_cast<size_t>(x);
    if (start[i] < 0 || last[i] + 1 - start[i] < length) return;
    for (int y = start[i]; y <= last[i]; ++y) out.at<uchar>(y, x) = 0;
    erased |= cv::Rect(x, start[i], 1, last[i] + 1 - start[i]);
  };
  for (int y = 0; y < ink.rows; ++y) {
    const uchar* in = ink.ptr<uchar>(y);
    for (int x = 0; x < ink.cols; ++x) {
      if (!in[x]) continue;
      const auto i = static_cast<size_t>(x);
      if (start[i] < 0 || y - last[i] > gap + 1) {
        close(x);
        start[i] = y;
      }
      last[i] = y;
    }
  }
  for (int x = 0; x < ink.cols; ++x) close(x);
}

}  // namespace

bool is_glyph_sized(int width, int height, const PixelScale& scale, double max_glyph_pt) {
  const int max_size = scale.pixels(max_glyph_pt, 4), min_size = scale.pixels(1.5, 2);
  return width <= max_size && height <= max_size && std::max(width, height) >= min_size;
}

std::vector<ImageRect> glyph_sized_blobs(const cv::Mat& ink, const PixelScale& scale, double max_glyph_pt) {
  cv::Mat labels, stats, centroids;
  const int n = cv::connectedComponentsWithStats(ink, labels, stats, centroids, 8, CV_32S);
  std::vector<ImageRect> blobs;
  for (int i = 1; i < n; ++i) {
    const int x = stats.at<int>(i, cv::CC_STAT_LEFT), y = stats.at<int>(i, cv::CC_STAT_TOP),
              w = stats.at<int>(i, cv::CC_STAT_WIDTH), h = stats.at<int>(i, cv::CC_STAT_HEIGHT);
    if (is_glyph_sized(w, h, scale, max_glyph_pt)) blobs.push_back({x, y, x + w, y + h});
  }
  return blobs;
}

std::vector<GlyphBox> glyphs_from_blobs(const std::vector<ImageRect>& blobs, const PixelScale& scale,
                                        double max_glyph_pt) {
  std::vector<GlyphBox> glyphs;
  for (const ImageRect& b : blobs)
    if (is_glyph_sized(b.width(), b.height(), scale, max_glyph_pt)) glyphs.push_back(padded_box(b, scale));
  sort_in_reading_order(glyphs, scale);
  return glyphs;
}

std::vector<GlyphBox> glyphs_from_ink(const cv::Mat& ink, const PixelScale& scale, double max_glyph_pt) {
  return glyphs_from_blobs(glyph_sized_blobs(ink, scale, max_glyph_pt), scale, max_glyph_pt);
}

InkWithoutRules ink_without_rules(const cv::Mat& ink, const PixelScale& scale, double min_rule_pt,
                                  double gap_pt) {
  const int length = scale.pixels(min_rule_pt, 3), gap = scale.pixels(gap_pt, 1);
  InkWithoutRules result{ink.clone(), {}};
  erase_long_runs_across(ink, result.ink, length, gap, result.rules_extent);
  erase_long_runs_down(ink, result.ink, length, gap, result.rules_extent);
  return result;
}

std::vector<GlyphBox> glyphs_touching_rules(const cv::Mat& ink, const PixelScale& scale,
                                            const std::vector<GlyphBox>& known, double max_glyph_pt) {
  const InkWithoutRules stripped = ink_without_rules(ink, scale, max_glyph_pt);
  if (stripped.rules_extent.empty()) return {};
  // A glyph touching a rule lies within a glyph's size of the rules' extent; only there is it worth
  // labelling the ink again (a third of the cost of this function on a full 300-dpi page). Blobs cut
  // by the edge of that region are not whole and are left out, unless the edge is the page's.
  const int reach = scale.pixels(max_glyph_pt, 4) + 1;
  const cv::Rect page(0, 0, ink.cols, ink.rows);
  const cv::Rect region = cv::Rect(stripped.rules_extent.tl() - cv::Point(reach, reach),
                                   stripped.rules_extent.br() + cv::Point(reach, reach)) &
                          page;
  auto cut_by_region = [&](const ImageRect& b) {
    return (b.x0 == region.x && region.x > 0) || (b.y0 == region.y && region.y > 0) ||
           (b.x1 == region.br().x && region.br().x < page.width) ||
           (b.y1 == region.br().y && region.br().y < page.height);
  };

  // A blob left whole by taking the rules out has the same box as before: it is already known.
  std::set<std::tuple<int, int, int, int>> seen;
  for (const auto& g : known) seen.insert({g.box.x0, g.box.y0, g.box.x1, g.box.y1});
  const int thin = scale.pixels(2, 2);
  std::vector<GlyphBox> glyphs;
  for (ImageRect b : glyph_sized_blobs(stripped.ink(region), scale, max_glyph_pt)) {
    b = {b.x0 + region.x, b.y0 + region.y, b.x1 + region.x, b.y1 + region.y};
    // Where a scanned rule was broken, its pieces survive as short thin bars; a glyph box on them
    // would hide the rule from grid finding. Characters are neither that thin nor that long.
    const int shorter = std::min(b.width(), b.height()), longer = std::max(b.width(), b.height());
    if (shorter <= thin || longer >= 3 * shorter || cut_by_region(b)) continue;
    GlyphBox g = padded_box(b, scale);
    if (!seen.count({g.box.x0, g.box.y0, g.box.x1, g.box.y1})) glyphs.push_back(g);
  }
  sort_in_reading_order(glyphs, scale);
  return glyphs;
}

}  // namespace gridlift
