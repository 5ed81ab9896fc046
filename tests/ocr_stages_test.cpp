// Unit tests of the pixel stages behind OCR: deskew, cell image preparation, text tidying and the
// language-data lookup. Synthetic images, so each mechanism is tested apart from Tesseract.

#include <gtest/gtest.h>

#include <cstdlib>
#include <functional>
#include <opencv2/imgproc.hpp>

#include "stages/clean/page_cleanup.h"
#include "stages/ocr/cell_image.h"
#include "stages/ocr/cell_ocr.h"
#include "stages/ocr/free_text_ocr.h"
#include "stages/ocr/tessdata.h"
#include "stages/orient/scan_orientation.h"

namespace gridlift {
namespace {

const PixelScale k300{300};

// A white page with horizontal "text lines" (dark bars broken into glyph-sized blocks).
cv::Mat lined_page() {
  cv::Mat page(1200, 900, CV_8UC1, cv::Scalar(255));
  for (int y = 100; y < 1100; y += 40)
    for (int x = 100; x < 800; x += 30)
      cv::rectangle(page, {x, y}, {x + 22, y + 24}, cv::Scalar(20), cv::FILLED);
  return page;
}

TEST(PageCleanup, MeasuresTheSkewItIsGivenBack) {
  cv::Mat turned = rotate_page(lined_page(), 1.2);  // counter-clockwise
  CleanPage clean = clean_scanned_page(turned);
  EXPECT_NEAR(clean.skew_degrees, -1.2, 0.15);
  EXPECT_NEAR(measure_skew_degrees(binarize_page(clean.gray), 5), 0.0, 0.15);
}

TEST(PageCleanup, LeavesAStraightPageAlone) {
  CleanPage clean = clean_scanned_page(lined_page());
  EXPECT_NEAR(clean.skew_degrees, 0.0, 0.1);  // Leptonica's search step may leave a few hundredths
}

TEST(PageCleanup, FlattensGrayPaperToWhite) {
  cv::Mat page(1600, 1200, CV_8UC1, cv::Scalar(200));                       // A4 at ~140 dpi, gray paper
  cv::rectangle(page, {600, 600}, {606, 640}, cv::Scalar(40), cv::FILLED);  // a stroke
  cv::Mat flat = flatten_background(page);
  EXPECT_GT(flat.at<uchar>(300, 300), 245);
  EXPECT_LT(flat.at<uchar>(620, 603), 80);
}

// A page of one cell, `cell` inside 4 px rules with 50 px of paper around; `draw` puts the
// content inside.
cv::Mat ruled(const ImageRect& cell, const std::function<void(cv::Mat&)>& draw) {
  cv::Mat page(cell.y1 + 50, cell.x1 + 50, CV_8UC1, cv::Scalar(255));
  cv::rectangle(page, {cell.x0 - 2, cell.y0 - 2}, {cell.x1 + 2, cell.y1 + 2}, cv::Scalar(0), 4);
  draw(page);
  return page;
}

const ImageRect kCell{50, 50, 250, 110};   // 200 x 60 px
const ImageRect kColumn{50, 50, 90, 180};  // a column one character wide, 40 x 130 px

cv::Mat ruled_cell(const std::function<void(cv::Mat&)>& draw) {
  return ruled(kCell, draw);
}
cv::Mat ruled_column(const std::function<void(cv::Mat&)>& draw) {
  return ruled(kColumn, draw);
}

TEST(CellImage, ANumberKeepsItsHairlinesForASecondLook) {
  // A light face at 200 dpi: the diagonal of a "4" is a pale hairline, lost to the ink threshold.
  cv::Mat page = ruled_cell([](cv::Mat& p) {
    for (int x = 150; x < 230; x += 40) cv::rectangle(p, {x, 65}, {x + 12, 92}, cv::Scalar(0), 3);
    cv::line(p, {175, 90}, {185, 66}, cv::Scalar(200), 1);
  });
  CellImage image = prepare_cell_image(page, binarize_page(page), kCell, k300);
  ASSERT_EQ(image.script, LineScript::kNumber);
  auto pale_pixels = [](const cv::Mat& m) { return cv::countNonZero((m >= 190) & (m <= 210)); };
  EXPECT_EQ(pale_pixels(image.gray), 0) << "the ink-only image drops the hairline";
  ASSERT_FALSE(image.unmasked.empty());
  EXPECT_GE(pale_pixels(image.unmasked), 15) << "the second look keeps it";
}

TEST(CellImage, StackedCharactersKeepTheStrokesBesideTheRule) {
  // Three characters one under the other, each with its right stroke a few pixels from the right
  // rule: together the strokes ink three quarters of those columns, but none is a rule.
  cv::Mat page = ruled_column([](cv::Mat& p) {
    for (int y : {60, 100, 140}) cv::rectangle(p, {58, y}, {84, y + 30}, cv::Scalar(0), 3);  // 口
  });
  CellImage image = prepare_cell_image(page, binarize_page(page), kColumn, k300);
  ASSERT_FALSE(image.blank);
  EXPECT_GE(image.ink.x1, 85);
  EXPECT_EQ(image.lines, 3);
}

TEST(CellImage, ARuleRimBrokenByNoiseIsStillARule) {
  cv::Mat page = ruled_column([](cv::Mat& p) {
    for (int y : {60, 100, 140}) cv::rectangle(p, {60, y}, {76, y + 30}, cv::Scalar(0), 3);
    cv::line(p, {86, 53}, {86, 177}, cv::Scalar(0), 1);  // the rim, in two gaps short of whole
    p.at<uchar>(90, 86) = p.at<uchar>(140, 86) = 255;
  });
  CellImage image = prepare_cell_image(page, binarize_page(page), kColumn, k300);
  ASSERT_FALSE(image.blank);
  EXPECT_LE(image.ink.x1, 80);
}

TEST(CellImage, AHairlineThatTouchesItsGlyphIsKeptAPaleSpeckIsNot) {
  // The waist of a light-face "8", paler than the ink threshold, between the glyph's two bowls,
  // and a "0" beside it; with or without a pale speck between the two.
  auto digits = [](bool speck) {
    return ruled_cell([speck](cv::Mat& p) {
      cv::rectangle(p, {150, 62}, {162, 72}, cv::Scalar(0), 3);
      cv::rectangle(p, {150, 82}, {162, 94}, cv::Scalar(0), 3);
      cv::line(p, {156, 73}, {156, 81}, cv::Scalar(200), 2);
      cv::rectangle(p, {180, 62}, {192, 94}, cv::Scalar(0), 3);
      if (speck) cv::circle(p, {171, 78}, 2, cv::Scalar(200), cv::FILLED);
    });
  };
  auto pale_pixels = [](const cv::Mat& m) { return cv::countNonZero((m >= 190) & (m <= 210)); };
  const cv::Mat page = digits(false);
  const cv::Mat ink = binarize_page(page);
  ASSERT_EQ(ink.at<uchar>(77, 156), 0) << "the threshold drops the waist";
  const CellImage image = prepare_cell_image(page, ink, kCell, k300);
  ASSERT_FALSE(image.blank);
  EXPECT_GE(pale_pixels(image.gray), 24) << "the waist is kept whole, not only where the rims reach";
  const cv::Mat specked = digits(true);
  EXPECT_EQ(pale_pixels(prepare_cell_image(specked, binarize_page(specked), kCell, k300).gray),
            pale_pixels(image.gray))
      << "the speck is not";
}

TEST(CellImage, ALoneGlyphInPiecesAgainstTheSideRuleKeepsItsStem) {
  // A light-face "4" whose diagonal broke off: its stem, close to the right rule, and its bar.
  // No glyph stands clear of the sides to measure the text height by.
  cv::Mat page = ruled_cell([](cv::Mat& p) {
    cv::rectangle(p, {239, 66}, {242, 86}, cv::Scalar(0), cv::FILLED);
    cv::rectangle(p, {225, 75}, {236, 77}, cv::Scalar(0), cv::FILLED);
  });
  CellImage image = prepare_cell_image(page, binarize_page(page), kCell, k300);
  ASSERT_FALSE(image.blank);
  EXPECT_EQ(image.dashes, 0) << "not a dash: the bar is not alone";
  EXPECT_GE(image.ink.x1, 242);
}

TEST(CellImage, RulesAloneMakeABlankCell) {
  cv::Mat page = ruled_cell([](cv::Mat&) {});
  EXPECT_TRUE(prepare_cell_image(page, binarize_page(page), kCell, k300).blank);
}

TEST(CellImage, DigitShapedGlyphsAreReadAsANumber) {
  cv::Mat page = ruled_cell([](cv::Mat& p) {
    for (int x = 150; x < 230; x += 20) cv::rectangle(p, {x, 65}, {x + 12, 92}, cv::Scalar(0), 3);  // "0000"
  });
  CellImage image = prepare_cell_image(page, binarize_page(page), kCell, k300);
  ASSERT_FALSE(image.blank);
  EXPECT_EQ(image.script, LineScript::kNumber);
  EXPECT_EQ(image.lines, 1);
}

TEST(CellImage, ACommaTailThatBrokeOffStaysOnItsLine) {
  cv::Mat page = ruled_cell([](cv::Mat& p) {
    for (int x : {110, 140, 160, 180}) cv::rectangle(p, {x, 65}, {x + 12, 92}, cv::Scalar(0), 3);  // "0,000"
    cv::rectangle(p, {128, 87}, {132, 92}, cv::Scalar(0), cv::FILLED);   // the comma's head
    cv::rectangle(p, {124, 96}, {126, 101}, cv::Scalar(0), cv::FILLED);  // its tail, apart down-left
  });
  CellImage image = prepare_cell_image(page, binarize_page(page), kCell, k300);
  ASSERT_FALSE(image.blank);
  EXPECT_EQ(image.lines, 1);
  EXPECT_EQ(image.script, LineScript::kNumber);
}

TEST(CellImage, AWideStrokeMakesItText) {
  cv::Mat page = ruled_cell([](cv::Mat& p) {
    cv::rectangle(p, {80, 66}, {112, 94}, cv::Scalar(0), 3);   // 口
    cv::line(p, {120, 80}, {160, 80}, cv::Scalar(0), 3);       // 一
    cv::rectangle(p, {170, 66}, {182, 94}, cv::Scalar(0), 3);  // a narrow glyph
  });
  EXPECT_EQ(prepare_cell_image(page, binarize_page(page), kCell, k300).script, LineScript::kText);
}

TEST(CellImage, RuleRemnantsAlongTheSidesAreNotText) {
  // The right rule leans into the cell (a skew residue): only the digits may remain.
  cv::Mat page = ruled_cell([](cv::Mat& p) {
    cv::line(p, {246, 55}, {244, 80}, cv::Scalar(0), 2);
    for (int x = 120; x < 180; x += 20) cv::rectangle(p, {x, 65}, {x + 12, 92}, cv::Scalar(0), 3);
  });
  CellImage image = prepare_cell_image(page, binarize_page(page), kCell, k300);
  ASSERT_FALSE(image.blank);
  EXPECT_LE(image.ink.x1, 195);
}

TEST(CellImage, DashesAreCounted) {
  cv::Mat page = ruled_cell([](cv::Mat& p) {
    for (int x = 80; x < 200; x += 30) cv::rectangle(p, {x, 78}, {x + 18, 81}, cv::Scalar(0), cv::FILLED);
  });
  CellImage image = prepare_cell_image(page, binarize_page(page), kCell, k300);
  EXPECT_EQ(image.dashes, 4);
}

TEST(CellImage, StackedDigitsAreLaidOnOneLine) {
  cv::Mat page(300, 200, CV_8UC1, cv::Scalar(255));
  for (int k = 0; k < 4; ++k)
    cv::rectangle(page, {90, 60 + 50 * k}, {102, 87 + 50 * k}, cv::Scalar(0), 3);  // four stacked "0"
  CellImage image = prepare_cell_image(page, binarize_page(page), {60, 40, 140, 280}, k300);
  ASSERT_FALSE(image.blank);
  EXPECT_EQ(image.lines, 4);
  EXPECT_EQ(image.script, LineScript::kNumber);
  EXPECT_LE(image.gray.rows, image.glyph_height * 2 + 2);  // one line high (glyph and margins)...
  EXPECT_GT(image.gray.cols, image.glyph_height * 3);      // ...and four glyphs wide
}

// A "王" 28 px square at (x, y): wide strokes, so text.
void draw_wang(cv::Mat& page, int x, int y) {
  for (int bar : {y, y + 13, y + 26})
    cv::rectangle(page, {x, bar}, {x + 28, bar + 2}, cv::Scalar(0), cv::FILLED);
  cv::rectangle(page, {x + 13, y}, {x + 15, y + 28}, cv::Scalar(0), cv::FILLED);
}

TEST(CellImage, StackedCharactersAreLaidOnOneLine) {
  cv::Mat page(300, 200, CV_8UC1, cv::Scalar(255));
  for (int k = 0; k < 3; ++k) draw_wang(page, 84, 60 + 50 * k);  // three stacked
  CellImage image = prepare_cell_image(page, binarize_page(page), {60, 40, 140, 230}, k300);
  ASSERT_FALSE(image.blank);
  EXPECT_EQ(image.script, LineScript::kText);
  EXPECT_EQ(image.lines, 3);
  EXPECT_LE(image.gray.rows, image.glyph_height * 2 + 2);  // one line high...
  EXPECT_GT(image.gray.cols, image.glyph_height * 3);      // ...and three characters wide
  EXPECT_TRUE(image.one_line.empty());                     // laid out already
}

TEST(CellImage, ARuleStubInACornerIsNotText) {
  cv::Mat page = ruled_cell([&](cv::Mat& p) {
    draw_wang(p, 60, 72);
    draw_wang(p, 96, 72);
    cv::rectangle(p, {220, 58}, {232, 59}, cv::Scalar(0), cv::FILLED);  // a stub up and to the right
  });
  CellImage image = prepare_cell_image(page, binarize_page(page), kCell, k300);
  ASSERT_FALSE(image.blank);
  EXPECT_EQ(image.lines, 1);
  EXPECT_LT(image.ink.x1, 200);  // the text's ink only

  // A dash in the text's column, on a line of its own: 一 stacked over 王 in a narrow column.
  cv::Mat column = ruled_column([&](cv::Mat& p) {
    cv::rectangle(p, {56, 70}, {82, 71}, cv::Scalar(0), cv::FILLED);
    draw_wang(p, 55, 100);
  });
  CellImage stacked = prepare_cell_image(column, binarize_page(column), kColumn, k300);
  EXPECT_EQ(stacked.lines, 2);
}

TEST(CellImage, TextWrappedOverLinesIsAlsoLaidOnOne) {
  cv::Mat page(300, 260, CV_8UC1, cv::Scalar(255));
  for (int k = 0; k < 4; ++k) draw_wang(page, 50 + 36 * k, 60);   // 王王王王
  for (int k = 0; k < 2; ++k) draw_wang(page, 50 + 36 * k, 100);  // 王王
  CellImage image = prepare_cell_image(page, binarize_page(page), {40, 40, 220, 150}, k300);
  ASSERT_FALSE(image.blank);
  EXPECT_EQ(image.script, LineScript::kText);
  EXPECT_EQ(image.lines, 2);
  EXPECT_GE(image.gray.rows, image.glyph_height * 2);  // the block as printed, for the first reading
  ASSERT_FALSE(image.one_line.empty());
  EXPECT_LE(image.one_line.rows, image.glyph_height * 2 + 2);  // one line high...
  EXPECT_GT(image.one_line.cols, image.glyph_height * 6);      // ...and six characters wide
}

TEST(CellImage, AStackedNumberKnowsWhereItsPointIs) {
  cv::Mat page(400, 200, CV_8UC1, cv::Scalar(255));
  for (int k = 0; k < 3; ++k)
    cv::rectangle(page, {90, 60 + 50 * k}, {102, 87 + 50 * k}, cv::Scalar(0), 3);  // "000"
  cv::rectangle(page, {94, 225}, {98, 229}, cv::Scalar(0), cv::FILLED);            // "."
  cv::rectangle(page, {90, 260}, {102, 287}, cv::Scalar(0), 3);                    // "0"
  CellImage image = prepare_cell_image(page, binarize_page(page), {60, 40, 140, 320}, k300);
  ASSERT_FALSE(image.blank);
  EXPECT_EQ(image.stacked_glyphs, "ggg.g");
}

TEST(CellImage, TheLayoutPutsBackAPointTheRecognizerSkipped) {
  EXPECT_EQ(place_stacked_marks("456678", "gggg.gg"), "4566.78");
  EXPECT_EQ(place_stacked_marks("45.6678", "gggg.gg"), "4566.78");  // the layout knows where
  EXPECT_EQ(place_stacked_marks("50.71%", "gg.ggg"), "50.71%");
  EXPECT_EQ(place_stacked_marks("45678", "gggg.gg"), "45678");  // a digit short: left alone
  EXPECT_EQ(place_stacked_marks("", "g.g"), "");
}

TEST(CellImage, ABrokenStrokeStaysWithItsGlyph) {
  // The top "0" of a stacked number lost the hairline under its cap: cap and body are one glyph,
  // not a line of their own.
  cv::Mat page(300, 200, CV_8UC1, cv::Scalar(255));
  cv::rectangle(page, {90, 60}, {102, 62}, cv::Scalar(0), cv::FILLED);
  cv::rectangle(page, {90, 66}, {102, 87}, cv::Scalar(0), 3);
  for (int k = 1; k < 4; ++k) cv::rectangle(page, {90, 60 + 50 * k}, {102, 87 + 50 * k}, cv::Scalar(0), 3);
  CellImage image = prepare_cell_image(page, binarize_page(page), {60, 40, 140, 280}, k300);
  ASSERT_FALSE(image.blank);
  EXPECT_EQ(image.lines, 4);
  EXPECT_EQ(image.script, LineScript::kNumber);
}

TEST(CellImage, DigitsThatAllLostAStrokeStayWhole) {
  // Every glyph of a stacked "22" lost the hairline to its base: the tallest blob is a body short
  // of the glyph, and body and base are still one glyph each.
  cv::Mat page(300, 200, CV_8UC1, cv::Scalar(255));
  for (int k = 0; k < 2; ++k) {
    cv::rectangle(page, {90, 60 + 50 * k}, {102, 77 + 50 * k}, cv::Scalar(0), 3);
    cv::rectangle(page, {90, 81 + 50 * k}, {102, 84 + 50 * k}, cv::Scalar(0), cv::FILLED);
  }
  CellImage image = prepare_cell_image(page, binarize_page(page), {60, 40, 140, 180}, k300);
  ASSERT_FALSE(image.blank);
  EXPECT_EQ(image.lines, 2);
  EXPECT_EQ(image.script, LineScript::kNumber);
}

TEST(CellImage, TinyTextAgainstTheRulesIsKept) {
  // A 4 pt font set tight in the corner: its digits are thinner than a rule remnant and touch the
  // top and left of the crop, yet they are as tall as the text and so are glyphs.
  cv::Mat page = ruled_cell([](cv::Mat& p) {
    for (int x = 55; x < 95; x += 9) cv::rectangle(p, {x, 54}, {x + 5, 66}, cv::Scalar(0), 2);
  });
  CellImage image = prepare_cell_image(page, binarize_page(page), kCell, k300);
  ASSERT_FALSE(image.blank);
  EXPECT_LE(image.ink.x0, 56);
  EXPECT_LE(image.ink.y0, 55);
  EXPECT_EQ(image.script, LineScript::kNumber);
}

TEST(CellImage, ALoneDashAgainstTheSideRuleIsADash) {
  cv::Mat page = ruled_cell([](cv::Mat& p) {
    cv::rectangle(p, {55, 78}, {67, 81}, cv::Scalar(0), cv::FILLED);
  });
  CellImage image = prepare_cell_image(page, binarize_page(page), kCell, k300);
  EXPECT_EQ(image.dashes, 1);
}

TEST(OcrText, ChineseSpacingDroppedLatinKept) {
  EXPECT_EQ(tidy_ocr_text("一 般 公 共 服 务 支出"), "一般公共服务支出");
  EXPECT_EQ(tidy_ocr_text("2023 年度"), "2023 年度");
  EXPECT_EQ(tidy_ocr_text("1\n0\n9\n.\n3\n0"), "109.30");
}

TEST(OcrText, ChiSimOverrulesADoubtfulNumberOnlyWithOtherText) {
  EXPECT_FALSE(text_overrules_number({"11", 0.5}, {"1]1", 0.7}));  // same digits, a stray mark
  EXPECT_TRUE(text_overrules_number({"11", 0.5}, {"川", 0.7}));    // a narrow character after all
  EXPECT_TRUE(text_overrules_number({"11", 0.5}, {"17", 0.7}));    // other digits, and surer
  EXPECT_FALSE(text_overrules_number({"11", 0.5}, {"川", 0.4}));   // less sure
  // A last 0 set against the rule lost its arc with the rule: chi_sim, surer, sees a C.
  EXPECT_FALSE(text_overrules_number({"0.00", 0.3}, {"0.0C", 0.88}));
}

TEST(OcrText, ASureNumberSettlesADoubtfulLoneGlyph) {
  EXPECT_TRUE(number_settles_lone_glyph({"各", 0.36}, {"4\n", 0.96}));
  EXPECT_FALSE(number_settles_lone_glyph({"各", 0.36}, {"4", 0.7}));    // not sure enough
  EXPECT_FALSE(number_settles_lone_glyph({"是", 0.8}, {"4", 0.96}));    // chi_sim is sure of its character
  EXPECT_FALSE(number_settles_lone_glyph({"各", 0.36}, {"4.", 0.96}));  // no number
  EXPECT_FALSE(number_settles_lone_glyph({"各", 0.36}, {"", 0.0}));
}

TEST(OcrText, OneLetterAmongAgreeingDigitsIsADigit) {
  EXPECT_TRUE(letters_stand_for_digits("0.0C", "0.00"));
  EXPECT_TRUE(letters_stand_for_digits("1O5.20", "105.20"));
  EXPECT_FALSE(letters_stand_for_digits("0.0C", "0.0"));    // not the same characters otherwise
  EXPECT_FALSE(letters_stand_for_digits("3-", "32"));       // a dash is no letter: which is right?
  EXPECT_FALSE(letters_stand_for_digits("-HU", "-04"));     // two letters: a guess on both sides
  EXPECT_FALSE(letters_stand_for_digits("5G", "5"));        // and one digit is too little to agree on
  EXPECT_FALSE(letters_stand_for_digits("0.0C", "0.0.0"));  // the number is malformed itself
  EXPECT_FALSE(letters_stand_for_digits("0.00", "0.00"));   // nothing to put right
  EXPECT_FALSE(letters_stand_for_digits("合计", "00"));
}

TEST(OcrText, ASurerLookAtANumberWinsUnlessItIsMalformed) {
  EXPECT_TRUE(better_number_look({"34\n", 0.9}, {"3.\n", 0.14}));
  EXPECT_FALSE(better_number_look({"1,22\n", 0.94}, {"1.22\n", 0.8}));
  EXPECT_TRUE(better_number_look({"2,939.71", 0.9}, {"2.939.71", 0.8}));
  EXPECT_FALSE(better_number_look({"3.", 0.5}, {"34", 0.6}));
  EXPECT_TRUE(better_number_look({"44", 0.85}, {"4.", 0.91}));            // well formed, not doubtful
  EXPECT_FALSE(better_number_look({"44", 0.5}, {"4.", 0.91}));            // well formed, but doubtful
  EXPECT_TRUE(better_number_look({"基本支出", 0.8}, {"其本支出", 0.5}));  // text: the surer
}

// At 300 dpi two ems of a 10 pt face are 83 pixels, a quarter em 10.
TEST(FreeText, GlyphsJoinIntoLinesWordsJoinColumnsDoNot) {
  auto glyph = [](int x, int y) { return ImageRect{x, y, x + 30, y + 30}; };
  std::vector<ImageRect> blobs = {glyph(100, 100),    glyph(140, 100),  // a word
                                  glyph(250, 102),    glyph(290, 100),  // the next, 80 pixels on
                                  glyph(700, 100),                      // a column far off
                                  glyph(100, 200),                      // the line below
                                  glyph(100, 130 + 8)};  // a stroke 8 pixels under the word: 三's bar
  TableGrid table;
  table.bbox = {80, 300, 800, 900};
  blobs.push_back(glyph(400, 500));  // a cell's text
  blobs.push_back(glyph(400, 285));  // across the table's edge
  const std::vector<ImageRect> lines = free_text_boxes(blobs, {table}, k300);
  const std::vector<ImageRect> expected = {{100, 100, 320, 168}, {700, 100, 730, 130}, {100, 200, 130, 230}};
  EXPECT_EQ(lines, expected);
}

TEST(Tessdata, MissingLanguageIsNamedWithItsPackage) {
  const char* old = std::getenv("TESSDATA_PREFIX");
  std::string saved = old ? old : "";
  setenv("TESSDATA_PREFIX", "/nonexistent-tessdata", 1);
  try {
    find_tessdata({"chi_sim"});
    ADD_FAILURE() << "no error";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("chi_sim.traineddata"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("tesseract-ocr-chi-sim"), std::string::npos) << e.what();
  }
  if (old)
    setenv("TESSDATA_PREFIX", saved.c_str(), 1);
  else
    unsetenv("TESSDATA_PREFIX");
}

}  // namespace
}  // namespace gridlift

