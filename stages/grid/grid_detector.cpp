#include "stages/grid/grid_detector.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>

#include "stages/grid/lattice.h"
#include "stages/grid/line_segments.h"
#include "stages/grid/rule_framed_tables.h"
#include "stages/grid/table_filter.h"

namespace gridlift {
namespace {

// Strokes of CJK glyphs set on an em grid line up from row to row; in tight rows they fuse, across
// the thin rules between rows, into long straight runs that cross rules like a real one. A real
// rule runs between the text of cells, grazing at most the margin of a glyph that overhangs a
// narrow column, and it is one straight line of ink. So a segment is dropped when most of its
// length runs through text (see below) and no single pixel line along it is inked for 95% of its
// length and both its ends meet rules: a rule in tight cells, which poppler's glyph boxes reach over
// from both sides, is drawn whole; a seam of strokes is stitched from pieces of different glyphs,
// or, when they line up exactly, ends where its glyphs do. Through text means:
//  - vertical: inside a glyph box, or along the seam where two glyphs of one line abut;
//  - horizontal: inside glyph interiors (boxes less 15% each way), since in tight rows glyph
//    boxes reach over the real row rules.
bool runs_through_text(const LineSegment& s, const std::vector<GlyphBox>& glyphs) {
  long covered = 0;
  if (s.horizontal) {
    const int y = (s.box.y0 + s.box.y1) / 2;
    for (const auto& g : glyphs) {
      int dx = g.box.width() * 15 / 100, dy = g.box.height() * 15 / 100;
      if (y < g.box.y0 + dy || y >= g.box.y1 - dy) continue;
      covered += std::max(0, std::min(g.box.x1 - dx, s.box.x1) - std::max(g.box.x0 + dx, s.box.x0));
    }
    return covered * 2 >= s.box.width();
  }
  const int x = (s.box.x0 + s.box.x1) / 2;
  auto overlap_along = [&](int y0, int y1) {
    return std::max(0, std::min(y1, s.box.y1) - std::max(y0, s.box.y0));
  };
  for (size_t i = 0; i < glyphs.size(); ++i) {
    const ImageRect& g = glyphs[i].box;
    if (x > g.x0 + 1 && x < g.x1 - 1) {
      covered += overlap_along(g.y0, g.y1);
    } else if (i + 1 < glyphs.size()) {
      // The seam between this glyph and the next one on its line.
      const ImageRect& n = glyphs[i + 1].box;
      bool same_line = std::min(g.y1, n.y1) - std::max(g.y0, n.y0) > g.height() / 2;
      bool seam = std::abs(g.x1 - x) <= 2 && std::abs(n.x0 - x) <= 2;
      if (same_line && seam) covered += overlap_along(g.y0, g.y1);
    }
  }
  return covered * 2 >= s.box.height();
}

// The largest share of the segment's length inked on a single pixel line along it, no gaps bridged.
double straight_ink(const LineSegment& s, const RuleInk& ink) {
  const cv::Mat& m = s.horizontal ? ink.horizontal : ink.vertical;
  const int along0 = s.horizontal ? s.box.x0 : s.box.y0, along1 = s.horizontal ? s.box.x1 : s.box.y1;
  const int across0 = s.horizontal ? s.box.y0 : s.box.x0, across1 = s.horizontal ? s.box.y1 : s.box.x1;
  int best = 0;
  for (int a = across0; a < across1; ++a) {
    int inked = 0;
    for (int t = along0; t < along1; ++t)
      inked += m.at<uchar>(s.horizontal ? a : t, s.horizontal ? t : a) != 0;
    best = std::max(best, inked);
  }
  return along1 > along0 ? static_cast<double>(best) / (along1 - along0) : 0.0;
}

// Cheap first look: the share of the segment's centre line (give or take two pixels across) that
// lies in glyph boxes. Under half, it cannot run through text by either test below.
double share_in_boxes(const LineSegment& s, const cv::Mat& boxes) {
  const int along0 = s.horizontal ? s.box.x0 : s.box.y0, along1 = s.horizontal ? s.box.x1 : s.box.y1;
  const int mid = s.horizontal ? (s.box.y0 + s.box.y1) / 2 : (s.box.x0 + s.box.x1) / 2;
  const int limit = s.horizontal ? boxes.rows : boxes.cols;
  int in = 0;
  for (int t = along0; t < along1; ++t)
    for (int a = std::max(0, mid - 2); a <= std::min(limit - 1, mid + 2); ++a)
      if (boxes.at<uchar>(s.horizontal ? a : t, s.horizontal ? t : a)) {
        ++in;
        break;
      }
  return along1 > along0 ? static_cast<double>(in) / (along1 - along0) : 0.0;
}

// Whether a perpendicular segment of `all` passes within `tol` of each end of `s`. A rule ends on
// rules; a seam of strokes starts or stops in the middle of a cell, where the first or last glyph
// of the run is (the left stroke of a "目" over a "栏" of the next row, both touching the rule
// between them, is straight and unbroken for its whole length).
bool both_ends_meet_rules(const LineSegment& s, const std::vector<LineSegment>& all, int tol) {
  const int across = s.horizontal ? (s.box.y0 + s.box.y1) / 2 : (s.box.x0 + s.box.x1) / 2;
  auto meets = [&](int end) {
    return std::any_of(all.begin(), all.end(), [&](const LineSegment& o) {
      if (o.horizontal == s.horizontal) return false;
      const int o_at = o.horizontal ? (o.box.y0 + o.box.y1) / 2 : (o.box.x0 + o.box.x1) / 2;
      const int o_lo = o.horizontal ? o.box.x0 : o.box.y0, o_hi = o.horizontal ? o.box.x1 : o.box.y1;
      return std::abs(o_at - end) <= tol && across >= o_lo - tol && across <= o_hi + tol;
    });
  };
  return s.horizontal ? meets(s.box.x0) && meets(s.box.x1 - 1) : meets(s.box.y0) && meets(s.box.y1 - 1);
}

// Whether `s` runs through the middle of one blob of ink, with the blob's ink on both sides of it
// for half its length or more: a glyph's stroke that touches the rules above and below (the left stroke
// of a "护" in a row no taller than its text), however straight.
bool through_an_ink_blob(const LineSegment& s, const std::vector<GlyphBox>& glyphs) {
  constexpr int kInside = 2;  // pixels of the blob's ink beyond the segment on each side
  const int along0 = s.horizontal ? s.box.x0 : s.box.y0, along1 = s.horizontal ? s.box.x1 : s.box.y1;
  const int across0 = s.horizontal ? s.box.y0 : s.box.x0, across1 = s.horizontal ? s.box.y1 : s.box.x1;
  return std::any_of(glyphs.begin(), glyphs.end(), [&](const GlyphBox& g) {
    if (g.ink.empty()) return false;
    const int g_across0 = s.horizontal ? g.ink.y0 : g.ink.x0, g_across1 = s.horizontal ? g.ink.y1 : g.ink.x1;
    const int g_along0 = s.horizontal ? g.ink.x0 : g.ink.y0, g_along1 = s.horizontal ? g.ink.x1 : g.ink.y1;
    if (across0 < g_across0 + kInside || across1 > g_across1 - kInside) return false;
    const int overlap = std::min(along1, g_along1) - std::max(along0, g_along0);
    return overlap * 2 >= along1 - along0;
  });
}

std::vector<LineSegment> drop_segments_through_text(std::vector<LineSegment> segments,
                                                    const std::vector<GlyphBox>& glyphs, const cv::Mat& boxes,
                                                    const RuleInk& ink, int joint_tol) {
  if (glyphs.empty()) return segments;
  const std::vector<LineSegment> all = segments;
  std::erase_if(segments, [&](const LineSegment& s) {
    if (through_an_ink_blob(s, glyphs)) return true;
    return share_in_boxes(s, boxes) >= 0.5 && runs_through_text(s, glyphs) &&
           (straight_ink(s, ink) < 0.95 || !both_ends_meet_rules(s, all, joint_tol));
  });
  return segments;
}

}  // namespace

GridDetection detect_grids(const cv::Mat& gray, const PixelScale& scale, const std::vector<GlyphBox>& glyphs,
                           const GridOptions& options) {
  GridDetection result;

  // Glyph boxes and their cores (middle 60% each way). A rule never runs through the middle of a
  // glyph, while glyph margins do touch rules (tight padding, glyphs wider than a narrow column).
  // So cores are erased from the ink before rules are looked for (letters sitting on a baseline
  // would otherwise join into long runs that look like rules); boxes tell lattice building where
  // text does not reach (see edge_coverage).
  TextMasks text;
  cv::Mat cores;
  if (!glyphs.empty()) {
    text.boxes = cv::Mat::zeros(gray.size(), CV_8UC1);
    cores = cv::Mat::zeros(gray.size(), CV_8UC1);
    const cv::Rect page(0, 0, gray.cols, gray.rows);

    for (const auto& glyph : glyphs) {
      const ImageRect& g = glyph.box;
      cv::Rect box = cv::Rect(g.x0, g.y0, g.width(), g.height()) & page;
      if (box.area() > 0) text.boxes(box).setTo(255);
      // The core is the middle 60% of the glyph box each way, but never taller than three quarters
      // of an em: a box can be far taller than the ink (Chromium gives Noto CJK its full 1.45 em
      // ascent and descent), and 60% of such a box reaches the rules above and below the text.
      int dx = g.width() / 5;
      int core_height = g.height() * 3 / 5;
      if (glyph.em > 0) core_height = std::min(core_height, glyph.em * 3 / 4);
      int top = g.y0 + (g.height() - core_height) / 2;
      cv::Rect core = cv::Rect(g.x0 + dx, top, g.width() - 2 * dx, core_height) & page;
      if (core.area() > 0) cores(core).setTo(255);
    }
  }
  RuleInk ink = find_rule_ink(gray, options, scale, text.boxes);
  RuleInk line_ink = ink;
  if (!glyphs.empty()) {
    line_ink.horizontal = ink.horizontal.clone();
    line_ink.horizontal.setTo(0, cores);
    if (ink.vertical.data == ink.horizontal.data) {  // plain page: one ink serves both directions
      line_ink.vertical = line_ink.horizontal;
    } else {
      line_ink.vertical = ink.vertical.clone();
      line_ink.vertical.setTo(0, cores);
    }
  }
  result.debug.segments =
      drop_segments_through_text(find_line_segments(line_ink, options, scale), glyphs, text.boxes, ink,
                                 scale.pixels(options.joint_tolerance_pt, 2));
  result.tables = drop_non_tables(build_table_grids(result.debug.segments, ink, text, options, scale), glyphs,
                                  result.debug.regions);
  std::vector<TableGrid> ruled_across = find_rule_framed_tables(result.debug.segments, result.tables, glyphs,
                                                                options, scale, result.debug.regions);
  for (auto& grid : ruled_across) result.tables.push_back(std::move(grid));
  std::sort(result.tables.begin(), result.tables.end(), reads_before);
  return result;
}

}  // namespace gridlift
