// Grid finding on synthetic pages whose lines and spans are known.

#include <gtest/gtest.h>

#include <opencv2/imgproc.hpp>

#include "stages/grid/grid_detector.h"
#include "stages/grid/lattice.h"

namespace gridlift {
namespace {

constexpr double kDpi = 150;

// A white page with black lines; coordinates in pixels.
struct Canvas {
  cv::Mat gray = cv::Mat(1200, 900, CV_8UC1, cv::Scalar(255));
  void hline(int y, int x0, int x1, int thickness = 1) {
    cv::rectangle(gray, cv::Point(x0, y), cv::Point(x1, y + thickness - 1), cv::Scalar(0), cv::FILLED);
  }
  void vline(int x, int y0, int y1, int thickness = 1) {
    cv::rectangle(gray, cv::Point(x, y0), cv::Point(x + thickness - 1, y1), cv::Scalar(0), cv::FILLED);
  }
  // A full lattice: rows at ys, columns at xs.
  void lattice(const std::vector<int>& xs, const std::vector<int>& ys) {
    for (int y : ys) hline(y, xs.front(), xs.back());
    for (int x : xs) vline(x, ys.front(), ys.back());
  }
  GridDetection detect() const { return detect_grids(gray, PixelScale{kDpi}, {}); }
};

TEST(GridDetector, FindsFullLattice) {
  Canvas c;
  c.lattice({100, 250, 400, 550}, {100, 150, 200, 250, 300});
  auto d = c.detect();
  ASSERT_EQ(d.tables.size(), 1u);
  EXPECT_EQ(d.tables[0].n_rows(), 4);
  EXPECT_EQ(d.tables[0].n_cols(), 3);
  EXPECT_EQ(d.tables[0].cells.size(), 12u);
}

TEST(GridDetector, MissingInnerSegmentBecomesColumnSpan) {
  Canvas c;
  std::vector<int> xs{100, 250, 400, 550}, ys{100, 150, 200, 250};
  for (int y : ys) c.hline(y, xs.front(), xs.back());
  c.vline(100, 100, 250);
  c.vline(550, 100, 250);
  c.vline(250, 150, 250);  // not in the first row: row 0 cols 0-1 merge
  c.vline(400, 100, 250);
  auto d = c.detect();
  ASSERT_EQ(d.tables.size(), 1u);
  const auto& cells = d.tables[0].cells;
  ASSERT_FALSE(cells.empty());
  EXPECT_EQ(cells[0], (GridCell{0, 0, 1, 2}));
  EXPECT_EQ(cells.size(), 8u);
}

TEST(GridDetector, MissingSegmentBelowBecomesRowSpan) {
  Canvas c;
  std::vector<int> xs{100, 250, 400}, ys{100, 150, 200, 250};
  for (int x : xs) c.vline(x, ys.front(), ys.back());
  c.hline(100, 100, 400);
  c.hline(250, 100, 400);
  c.hline(150, 250, 400);  // col 0 spans rows 0-2
  c.hline(200, 250, 400);
  auto d = c.detect();
  ASSERT_EQ(d.tables.size(), 1u);
  EXPECT_EQ(d.tables[0].cells[0], (GridCell{0, 0, 3, 1}));
  EXPECT_EQ(d.tables[0].cells.size(), 4u);
}

TEST(GridDetector, BrokenLinesStillSeparateCells) {
  Canvas c;
  c.lattice({100, 250, 400}, {100, 160, 220});
  // Punch 2-pixel gaps every 20 pixels into the middle rule, as a faint print would.
  for (int x = 110; x < 400; x += 20) c.gray(cv::Rect(x, 160, 2, 1)).setTo(255);
  auto d = c.detect();
  ASSERT_EQ(d.tables.size(), 1u);
  EXPECT_EQ(d.tables[0].n_rows(), 2);
  EXPECT_EQ(d.tables[0].cells.size(), 4u);
}

TEST(GridDetector, OvershootingLinesAddNoRowsOrColumns) {
  Canvas c;
  std::vector<int> xs{100, 250, 400}, ys{100, 160, 220};
  for (int y : ys) c.hline(y, xs.front() - 6, xs.back() + 6);  // a few pixels past the frame
  for (int x : xs) c.vline(x, ys.front() - 6, ys.back() + 6);
  auto d = c.detect();
  ASSERT_EQ(d.tables.size(), 1u);
  EXPECT_EQ(d.tables[0].n_rows(), 2);
  EXPECT_EQ(d.tables[0].n_cols(), 2);
}

TEST(GridDetector, DoubleOuterBorderIsOneLine) {
  Canvas c;
  c.lattice({100, 250, 400}, {100, 160, 220});
  c.hline(96, 96, 404);
  c.hline(224, 96, 404);
  c.vline(96, 96, 224);
  c.vline(404, 96, 224);
  auto d = c.detect();
  ASSERT_EQ(d.tables.size(), 1u);
  EXPECT_EQ(d.tables[0].n_rows(), 2);
  EXPECT_EQ(d.tables[0].n_cols(), 2);
}

TEST(GridDetector, TwoTablesOnOnePage) {
  Canvas c;
  c.lattice({100, 250, 400}, {100, 160, 220});
  c.lattice({150, 300, 450, 600}, {500, 560, 620, 680});
  auto d = c.detect();
  ASSERT_EQ(d.tables.size(), 2u);
  EXPECT_EQ(d.tables[0].n_cols(), 2);
  EXPECT_EQ(d.tables[1].n_cols(), 3);
  EXPECT_EQ(d.tables[1].n_rows(), 3);
}

TEST(GridDetector, LoneRulesAndFramesAreNotTables) {
  Canvas c;
  c.hline(100, 100, 800);             // a page rule
  c.lattice({100, 400}, {300, 400});  // a framed box: one cell
  EXPECT_TRUE(c.detect().tables.empty());
}

TEST(GridDetector, TextStrokeAcrossAMissingEdgeDoesNotSplitTheSpan) {
  Canvas c;
  std::vector<int> xs{100, 250, 400}, ys{100, 160, 220};
  for (int y : ys) c.hline(y, 100, 400);
  c.vline(100, 100, 220);
  c.vline(400, 100, 220);
  c.vline(250, 160, 220);
  // A glyph stroke where the missing edge would be (a centred heading over a span).
  c.vline(250, 115, 140, 2);
  // And text in the row below, so the grid is a table (text in two rows and two columns).
  std::vector<GlyphBox> glyphs{{{238, 112, 262, 145}}, {{150, 175, 170, 200}}};
  auto d = detect_grids(c.gray, PixelScale{kDpi}, glyphs);
  ASSERT_EQ(d.tables.size(), 1u);
  EXPECT_EQ(d.tables[0].cells[0], (GridCell{0, 0, 1, 2}));
}

TEST(GridDetector, StrokesJoinedToARuleMakeNoRowOrColumn) {
  Canvas c;
  c.lattice({100, 250, 400}, {100, 200, 250, 300});
  // A cross of strokes set against the left rule halfway down the first row: each is joined (to
  // the rule, to the other), but neither bounds a cell.
  c.hline(150, 100, 160, 2);
  c.vline(140, 130, 170, 2);
  auto d = c.detect();
  ASSERT_EQ(d.tables.size(), 1u);
  EXPECT_EQ(d.tables[0].n_rows(), 3);
  EXPECT_EQ(d.tables[0].n_cols(), 2);
  EXPECT_EQ(d.tables[0].cells.size(), 6u);
}

TEST(Lattice, ClusterMergesNearbyPositions) {
  auto edges = cluster_positions({{100, 10}, {102, 10}, {200, 5}, {300, 1}, {301, 1}}, 3);
  ASSERT_EQ(edges.size(), 3u);
  EXPECT_EQ(edges[0], 101);
  EXPECT_EQ(edges[1], 200);
}

}  // namespace
}  // namespace gridlift

