#include "stages/grid/lattice.h"

#include "stages/grid/median.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace gridlift {
namespace {

class DisjointSets {
 public:
  explicit DisjointSets(size_t n) : parent_(n) { std::iota(parent_.begin(), parent_.end(), size_t{0}); }
  size_t find(size_t i) {
    while (parent_[i] != i) i = parent_[i] = parent_[parent_[i]];
    return i;
  }
  void unite(size_t a, size_t b) {
    a = find(a);
    b = find(b);
    if (a != b) parent_[std::max(a, b)] = std::min(a, b);
  }

 private:
  std::vector<size_t> parent_;
};

bool joined(const LineSegment& h, const LineSegment& v, int tol) {
  return v.box.x0 - tol < h.box.x1 && v.box.x1 + tol > h.box.x0 && h.box.y0 - tol < v.box.y1 &&
         h.box.y1 + tol > v.box.y0;
}

int center(const LineSegment& s) {
  return s.horizontal ? (s.box.y0 + s.box.y1) / 2 : (s.box.x0 + s.box.x1) / 2;
}
int length(const LineSegment& s) {
  return s.horizontal ? s.box.width() : s.box.height();
}

// True when `other` meets `s` at one of s's ends rather than somewhere along it.
bool meets_at_end(const LineSegment& s, const LineSegment& other, int tol) {
  int at = center(other);
  int lo = s.horizontal ? s.box.x0 : s.box.y0, hi = s.horizontal ? s.box.x1 : s.box.y1;
  return at - lo <= tol || hi - at <= tol;
}

// A table rule runs from one perpendicular rule to another, so it joins at least two; or it is
// crossed by one somewhere along it (the top rule of a table without side borders over a row
// split once). A segment that only touches one rule with one of its ends is an underline of a
// number touching a border; one that touches none is a page rule or a stroke. Removing one can
// orphan another, so repeat until stable.
std::vector<LineSegment> keep_joined(std::vector<LineSegment> segments, int tol) {
  for (bool changed = true; changed;) {
    changed = false;
    std::vector<int> joints(segments.size(), 0), mid_joints(segments.size(), 0);
    for (size_t i = 0; i < segments.size(); ++i)
      for (size_t j = 0; j < segments.size(); ++j)
        if (segments[i].horizontal && !segments[j].horizontal && joined(segments[i], segments[j], tol)) {
          ++joints[i];
          ++joints[j];
          mid_joints[i] += !meets_at_end(segments[i], segments[j], tol);
          mid_joints[j] += !meets_at_end(segments[j], segments[i], tol);
        }
    std::vector<LineSegment> kept;
    for (size_t i = 0; i < segments.size(); ++i)
      if (joints[i] >= 2 || mid_joints[i] >= 1) kept.push_back(segments[i]);
    changed = kept.size() != segments.size();
    segments = std::move(kept);
  }
  return segments;
}

std::vector<std::vector<LineSegment>> group_tables(const std::vector<LineSegment>& segments, int tol) {
  DisjointSets sets(segments.size());
  for (size_t i = 0; i < segments.size(); ++i)
    for (size_t j = 0; j < segments.size(); ++j)
      if (segments[i].horizontal && !segments[j].horizontal && joined(segments[i], segments[j], tol))
        sets.unite(i, j);
  std::vector<std::vector<LineSegment>> groups(segments.size());
  for (size_t i = 0; i < segments.size(); ++i) groups[sets.find(i)].push_back(segments[i]);
  std::erase_if(groups, [](const auto& g) { return g.empty(); });
  return groups;
}

// A side drawn without a border: several perpendicular rules run on past the outermost line.
void add_open_sides(std::vector<int>& edges, const std::vector<LineSegment>& crossing, bool horizontal_edges,
                    int min_reach) {
  std::vector<int> before, after;
  for (const auto& s : crossing) {
    int lo = horizontal_edges ? s.box.y0 : s.box.x0;
    int hi = horizontal_edges ? s.box.y1 : s.box.x1;
    if (lo < edges.front() - min_reach) before.push_back(lo);
    if (hi > edges.back() + min_reach) after.push_back(hi);
  }
  if (before.size() >= 2) edges.insert(edges.begin(), median(before));
  if (after.size() >= 2) edges.push_back(median(after));
}

void merge_slivers(std::vector<int>& edges, int min_size) {
  for (size_t i = 1; i < edges.size();) {
    if (edges[i] - edges[i - 1] < min_size) {
      // Keep the outer line of a double border: it is the table's edge.
      if (i == 1)
        edges.erase(edges.begin() + 1);
      else if (i + 1 == edges.size())
        edges.erase(edges.begin() + static_cast<long>(i - 1));
      else {
        edges[i - 1] = (edges[i - 1] + edges[i]) / 2;
        edges.erase(edges.begin() + static_cast<long>(i));
      }
    } else {
      ++i;
    }
  }
}

// Drops the lattice lines of one axis (`edges`; a cell's place and extent on it are `start` and
// `span`) that bound no cell: every cell crossing them spans them. Such a line came from a stub of
// rule or a glyph's stroke joined to a rule (a stacked "一" in a narrow column), and kept, it would
// give the table a row or column that no cell has.
void drop_unused_edges(std::vector<int>& edges, std::vector<GridCell>& cells, int GridCell::*start,
                       int GridCell::*span) {
  for (int k = static_cast<int>(edges.size()) - 2; k >= 1; --k) {
    const bool used = std::any_of(cells.begin(), cells.end(), [&](const GridCell& c) {
      return c.*start == k || c.*start + c.*span == k;
    });
    if (used) continue;
    edges.erase(edges.begin() + k);
    for (auto& c : cells) {
      if (c.*start > k)
        --(c.*start);
      else if (c.*start + c.*span > k)
        --(c.*span);
    }
  }
}

// Lattice cells joined across unruled edges; each group grown to the rectangle it spans.
std::vector<GridCell> merge_cells(int rows, int cols, const std::vector<char>& right_open,
                                  const std::vector<char>& below_open) {
  auto index = [cols](int r, int c) { return static_cast<size_t>(r * cols + c); };
  DisjointSets sets(static_cast<size_t>(rows * cols));
  for (int r = 0; r < rows; ++r)
    for (int c = 0; c < cols; ++c) {
      if (c + 1 < cols && right_open[index(r, c)]) sets.unite(index(r, c), index(r, c + 1));
      if (r + 1 < rows && below_open[index(r, c)]) sets.unite(index(r, c), index(r + 1, c));
    }
  // A merged region that is not a rectangle (an L of missing rules) is widened until it is.
  for (bool changed = true; changed;) {
    changed = false;
    std::vector<int> r0(static_cast<size_t>(rows * cols), rows), c0(r0.size(), cols), r1(r0.size(), -1),
        c1(r0.size(), -1);
    for (int r = 0; r < rows; ++r)
      for (int c = 0; c < cols; ++c) {
        size_t g = sets.find(index(r, c));
        r0[g] = std::min(r0[g], r);
        c0[g] = std::min(c0[g], c);
        r1[g] = std::max(r1[g], r);
        c1[g] = std::max(c1[g], c);
      }
    for (int r = 0; r < rows; ++r)
      for (int c = 0; c < cols; ++c) {
        size_t g = sets.find(index(r, c));
        for (int rr = r0[g]; rr <= r1[g]; ++rr)
          for (int cc = c0[g]; cc <= c1[g]; ++cc)
            if (sets.find(index(rr, cc)) != g) {
              sets.unite(g, index(rr, cc));
              changed = true;
            }
      }
  }
  std::vector<GridCell> cells;
  std::vector<char> done(static_cast<size_t>(rows * cols), 0);
  for (int r = 0; r < rows; ++r)
    for (int c = 0; c < cols; ++c) {
      if (done[index(r, c)]) continue;
      size_t g = sets.find(index(r, c));
      GridCell cell{r, c, 1, 1};
      while (c + cell.col_span < cols && sets.find(index(r, c + cell.col_span)) == g) ++cell.col_span;
      while (r + cell.row_span < rows && sets.find(index(r + cell.row_span, c)) == g) ++cell.row_span;
      for (int rr = r; rr < r + cell.row_span; ++rr)
        for (int cc = c; cc < c + cell.col_span; ++cc) done[index(rr, cc)] = 1;
      cells.push_back(cell);
    }
  return cells;
}

}  // namespace

