#include "stages/orient/scan_orientation.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <opencv2/core.hpp>

#include "stages/clean/ink_glyphs.h"
#include "stages/rasterize/page_raster.h"

namespace gridlift {
namespace {

// A difference in summed confidence that settles which way up a page is.
constexpr double kClearMargin = 0.4;

struct Centre {
  double x, y, size;
};

// Summed confidence of reading `runs` of `gray` as they are, and turned half round.
std::array<double, 2> confidence_both_ways(const cv::Mat& gray, const std::vector<ImageRect>& runs,
                                           int margin, int dpi, OcrEngine& engine) {
  std::array<double, 2> sum{};
  const cv::Rect page(0, 0, gray.cols, gray.rows);
  for (const auto& r : runs) {
    // Six characters tell the way up as well as forty, in a fraction of the recognizer's time.
    const int width = std::min(r.width(), 6 * r.height());
    cv::Rect box = cv::Rect(r.x0 - margin, r.y0 - margin, width + 2 * margin, r.height() + 2 * margin) & page;

    if (box.empty()) continue;
    cv::Mat crop = gray(box).clone();
    sum[0] += engine.read(crop, LineScript::kText, dpi).confidence;
    sum[1] += engine.read(turn_image(crop, 2), LineScript::kText, dpi).confidence;
    // One clear verdict is enough: upright CJK reads at ~0.9, upside down at ~0.3.
    if (std::abs(sum[0] - sum[1]) > kClearMargin) break;
  }
  return sum;
}

}  // namespace

bool lines_run_down_the_page(const std::vector<GlyphBox>& blobs) {
  std::vector<Centre> centres;
  centres.reserve(blobs.size());
  for (const auto& b : blobs)
    centres.push_back({(b.box.x0 + b.box.x1) / 2.0, (b.box.y0 + b.box.y1) / 2.0,
                       static_cast<double>(std::max(b.box.width(), b.box.height()))});
  std::sort(centres.begin(), centres.end(), [](const Centre& a, const Centre& b) { return a.x < b.x; });
  size_t across = 0, down = 0;
  for (size_t i = 0; i < centres.size(); ++i) {
    const Centre& c = centres[i];
    const double reach = 2 * c.size;  // a neighbour further than two glyphs away is not on the line
    double best = reach * reach;
    int direction = -1;  // 0 beside, 1 above or below
    auto look = [&](size_t j) {
      const double dx = centres[j].x - c.x, dy = centres[j].y - c.y, d = dx * dx + dy * dy;
      if (d < best) {
        best = d;
        direction = std::abs(dx) >= std::abs(dy) ? 0 : 1;
      }
    };
    for (size_t j = i + 1; j < centres.size() && centres[j].x - c.x < reach; ++j) look(j);
    for (size_t j = i; j-- > 0 && c.x - centres[j].x < reach;) look(j);
    if (direction == 0) ++across;
    if (direction == 1) ++down;
  }
  return down > across;
}

std::vector<ImageRect> text_runs(const std::vector<GlyphBox>& blobs, int count) {
  std::vector<GlyphBox> sorted = blobs;
  std::sort(sorted.begin(), sorted.end(), [](const GlyphBox& a, const GlyphBox& b) {
    return a.box.y0 != b.box.y0 ? a.box.y0 < b.box.y0 : a.box.x0 < b.box.x0;
  });
  // Greedy: each blob extends the run whose right end it follows closely on the same line.
  struct Run {
    ImageRect box;
    int blobs;
  };
  std::vector<Run> runs;
  std::vector<char> used(sorted.size(), 0);
  for (size_t i = 0; i < sorted.size(); ++i) {
    if (used[i]) continue;
    Run run{sorted[i].box, 1};
    used[i] = 1;
    for (bool grew = true; grew;) {
      grew = false;
      const int mid = (run.box.y0 + run.box.y1) / 2, h = run.box.height();
      for (size_t j = i + 1; j < sorted.size() && sorted[j].box.y0 <= run.box.y1; ++j) {
        const ImageRect& b = sorted[j].box;
        if (used[j] || b.y0 > mid || b.y1 < mid) continue;
        const int gap = b.x0 - run.box.x1;
        if (gap < -h / 4 || gap > h) continue;
        run.box = {std::min(run.box.x0, b.x0), std::min(run.box.y0, b.y0), std::max(run.box.x1, b.x1),
                   std::max(run.box.y1, b.y1)};
        ++run.blobs;
        used[j] = 1;
        grew = true;
      }
    }
    if (run.blobs >= 3) runs.push_back(run);
  }
  std::sort(runs.begin(), runs.end(),
            [](const Run& a, const Run& b) { return a.box.width() > b.box.width(); });
  std::vector<ImageRect> out;
  for (size_t i = 0; i < runs.size() && static_cast<int>(i) < count; ++i) out.push_back(runs[i].box);
  return out;
}

int quarter_turns_for_scan(const cv::Mat& gray, const cv::Mat& ink, std::vector<GlyphBox> blobs,
                           const PixelScale& scale, OcrEngine& engine) {
  if (blobs.size() < 10) return 0;  // too little text to judge
  const int across = lines_run_down_the_page(blobs) ? 1 : 0;
  const cv::Mat upright_or_upside_down = turn_image(gray, across);
  if (across) blobs = glyphs_from_ink(turn_image(ink, across), scale);
  const auto runs = text_runs(blobs, 4);
  if (runs.empty()) return across;
  const auto sure = confidence_both_ways(upright_or_upside_down, runs, scale.pixels(3, 2),
                                         static_cast<int>(std::lround(scale.dpi)), engine);
  return quarter_turns_from_confidence(across, sure[0], sure[1]);
}

int quarter_turns_from_confidence(int across, double as_is, double turned_half) {
  const bool upside_down = across ? turned_half > as_is : turned_half - as_is > kClearMargin;
  return upside_down ? across + 2 : across;
}

}  // namespace gridlift