namespace gridlift {
namespace {

TEST(GridDetector, FaintGrayRulesCount) {
  Canvas c;
  std::vector<int> xs{100, 250, 400}, ys{100, 160, 220};
  for (int y : ys) c.gray(cv::Rect(100, y, 301, 1)).setTo(200);  // light gray hairlines
  for (int x : xs) c.gray(cv::Rect(x, 100, 1, 121)).setTo(200);
  auto d = c.detect();
  ASSERT_EQ(d.tables.size(), 1u);
  EXPECT_EQ(d.tables[0].cells.size(), 4u);
}

TEST(GridDetector, DashedRulesCount) {
  Canvas c;
  c.lattice({100, 250, 400}, {100, 220});
  for (int x = 100; x < 400; x += 4) c.hline(160, x, x + 1);  // 2 on, 2 off
  auto d = c.detect();
  ASSERT_EQ(d.tables.size(), 1u);
  EXPECT_EQ(d.tables[0].n_rows(), 2);
  EXPECT_EQ(d.tables[0].cells.size(), 4u);
}

TEST(GridDetector, WhiteRulesBetweenPaintedCells) {
  Canvas c;
  // Two rows of gray fills separated by 1-pixel white rules, as in tables painted cell by cell.
  c.gray(cv::Rect(100, 100, 300, 120)).setTo(217);
  c.gray(cv::Rect(100, 160, 300, 1)).setTo(255);
  c.gray(cv::Rect(250, 100, 1, 120)).setTo(255);
  // Paint also elsewhere on the page, so it reads as a painted page.
  c.gray(cv::Rect(500, 600, 300, 300)).setTo(230);
  auto d = c.detect();
  ASSERT_GE(d.tables.size(), 1u);
  EXPECT_EQ(d.tables[0].n_rows(), 2);
  EXPECT_EQ(d.tables[0].n_cols(), 2);
}

}  // namespace
}  // namespace gridlift