std::vector<int> cluster_positions(std::vector<std::pair<int, int>> position_weight, int tolerance) {
  std::sort(position_weight.begin(), position_weight.end());
  std::vector<int> out;
  double sum = 0, weight = 0;
  int last = 0;
  for (size_t i = 0; i < position_weight.size(); ++i) {
    auto [pos, w] = position_weight[i];
    if (i > 0 && pos - last > tolerance) {
      out.push_back(static_cast<int>(std::lround(sum / weight)));
      sum = weight = 0;
    }
    double wd = std::max(1, w);
    sum += pos * wd;
    weight += wd;
    last = pos;
  }
  if (weight > 0) out.push_back(static_cast<int>(std::lround(sum / weight)));
  return out;
}

namespace {

enum EdgeState : char { kBlank, kInk, kNeutral };

// Inked share of the non-neutral positions, after bridging short blank gaps between inked ones
// (broken or dashed rules); -1 if every position is neutral.
double inked_share(std::vector<char> state, int bridge) {
  for (size_t i = 0; i < state.size();) {
    if (state[i] != kBlank) {
      ++i;
      continue;
    }
    size_t j = i;
    while (j < state.size() && state[j] == kBlank) ++j;
    bool bounded = i > 0 && j < state.size() && state[i - 1] == kInk && state[j] == kInk;
    if (bounded && static_cast<int>(j - i) <= bridge)
      std::fill(state.begin() + static_cast<long>(i), state.begin() + static_cast<long>(j), kInk);
    i = j;
  }
  auto inked = std::count(state.begin(), state.end(), kInk);
  auto blank = std::count(state.begin(), state.end(), kBlank);
  if (inked + blank == 0) return -1;
  return static_cast<double>(inked) / static_cast<double>(inked + blank);
}

}  // namespace

