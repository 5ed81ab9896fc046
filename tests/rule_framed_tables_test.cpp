// Tables ruled across only, and grids that are no table, on synthetic pages whose rules and
// glyphs are known (pixels at 150 dpi; glyphs 12 px tall, 8 px wide, as 6 pt text).

#include <gtest/gtest.h>

#include <string>

#include "stages/grid/rule_framed_tables.h"
#include "stages/grid/table_filter.h"

namespace gridlift {
namespace {

const PixelScale kScale{150};
constexpr int kGlyphW = 8, kGlyphH = 12;

struct Page {
  std::vector<LineSegment> segments;
  std::vector<GlyphBox> glyphs;

  void rule(int y, int x0, int x1) { segments.push_back({{x0, y, x1, y + 1}, true}); }
  // `text` as glyphs set one after another from x; a space is a word space, a quarter em.
  void text(int x, int y, const std::string& text) {
    for (char ch : text) {
      if (ch == ' ') {
        x += kGlyphH / 4;
        continue;
      }
      glyphs.push_back({{x, y, x + kGlyphW, y + kGlyphH}, kGlyphH, {}});
      x += kGlyphW;
    }
  }
  // A row of a table with columns starting at 100, 300, 420, 540: a label and three numbers.
  void row(int y, const std::string& label) {
    text(100, y, label);
    text(300, y, "12.50");
    text(420, y, "3.75");
    text(540, y, "100.00");
  }
  std::vector<TableGrid> find(std::vector<RegionDecision>& decisions,
                              const std::vector<TableGrid>& lattices = {}) const {
    return find_rule_framed_tables(segments, lattices, glyphs, GridOptions{}, kScale, decisions);
  }
};

TEST(RuleFramedTables, ThreeLineTableGetsColumnsFromGapsAndRowsFromLines) {
  Page p;
  p.rule(100, 90, 600);  // top
  p.text(100, 106, "Item");
  p.text(300, 106, "2021");
  p.text(420, 106, "2022");
  p.text(540, 106, "2023");
  p.rule(124, 90, 600);  // under the header
  for (int i = 0; i < 5; ++i) p.row(130 + 20 * i, "Revenue " + std::to_string(i));
  p.rule(232, 90, 600);  // bottom
  std::vector<RegionDecision> decisions;
  const auto tables = p.find(decisions);
  ASSERT_EQ(tables.size(), 1u);
  EXPECT_EQ(tables[0].n_rows(), 6);
  EXPECT_EQ(tables[0].n_cols(), 4);
  EXPECT_EQ(tables[0].cells.size(), 24u);
  EXPECT_EQ(tables[0].row_edges.front(), 100);
  EXPECT_EQ(tables[0].row_edges[1], 124);  // the header rule is the header's lower edge
  ASSERT_EQ(decisions.size(), 1u);
  EXPECT_TRUE(decisions[0].taken);
}

TEST(RuleFramedTables, RuleUnderEveryRowIsOneTable) {
  Page p;
  for (int i = 0; i < 6; ++i) {
    p.rule(100 + 20 * i, 90, 600);
    p.row(104 + 20 * i, "Row " + std::to_string(i));
  }
  p.rule(220, 90, 600);
  std::vector<RegionDecision> decisions;
  const auto tables = p.find(decisions);
  ASSERT_EQ(tables.size(), 1u);
  EXPECT_EQ(tables[0].n_rows(), 6);
  EXPECT_EQ(tables[0].n_cols(), 4);
}

TEST(RuleFramedTables, TableWithoutBottomRuleEndsWhereItsRowsStop) {
  Page p;
  p.rule(100, 90, 600);
  p.text(100, 106, "Item");
  p.text(300, 106, "2021");
  p.rule(124, 90, 600);
  for (int i = 0; i < 4; ++i) p.row(130 + 20 * i, "Cost " + std::to_string(i));
  p.text(100, 212, "Source: annual reports");  // a note under the table, one cell wide
  std::vector<RegionDecision> decisions;
  const auto tables = p.find(decisions);
  ASSERT_EQ(tables.size(), 1u);
  EXPECT_EQ(tables[0].n_rows(), 5);
  EXPECT_LT(tables[0].bbox.y1, 212);
}

TEST(RuleFramedTables, ProseBetweenRulesIsNoTable) {
  Page p;
  p.rule(100, 90, 600);
  for (int i = 0; i < 5; ++i) p.text(100, 106 + 16 * i, "the quick brown fox jumps over the lazy dog again");
  p.rule(190, 90, 600);
  std::vector<RegionDecision> decisions;
  EXPECT_TRUE(p.find(decisions).empty());
}

TEST(RuleFramedTables, HeaderOverTwoColumnsSpansThem) {
  Page p;
  p.rule(100, 90, 600);
  p.text(100, 106, "Item");
  p.text(312, 106, "Forecast by years");  // over the columns at 300 and 420 and the gap between
  p.rule(124, 90, 600);
  for (int i = 0; i < 4; ++i) p.row(130 + 20 * i, "Line " + std::to_string(i));
  p.rule(212, 90, 600);
  std::vector<RegionDecision> decisions;
  const auto tables = p.find(decisions);
  ASSERT_EQ(tables.size(), 1u);
  ASSERT_GE(tables[0].cells.size(), 2u);
  EXPECT_EQ(tables[0].cells[1].col, 1);
  EXPECT_GT(tables[0].cells[1].col_span, 1);
}

TEST(RuleFramedTables, RulesInsideALatticeAreLeftToIt) {
  Page p;
  p.rule(100, 90, 600);
  for (int i = 0; i < 4; ++i) p.row(106 + 20 * i, "Row " + std::to_string(i));
  p.rule(190, 90, 600);
  TableGrid lattice;
  lattice.bbox = {80, 90, 610, 200};
  lattice.row_edges = {90, 200};
  lattice.col_edges = {80, 610};
  lattice.cells = {{0, 0, 1, 1}};
  std::vector<RegionDecision> decisions;
  EXPECT_TRUE(p.find(decisions, {lattice}).empty());
}

TEST(RuleFramedTables, FrameAroundTwoTablesLeavesThemApart) {
  Page p;
  p.rule(80, 90, 600);  // a page rule above both
  for (int t = 0; t < 2; ++t) {
    const int top = 100 + 150 * t;
    p.rule(top, 90, 600);
    p.text(100, top + 6, "Item");
    p.text(300, top + 6, "2021");
    p.rule(top + 24, 90, 600);
    for (int i = 0; i < 4; ++i) p.row(top + 30 + 20 * i, "Row " + std::to_string(i));
    p.rule(top + 112, 90, 600);
  }
  p.rule(420, 90, 600);  // and one below
  std::vector<RegionDecision> decisions;
  const auto tables = p.find(decisions);
  ASSERT_EQ(tables.size(), 2u);
  EXPECT_EQ(tables[0].n_rows(), 5);
  EXPECT_EQ(tables[1].n_rows(), 5);
}

TableGrid lattice_grid(const std::vector<int>& xs, const std::vector<int>& ys) {
  TableGrid grid;
  grid.col_edges = xs;
  grid.row_edges = ys;
  for (int r = 0; r + 1 < static_cast<int>(ys.size()); ++r)
    for (int c = 0; c + 1 < static_cast<int>(xs.size()); ++c) grid.cells.push_back({r, c, 1, 1});
  grid.bbox = {xs.front(), ys.front(), xs.back(), ys.back()};
  return grid;
}

TEST(NonTables, BoxedHeadingWithTextInOneColumnIsDropped) {
  Page p;
  p.text(110, 106, "Key figures");
  std::vector<RegionDecision> decisions;
  const auto kept = drop_non_tables({lattice_grid({100, 400, 500}, {100, 124, 148})}, p.glyphs, decisions);
  EXPECT_TRUE(kept.empty());
  ASSERT_EQ(decisions.size(), 1u);
  EXPECT_FALSE(decisions[0].taken);
}

TEST(NonTables, LetteringCutIntoCellsIsDropped) {
  Page p;
  p.text(100, 104, "HIGHLIGHTS");
  std::vector<int> xs;
  for (int x = 100; x <= 180; x += 8) xs.push_back(x);
  std::vector<RegionDecision> decisions;
  EXPECT_TRUE(drop_non_tables({lattice_grid(xs, {100, 120})}, p.glyphs, decisions).empty());
}

TEST(NonTables, OneRowOfWideCellsStays) {
  // The last row of a table, spilled onto a page of its own.
  Page p;
  p.text(110, 104, "Total");
  p.text(310, 104, "189,767");
  p.text(410, 104, "101,341");
  std::vector<RegionDecision> decisions;
  EXPECT_EQ(drop_non_tables({lattice_grid({100, 300, 400, 500}, {100, 120})}, p.glyphs, decisions).size(),
            1u);
  EXPECT_TRUE(decisions.empty());
}

}  // namespace
}  // namespace gridlift
