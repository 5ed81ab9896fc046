// The text-layer verdict: ink the layer leaves unaccounted for, the OCR cross-check's rule, the
// per-document memo of confirmed fonts, and --ocr parsing.

#include <gtest/gtest.h>

#include <map>
#include <opencv2/imgproc.hpp>

#include "pipeline/page_processor.h"
#include "stages/clean/coloured_marks.h"
#include "stages/verdict/font_checks.h"
#include "stages/verdict/ink_coverage.h"
#include "stages/verdict/ocr_cross_check.h"

namespace gridlift {
namespace {

GlyphBox box(int x, int y, int w = 10, int h = 10) {
  return {{x, y, x + w, y + h}, 0};
}

TEST(InkWithoutText, KeepsOnlyBlobsNoGlyphCovers) {
  const std::vector<GlyphBox> ink = {box(10, 10), box(50, 10), box(90, 10, 4, 4)};
  const std::vector<GlyphBox> text = {box(8, 8, 14, 14), box(86, 6, 3, 3)};
  // The third blob's centre (92,12) lies 3 px right of the second glyph: inside only with slack.
  auto tight = ink_without_text(ink, text, {200, 100}, 0);
  ASSERT_EQ(tight.size(), 2u);
  EXPECT_EQ(tight[0].box.x0, 50);
  EXPECT_EQ(tight[1].box.x0, 90);
  auto slack = ink_without_text(ink, text, {200, 100}, 4);
  ASSERT_EQ(slack.size(), 1u);
  EXPECT_EQ(slack[0].box.x0, 50);
}

TEST(InkWithoutText, NoTextLayerLeavesAllInk) {
  EXPECT_EQ(ink_without_text({box(1, 1), box(150, 80)}, {}, {160, 90}, 2).size(), 2u);
}

Table table_of(const std::vector<std::string>& texts) {
  Table t;
  for (size_t i = 0; i < texts.size(); ++i) {
    Cell c;
    c.row = static_cast<int>(i);
    c.text = texts[i];
    const double y = 10.0 * static_cast<double>(i);
    c.bbox = {0, y, 60, y + 10};  // wider than tall: a one-line cell
    t.cells.push_back(c);
  }
  return t;
}

CellOcr reading(const std::map<size_t, std::string>& seen) {
  return [seen](size_t i) {
    CellReading r;
    auto it = seen.find(i);
    if (it != seen.end() && !it->second.empty()) {
      r.blank = false;
      r.text = it->second;
    }
    return r;
  };
}

TEST(OcrCrossCheck, ShiftedDigitsContradictTheLayer) {
  auto t = table_of({"1,234.50", "2,000.00", "310.25", "4,417.15", "科目名称"});
  auto check = cross_check_by_ocr(
      t, reading({{0, "2,345.61"}, {1, "3,111.11"}, {2, "421.36"}, {3, "5,528.26"}}), 4, 0);
  EXPECT_EQ(check.numbers_sampled, 4);
  EXPECT_EQ(check.numbers_disagreed, 4);
  EXPECT_TRUE(check.contradicts_text_layer());
  EXPECT_NE(check.example.find("1,234.50"), std::string::npos);
}

TEST(OcrCrossCheck, SingleMisreadsAndOcrPunctuationDoNotCount) {
  auto t = table_of({"1,234.50", "2,000.00", "310.25", "4,417.15"});
  // A comma read as a space, '%' lost, one digit misread: one disagreement in four.
  auto check = cross_check_by_ocr(
      t, reading({{0, "1 234.50"}, {1, "2,000 00"}, {2, "310.26"}, {3, "4,417.15"}}), 4, 0);
  EXPECT_EQ(check.numbers_disagreed, 1);
  EXPECT_FALSE(check.contradicts_text_layer());
}

TEST(OcrCrossCheck, OneNumberReadOtherwiseTwiceIsOnePieceOfEvidence) {
  // The same 5100 printed in two cells, both under one red mark: OCR reads the mark twice.
  auto t = table_of({"5100", "5100"});
  auto check = cross_check_by_ocr(t, reading({{0, "So"}, {1, "60"}}), 4, 0);
  EXPECT_EQ(check.numbers_disagreed, 2);
  EXPECT_FALSE(check.contradicts_text_layer());
  CrossCheck pages;  // two tables each reading a different number otherwise
  pages.add(check);
  pages.add(
      cross_check_by_ocr(table_of({"310.25", "310.25"}), reading({{0, "421.36"}, {1, "421.36"}}), 4, 0));
  EXPECT_TRUE(pages.contradicts_text_layer());
}

TEST(OcrCrossCheck, BlankReadingsAreNoEvidence) {
  auto t = table_of({"1,234.50", "2,000.00", "310.25"});
  auto check = cross_check_by_ocr(t, reading({}), 3, 0);
  EXPECT_EQ(check.numbers_sampled, 0);
  EXPECT_FALSE(check.contradicts_text_layer());
}

TEST(OcrCrossCheck, LabelsLieOnlyWhenEverySampledOneDoes) {
  auto t = table_of({"一般公共服务支出", "社会保障和就业支出"});
  auto one = cross_check_by_ocr(t, reading({{0, "一般公共服务支出"}, {1, "丁丂丄丅"}}), 0, 2);
  EXPECT_EQ(one.texts_sampled, 2);
  EXPECT_FALSE(one.contradicts_text_layer());
  auto both = cross_check_by_ocr(t, reading({{0, "丁丂丄丅"}, {1, "丁丂丄丅丆"}}), 0, 2);
  EXPECT_TRUE(both.contradicts_text_layer());
}

TEST(OcrCrossCheck, StackedLabelCellsAreNotSampled) {
  auto t = table_of({"决算数"});
  t.cells[0].bbox = {0, 0, 12, 40};  // one character per line in a narrow column
  EXPECT_EQ(cross_check_by_ocr(t, reading({{0, "记集类"}}), 0, 2).texts_sampled, 0);
}

TEST(FontChecks, ConfirmsOnlyWhatWasConfirmed) {
  FontChecks fonts;
  EXPECT_FALSE(fonts.all_confirmed({"A+SimSun"}));
  fonts.confirm({"A+SimSun"});
  EXPECT_TRUE(fonts.all_confirmed({"A+SimSun"}));
  EXPECT_FALSE(fonts.all_confirmed({"A+SimSun", "B+SimHei"}));
}

TEST(OcrPolicy, ParsesTheThreeNamesOnly) {
  EXPECT_EQ(ocr_policy_from_string("auto"), OcrPolicy::kAuto);
  EXPECT_EQ(ocr_policy_from_string("always"), OcrPolicy::kAlways);
  EXPECT_EQ(ocr_policy_from_string("never"), OcrPolicy::kNever);
  EXPECT_THROW(ocr_policy_from_string("sometimes"), std::invalid_argument);
}

TEST(ColourMarks, RedInkIsAMarkBlackPrintAndPaleFillsAreNot) {
  cv::Mat cell(40, 100, CV_8UC3, cv::Scalar(255, 255, 255));
  cv::rectangle(cell, {10, 10}, {60, 30}, cv::Scalar(0, 0, 0), cv::FILLED);  // black print
  EXPECT_EQ(coloured_ink_share(cell), 0.0);
  cell.setTo(cv::Scalar(250, 225, 205));  // a pale blue fill
  EXPECT_EQ(coloured_ink_share(cell), 0.0);
  cv::rectangle(cell, {0, 0}, {9, 39}, cv::Scalar(40, 30, 220), cv::FILLED);  // a red seal's ring: 10%
  EXPECT_NEAR(coloured_ink_share(cell), 0.1, 1e-9);
  EXPECT_GE(coloured_ink_share(cell), kMarkedInkShare);
}

}  // namespace
}  // namespace gridlift