EdgeInk edge_coverage(const cv::Mat& ink, const TextMasks& text, bool vertical, int position, int from,
                      int to, int half_band, int bridge) {
  const int limit_along = vertical ? ink.rows : ink.cols;
  const int limit_across = vertical ? ink.cols : ink.rows;
  from = std::max(from, 0);
  to = std::min(to, limit_along);
  int lo = std::max(position - half_band, 0), hi = std::min(position + half_band, limit_across - 1);
  // The perpendicular rules at both ends cross the band; they say nothing about this edge. Trim
  // exactly them (ink continuing beyond the band on either side), so that the few pixels between
  // a rule and the text of a tight row still count.
  auto crossing = [&](int t) {
    for (int a : {lo - 2, hi + 2}) {
      if (a < 0 || a >= limit_across) continue;
      if (ink.at<uchar>(vertical ? t : a, vertical ? a : t) != 0) return true;
    }
    return false;
  };
  for (int trimmed = 0; from < to && trimmed <= 2 * half_band && crossing(from); ++trimmed) ++from;
  for (int trimmed = 0; from < to && trimmed <= 2 * half_band && crossing(to - 1); ++trimmed) --to;
  if (to <= from || hi < lo) return {};

  // Two readings of each position along the edge.
  //  clear: positions where no glyph box touches the band. Text never reaches there (the padding
  //    above and below a line, the gaps between stacked glyphs), so ink there is rule. This reading
  //    decides whenever it has enough positions.
  //  straight: every position, one pixel line of the band at a time, the best line counting. A
  //    rule is one straight line drawn whole, over or under any text; the strokes of glyphs beside
  //    the edge are short and, at a seam between two glyphs, lie on different lines. Used when text
  //    leaves too few clear positions: tight rows, glyphs overhanging a narrow column.
  //    Only lines within a pixel of the edge count: it sits on the rule that continues beside this
  //    stretch, and the band's outer lines would mostly give a glyph's stroke room to pose as it.
  const bool have_text = !text.boxes.empty();
  const size_t length = static_cast<size_t>(to - from);
  const int line_lo = std::max(lo, position - 1), line_hi = std::min(hi, position + 1);
  std::vector<char> clear(length, kNeutral);
  std::vector<std::vector<char>> lines(static_cast<size_t>(std::max(0, line_hi - line_lo + 1)),
                                       std::vector<char>(length, kBlank));
  size_t clear_count = 0;
  for (int t = from; t < to; ++t) {
    bool any_ink = false, boxed = false;
    const auto i = static_cast<size_t>(t - from);
    for (int a = lo; a <= hi; ++a) {
      int y = vertical ? t : a, x = vertical ? a : t;
      bool dark = ink.at<uchar>(y, x) != 0;
      any_ink = any_ink || dark;
      boxed = boxed || (have_text && text.boxes.at<uchar>(y, x) != 0);
      if (dark && a >= line_lo && a <= line_hi) lines[static_cast<size_t>(a - line_lo)][i] = kInk;
    }
    if (!boxed) {
      clear[i] = any_ink ? kInk : kBlank;
      ++clear_count;
    }
  }
  double best_line = -1;
  for (auto& line : lines) best_line = std::max(best_line, inked_share(std::move(line), bridge));
  // A rule shows itself over a few pixels at least; fewer clear ones are too little to go on.
  const size_t enough = std::max<size_t>(3, length / 10);
  return {clear_count >= enough ? inked_share(clear, bridge) : -1.0, best_line};
}