namespace gridlift {
namespace {

// Blobs of `lines` lines of `per_line` glyphs, 20 px glyphs 4 px apart, lines 40 px apart; with
// `down`, the same page turned so that lines run down it.
std::vector<GlyphBox> lines_of_glyphs(int lines, int per_line, bool down) {
  std::vector<GlyphBox> out;
  for (int l = 0; l < lines; ++l)
    for (int g = 0; g < per_line; ++g) {
      const int along = 10 + g * 24, across = 10 + l * 40;
      out.push_back(down ? GlyphBox{{across, along, across + 20, along + 20}, 0}
                         : GlyphBox{{along, across, along + 20, across + 20}, 0});
    }
  return out;
}

TEST(ScanOrientation, TellsLinesAcrossFromLinesDown) {
  EXPECT_FALSE(lines_run_down_the_page(lines_of_glyphs(5, 8, false)));
  EXPECT_TRUE(lines_run_down_the_page(lines_of_glyphs(5, 8, true)));
}

TEST(ScanOrientation, OnlyAClearVerdictTurnsAnUprightLookingPageOver) {
  EXPECT_EQ(quarter_turns_from_confidence(0, 0.9, 0.3), 0);
  EXPECT_EQ(quarter_turns_from_confidence(0, 0.2, 0.9), 2);
  EXPECT_EQ(quarter_turns_from_confidence(0, 0.79, 0.83), 0);  // Latin: either way up reads alike
  EXPECT_EQ(quarter_turns_from_confidence(1, 0.79, 0.83), 3);  // sideways: no way is likelier
  EXPECT_EQ(quarter_turns_from_confidence(1, 0.83, 0.79), 1);
}

TEST(ScanOrientation, TextRunsAreWholeLinesWidestFirst) {
  auto blobs = lines_of_glyphs(3, 6, false);
  blobs.resize(6 + 6 + 4);  // the third line is shorter
  auto runs = text_runs(blobs, 2);
  ASSERT_EQ(runs.size(), 2u);
  EXPECT_EQ(runs[0].width(), 5 * 24 + 20);
  EXPECT_EQ(runs[1].width(), 5 * 24 + 20);
  EXPECT_EQ(text_runs(lines_of_glyphs(1, 2, false), 4).size(), 0u);  // two glyphs are no run
}

}  // namespace
}  // namespace gridlift