namespace gridlift {
namespace {

TEST(GridDetector, SidesWithoutBorderAreClosedWhereRulesRunOn) {
  Canvas c;
  // Horizontal rules run from 100 to 500; vertical rules only inside, at 250 and 350.
  for (int y : {100, 160, 220}) c.hline(y, 100, 500);
  for (int x : {250, 350}) c.vline(x, 100, 220);
  auto d = c.detect();
  ASSERT_EQ(d.tables.size(), 1u);
  EXPECT_EQ(d.tables[0].n_cols(), 3) << "open left and right sides become columns";
  EXPECT_EQ(d.tables[0].n_rows(), 2);
  EXPECT_NEAR(d.tables[0].col_edges.front(), 100, 2);
  EXPECT_NEAR(d.tables[0].col_edges.back(), 500, 2);
}

}  // namespace
}  // namespace gridlift

namespace gridlift {
namespace {

TEST(GridDetector, StrokesAlignedFromRowToRowAreNotAColumnRule) {
  // Tight rows of CJK-like text: in every row a glyph's vertical stroke at the same x, reaching
  // almost to the row rules. Bridged across the thin rules they form one long straight run.
  Canvas c;
  std::vector<int> ys{100, 130, 160, 190, 220};
  for (int y : ys) c.hline(y, 100, 500);
  for (int x : {100, 400, 500}) c.vline(x, 100, 220);
  std::vector<GlyphBox> glyphs;
  for (size_t r = 0; r + 1 < ys.size(); ++r) {
    c.vline(250, ys[r] + 2, ys[r + 1] - 2, 2);  // the stroke
    glyphs.push_back({{240, ys[r] + 1, 262, ys[r + 1] - 1}});
    glyphs.push_back({{440, ys[r] + 5, 460, ys[r + 1] - 5}});  // text in the second column
  }
  auto d = detect_grids(c.gray, PixelScale{kDpi}, glyphs);
  ASSERT_EQ(d.tables.size(), 1u);
  EXPECT_EQ(d.tables[0].n_cols(), 2) << "the stroke column must not split the rows";
  EXPECT_EQ(d.tables[0].n_rows(), 4);
}

TEST(GridDetector, StraightSeamOfStrokesEndingInACellIsNoRule) {
  // The left stroke of a glyph in a two-line heading and a stroke of the glyph under it in a short
  // row line up exactly; both touch the rule between them, so the run is straight and unbroken
  // from mid-heading to the row's bottom rule. The short row must not split in two there.
  Canvas c;
  std::vector<int> ys{100, 160, 190, 220};
  for (int y : ys) c.hline(y, 100, 400);
  for (int x : {100, 300, 400}) c.vline(x, 100, 220);
  c.vline(180, 135, 190, 2);
  std::vector<GlyphBox> glyphs{{{178, 133, 205, 159}}, {{165, 161, 200, 189}}, {{330, 165, 350, 185}}};
  auto d = detect_grids(c.gray, PixelScale{kDpi}, glyphs);
  ASSERT_EQ(d.tables.size(), 1u);
  EXPECT_EQ(d.tables[0].n_cols(), 2);
  EXPECT_EQ(d.tables[0].n_rows(), 3);
}

TEST(GridDetector, AStrokeThroughTheMiddleOfAnInkBlobIsNoRule) {
  // A scan's row no taller than its text: a glyph's upright stroke touches the rules above and
  // below, straight and whole, but the glyph's crossbar runs on both sides of it. The stroke is
  // two pixels into the glyph's ink (a "扌" radical), outside the core erased before rules are sought.
  Canvas c;
  std::vector<int> ys{100, 130, 190};
  for (int y : ys) c.hline(y, 100, 400);
  for (int x : {100, 300, 400}) c.vline(x, 100, 190);
  c.vline(178, 100, 130, 1);
  c.hline(115, 176, 204, 2);
  GlyphBox blob{{173, 96, 207, 134}, 0, {176, 101, 204, 129}};
  auto d = detect_grids(c.gray, PixelScale{kDpi}, {blob});
  ASSERT_EQ(d.tables.size(), 1u);
  EXPECT_EQ(d.tables[0].n_cols(), 2);
}

TEST(GridDetector, RuleUnderOverhangingGlyphsStays) {
  // A narrow column: in the header row its stacked glyphs are wider than it and their boxes reach
  // over the rule on its right; in the body row it holds narrow digits. (A rule hidden under
  // overhanging glyphs along its whole length is not found: glyph cores are erased before rules
  // are sought.)
  Canvas c;
  std::vector<int> ys{100, 180, 260};
  for (int y : ys) c.hline(y, 100, 400);
  for (int x : {100, 120, 400}) c.vline(x, 100, 260);
  std::vector<GlyphBox> glyphs;
  for (int y = 104; y + 18 <= 176; y += 19) glyphs.push_back({{102, y, 126, y + 18}});  // overhangs x=120
  for (int y = 184; y + 18 <= 256; y += 19) glyphs.push_back({{104, y, 114, y + 18}});  // digits
  glyphs.push_back({{200, 210, 220, 230}});  // a label in the wide column
  auto d = detect_grids(c.gray, PixelScale{kDpi}, glyphs);
  ASSERT_EQ(d.tables.size(), 1u);
  EXPECT_EQ(d.tables[0].n_cols(), 2);
  EXPECT_EQ(d.tables[0].cells.size(), 4u) << "the narrow column stays separate in both rows";
}

}  // namespace
}  // namespace gridlift