std::vector<TableGrid> build_table_grids(const std::vector<LineSegment>& segments, const RuleInk& ink,
                                         const TextMasks& text, const GridOptions& options,
                                         const PixelScale& scale) {
  const int joint_tol = scale.pixels(options.joint_tolerance_pt, 2);
  const int merge_tol = scale.pixels(options.merge_tolerance_pt, 2);
  const int min_cell = scale.pixels(options.min_cell_size_pt, 3);
  const int open_reach = scale.pixels(options.open_side_min_pt, 4);
  const int bridge = scale.pixels(options.gap_bridge_pt, 1);
  // Lines merged into one lattice edge lie within half the merge tolerance of it; a wider band would
  // reach the strokes of glyphs set close to the edge.
  const int half_band = std::max(1, merge_tol / 2);

  std::vector<TableGrid> tables;
  for (const auto& group : group_tables(keep_joined(segments, joint_tol), joint_tol)) {
    std::vector<std::pair<int, int>> ys, xs;
    std::vector<LineSegment> horizontals, verticals;
    for (const auto& s : group) {
      (s.horizontal ? ys : xs).push_back({center(s), length(s)});
      (s.horizontal ? horizontals : verticals).push_back(s);
    }
    TableGrid grid;
    grid.row_edges = cluster_positions(ys, merge_tol);
    grid.col_edges = cluster_positions(xs, merge_tol);
    if (grid.row_edges.empty() || grid.col_edges.empty()) continue;
    add_open_sides(grid.col_edges, horizontals, false, open_reach);
    add_open_sides(grid.row_edges, verticals, true, open_reach);
    merge_slivers(grid.row_edges, min_cell);
    merge_slivers(grid.col_edges, min_cell);
    const int rows = grid.n_rows(), cols = grid.n_cols();
    if (rows < 1 || cols < 1) continue;

    auto index = [cols](int r, int c) { return static_cast<size_t>(r * cols + c); };
    std::vector<char> right_open(static_cast<size_t>(rows * cols), 0), below_open(right_open.size(), 0);
    // An edge is open (the cells beside it merge) unless ruled along most of its length. Where text
    // leaves room beside the edge, the ink there decides; where text fills it (tight rows, glyphs as
    // wide as their column), only a straight line inked whole is a rule. (Text flow is no evidence
    // either way: poppler joins glyphs of neighbouring cells into one word, and lines of one cell
    // and of two cells differ in vertical gap only by two paddings, which Word sets to zero.)
    auto is_open = [&](bool vertical, int position, int from, int to) {
      const cv::Mat& rule_ink = vertical ? ink.vertical : ink.horizontal;
      EdgeInk edge = edge_coverage(rule_ink, text, vertical, position, from, to, half_band, bridge);
      if (edge.clear >= 0) return edge.clear < options.boundary_coverage;

      // Through text a drawn rule shows whole; a glyph's own straight stroke beside the edge covers
      // at most the glyph's height.
      return edge.straight < options.rule_through_text_coverage;
    };
    for (int r = 0; r < rows; ++r)
      for (int c = 0; c < cols; ++c) {
        const auto ri = static_cast<size_t>(r), ci = static_cast<size_t>(c);
        if (c + 1 < cols)
          right_open[index(r, c)] =
              is_open(true, grid.col_edges[ci + 1], grid.row_edges[ri], grid.row_edges[ri + 1]);
        if (r + 1 < rows)
          below_open[index(r, c)] =
              is_open(false, grid.row_edges[ri + 1], grid.col_edges[ci], grid.col_edges[ci + 1]);
      }
    grid.cells = merge_cells(rows, cols, right_open, below_open);
    drop_unused_edges(grid.row_edges, grid.cells, &GridCell::row, &GridCell::row_span);
    drop_unused_edges(grid.col_edges, grid.cells, &GridCell::col, &GridCell::col_span);
    // A lone box is a frame around text, not a table.
    if (grid.cells.size() < 2) continue;
    grid.bbox = {grid.col_edges.front(), grid.row_edges.front(), grid.col_edges.back(),
                 grid.row_edges.back()};
    tables.push_back(std::move(grid));
  }
  std::sort(tables.begin(), tables.end(), reads_before);
  return tables;
}

}  // namespace gridlift
