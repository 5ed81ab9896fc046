#include "stages/grid/line_segments.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>

namespace gridlift {
namespace {

// Horizontal rule segments of `ink`: runs at least `min_length` long along a row, blank gaps of up to
// `bridge` pixels inside a run counting as ink (what a close by `bridge` then an open by `min_length`
// would keep), joined with the runs they overlap on the rows above and below. One pass over the
// pixels, no masks or labelling (see tools/bench). `transposed`: `ink` is the transposed page and the
// segments are vertical ones, returned in page coordinates.
void collect_runs(const cv::Mat& ink, bool transposed, int bridge, int min_length, int max_thickness,
                  std::vector<LineSegment>& out) {
  struct Open {
    int x0, x1, y0, y1;                           // y1: last row seen
    std::vector<std::pair<int, int>> row_length;  // each row's run length
  };
  std::vector<Open> open, still_open, done;
  for (int y = 0; y < ink.rows; ++y) {
    const uchar* in = ink.ptr<uchar>(y);
    still_open.clear();
    std::vector<char> used(open.size(), 0);
    for (int x = 0; x < ink.cols;) {
      if (!in[x]) {
        ++x;
        continue;
      }
      int start = x, last = x;
      for (; x < ink.cols && x - last <= bridge + 1; ++x)
        if (in[x]) last = x;
      x = last + 1;
      if (last + 1 - start < min_length) continue;
      // Continue the segment of the row above that this run overlaps, if any.
      size_t k = 0;
      while (k < open.size() && (used[k] || open[k].x1 < start || open[k].x0 > last)) ++k;
      if (k < open.size()) {
        used[k] = 1;
        Open grown{std::min(open[k].x0, start), std::max(open[k].x1, last), open[k].y0, y,
                   std::move(open[k].row_length)};
        grown.row_length.emplace_back(y, last + 1 - start);
        still_open.push_back(std::move(grown));
      } else {
        still_open.push_back({start, last, y, y, {{y, last + 1 - start}}});
      }
    }
    for (size_t k = 0; k < open.size(); ++k)
      if (!used[k]) done.push_back(open[k]);
    std::swap(open, still_open);
  }
  done.insert(done.end(), open.begin(), open.end());
  for (const auto& o : done) {
    // The rule's body: the rows whose run spans at least half its length. Strokes of lettering or
    // a drawing that touch the rule add rows but not body, so they neither thicken nor move it.
    const int half = (o.x1 - o.x0 + 1) / 2;
    int body0 = o.y1 + 1, body1 = o.y0 - 1;
    for (const auto& [row, run] : o.row_length)
      if (run >= half) body0 = std::min(body0, row), body1 = std::max(body1, row);
    if (body1 - body0 + 1 > max_thickness) continue;  // a filled area, not a rule
    ImageRect box{o.x0, body0, o.x1 + 1, body1 + 1};
    if (transposed) box = {body0, o.x0, body1 + 1, o.x1 + 1};
    out.push_back({box, !transposed});
  }
}

}  // namespace

std::vector<LineSegment> find_line_segments(const RuleInk& ink, const GridOptions& options,
                                            const PixelScale& scale) {
  int bridge = scale.pixels(options.gap_bridge_pt, 1);
  int min_length = scale.pixels(options.min_line_length_pt, 3);
  int max_thickness = scale.pixels(options.max_line_thickness_pt, 2);
  std::vector<LineSegment> segments;
  collect_runs(ink.horizontal, false, bridge, min_length, max_thickness, segments);
  cv::Mat turned;
  cv::transpose(ink.vertical, turned);
  collect_runs(turned, true, bridge, min_length, max_thickness, segments);
  return segments;
}

}  // namespace gridlift
