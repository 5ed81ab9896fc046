// Glyph boxes found in the ink of a scan: characters alone, and characters that touch rules; and
// marks of coloured ink (seals) told from rules and print.

#include "stages/clean/ink_glyphs.h"

#include <gtest/gtest.h>

#include <opencv2/imgproc.hpp>

#include "stages/clean/coloured_marks.h"

namespace gridlift {
namespace {

const PixelScale k300{300};

// Ink (255) of a ruled table with columns 50 px wide (4 pt at 300 dpi, one character wide): rules
// 3 px thick down x = 100, 150, 200 and across y = 100 and 700.
cv::Mat narrow_columns() {
  cv::Mat ink = cv::Mat::zeros(800, 400, CV_8UC1);
  for (int x : {100, 150, 200}) ink(cv::Rect(x, 100, 3, 603)).setTo(255);
  for (int y : {100, 700}) ink(cv::Rect(100, y, 103, 3)).setTo(255);
  return ink;
}

// A character-like blob: a box outline with a bar across its middle, `w` x `h` at (x, y).
void draw_character(cv::Mat& ink, int x, int y, int w, int h) {
  cv::rectangle(ink, cv::Rect(x, y, w, h), cv::Scalar(255), 4);
  ink(cv::Rect(x, y + h / 2 - 2, w, 4)).setTo(255);
}

TEST(InkWithoutRules, ErasesRunsAsLongAsARuleOnly) {
  cv::Mat ink = cv::Mat::zeros(200, 400, CV_8UC1);
  ink(cv::Rect(20, 50, 150, 2)).setTo(255);  // 36 pt: a rule
  ink(cv::Rect(20, 100, 60, 2)).setTo(255);  // 14 pt: a long stroke, not a rule
  ink(cv::Rect(20, 150, 70, 2)).setTo(255);  // a rule broken by a 4 px gap (1 pt, bridged)
  ink(cv::Rect(94, 150, 70, 2)).setTo(255);
  InkWithoutRules out = ink_without_rules(ink, k300, 24);
  EXPECT_EQ(cv::countNonZero(out.ink.row(50)), 0);
  EXPECT_EQ(cv::countNonZero(out.ink.row(100)), 60);
  EXPECT_EQ(cv::countNonZero(out.ink.row(150)), 0);
  EXPECT_EQ(out.rules_extent, cv::Rect(20, 50, 150, 102));
  EXPECT_TRUE(ink_without_rules(cv::Mat::zeros(50, 50, CV_8UC1), k300, 24).rules_extent.empty());
}

TEST(InkGlyphs, CharactersTouchingRulesAreFoundOnceTheRulesAreTakenOut) {
  cv::Mat ink = narrow_columns();
  // Stacked characters as wide as their column, touching the rules on both sides.
  for (int y = 150; y < 600; y += 60) draw_character(ink, 103, y, 47, 44);
  draw_character(ink, 300, 300, 40, 40);  // a character away from the table

  std::vector<GlyphBox> alone = glyphs_from_ink(ink, k300);
  ASSERT_EQ(alone.size(), 1u);  // the stacked ones are one blob with the ruling
  std::vector<GlyphBox> touching = glyphs_touching_rules(ink, k300, alone);
  ASSERT_EQ(touching.size(), 8u);
  for (size_t i = 0; i < touching.size(); ++i) {
    const ImageRect& g = touching[i].box;
    const int top = 150 + 60 * static_cast<int>(i);  // in reading order
    EXPECT_LE(g.x0, 103);
    EXPECT_GE(g.x1, 150);
    EXPECT_LE(g.y0, top);
    EXPECT_GE(g.y1, top + 44);
    EXPECT_LT(g.height(), 60 + 44 / 2) << "one box per character";
  }
}

TEST(InkGlyphs, PiecesOfABrokenRuleAreNotCharacters) {
  cv::Mat ink = narrow_columns();
  // A rule across the table's right column, broken by 10 px gaps into pieces joined to the rules.
  ink(cv::Rect(150, 400, 20, 3)).setTo(255);
  ink(cv::Rect(180, 400, 20, 3)).setTo(255);
  // A thick stub leaving a rule, three times as long as it is thick.
  ink(cv::Rect(103, 500, 30, 10)).setTo(255);
  EXPECT_TRUE(glyphs_touching_rules(ink, k300, glyphs_from_ink(ink, k300)).empty());
}

}  // namespace
}  // namespace gridlift

namespace gridlift {
namespace {

// A white A5-ish page at 50 dpi with a red ring (a seal), a red rule and a red word.
cv::Mat page_with_red_marks() {
  cv::Mat page(400, 300, CV_8UC3, cv::Scalar(255, 255, 255));
  cv::circle(page, {150, 150}, 40, cv::Scalar(40, 32, 214), 4);                    // seal, 41 mm
  cv::line(page, {10, 300}, {290, 300}, cv::Scalar(40, 32, 214), 1);               // a coloured rule
  cv::rectangle(page, {20, 350}, {50, 356}, cv::Scalar(40, 32, 214), cv::FILLED);  // a red word, 15 x 3 mm
  cv::rectangle(page, {200, 20}, {280, 60}, cv::Scalar(0, 0, 0), 2);               // black print
  return page;
}

TEST(ColouredMarks, ASealIsAMarkARuleIsNotAndAWordOnlyOnATextLayerPage) {
  const cv::Mat page = page_with_red_marks();
  const PixelScale at50{50};
  const auto on_scan = coloured_mark_regions(page, at50, 15);
  ASSERT_EQ(on_scan.size(), 1u);
  EXPECT_NEAR(on_scan[0].x + on_scan[0].width / 2, 150, 3);
  EXPECT_EQ(coloured_mark_regions(page, at50, 3).size(), 2u);  // the seal and the word
}

TEST(ColouredMarks, DroppedInkTurnsLightAndBlackPrintStays) {
  const cv::Mat page = page_with_red_marks();
  cv::Mat gray;
  cv::cvtColor(page, gray, cv::COLOR_BGR2GRAY);
  const auto marks = coloured_mark_regions(page, PixelScale{50}, 15);
  drop_coloured_ink(gray, page, marks);
  EXPECT_GE(gray.at<uchar>(150, 110), 200);  // on the ring
  EXPECT_LT(gray.at<uchar>(300, 150), 100);  // the rule, outside any mark, as drawn
  EXPECT_EQ(gray.at<uchar>(20, 240), 0);     // black print
}

}  // namespace
}  // namespace gridlift
