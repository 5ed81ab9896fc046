// Unit tests of the stages around grid finding and reading: load, rasterize, orient, assemble.

#include <gtest/gtest.h>

#include <filesystem>

#include "stages/assemble/continuation.h"
#include "stages/assemble/table_title.h"
#include "stages/load/content_budget.h"
#include "stages/load/input_error.h"
#include "stages/load/pdf_document.h"
#include "stages/load/text_layer.h"
#include "stages/orient/page_orientation.h"
#include "stages/rasterize/page_raster.h"

namespace gridlift {
namespace {

const std::filesystem::path kFixtures = std::filesystem::path(GRIDLIFT_SOURCE_DIR) / "fixtures";

std::string open_error(const std::filesystem::path& p) {
  try {
    open_pdf(p);
  } catch (const InputError& e) {
    EXPECT_EQ(e.file(), p.string());
    return e.cause();
  }
  return "";
}

TEST(Load, RefusesBadFilesWithTheirCause) {
  EXPECT_EQ(open_error(kFixtures / "bad" / "zero-bytes.pdf"), "empty file (0 bytes)");
  EXPECT_NE(open_error(kFixtures / "bad" / "text-named-pdf.pdf").find("not a PDF"), std::string::npos);
  EXPECT_NE(open_error(kFixtures / "bad" / "encrypted.pdf").find("password"), std::string::npos);
  EXPECT_NE(open_error(kFixtures / "bad" / "truncated.pdf").find("damaged"), std::string::npos);
  EXPECT_EQ(open_error(kFixtures / "bad" / "missing.pdf"), "no such file");
  EXPECT_NE(open_error(kFixtures / "bad").find("folder"), std::string::npos);
}

TEST(Load, TextLayerHasOneBoxPerGlyphOnTheDisplayedPage) {
  auto doc = open_pdf(kFixtures / "digital" / "jiaozuo-2023-final.pdf");
  std::unique_ptr<poppler::page> page(doc->create_page(1));
  auto geometry = read_page_geometry(*page);
  EXPECT_NEAR(geometry.width, 595.3, 1.0);
  EXPECT_NEAR(geometry.height, 841.9, 1.0);
  auto chars = read_text_layer(*page);
  ASSERT_GT(chars.size(), 100u);
  std::string all;
  for (const auto& c : chars) {
    EXPECT_FALSE(c.text.empty());
    EXPECT_GE(c.box.x0, 0);
    EXPECT_LE(c.box.x1, geometry.width);
    EXPECT_LT(c.box.y0, c.box.y1);
    all += c.text;
  }
  EXPECT_NE(all.find("收入支出决算总表"), std::string::npos);
  EXPECT_EQ(garbled_fraction(chars), 0.0);
}

TEST(Load, GarbledFractionCountsPrivateUseAndReplacementCharacters) {
  TextChars chars(4);
  chars[0].text = "收";
  chars[1].text = "\xEE\x80\x80";  // U+E000, private use
  chars[2].text = "\xEF\xBF\xBD";  // U+FFFD
  chars[3].text = "5";
  EXPECT_DOUBLE_EQ(garbled_fraction(chars), 0.5);
}

TEST(Load, RotatedPageReportsItsRotationAndUprightSize) {
  auto doc = open_pdf(kFixtures / "rotated" / "sanmenxia-2023-final-rotate90.pdf");
  bool found = false;
  for (int i = 0; i < doc->pages(); ++i) {
    std::unique_ptr<poppler::page> page(doc->create_page(i));
    auto g = read_page_geometry(*page);
    if (g.rotation == 90) {
      found = true;
      EXPECT_GT(g.width, g.height) << "a /Rotate 90 portrait page displays as landscape";
    }
  }
  EXPECT_TRUE(found);
}

TEST(Rasterize, HugePagesAreDrawnAtLowerResolution) {
  RasterOptions options;
  EXPECT_EQ(choose_dpi(595, 842, options), 150);
  double dpi = choose_dpi(14400, 14400, options);  // a 200-inch square page
  EXPECT_LT(dpi, 150);
  EXPECT_LE(14400 * dpi / 72 * 14400 * dpi / 72, options.max_pixels * 1.0001);
}

TEST(Load, MeasuresTheGraphicsStatesAPageLeavesOpen) {
  // made by tools/fixturegen/hostile_fixtures.py: 200,000 `q`, no `Q`
  auto bomb = measure_page_contents(kFixtures / "hostile" / "unmatched-saves.pdf", {0});
  ASSERT_EQ(bomb.size(), 1u);
  EXPECT_EQ(bomb[0].open_states, 200000);
  const std::string why = content_refusal(bomb[0], ContentBudget{});
  EXPECT_NE(why.find("200000 graphics states open"), std::string::npos) << why;

  // A real producer's pages: each `q` closed, nesting shallow, nothing refused.
  auto normal = measure_page_contents(kFixtures / "digital" / "jiaozuo-2023-final.pdf", {0, 1, 99});
  ASSERT_EQ(normal.size(), 3u);
  for (const auto& load : normal) {
    EXPECT_LT(load.open_states, 10);
    EXPECT_EQ(content_refusal(load, ContentBudget{}), "");
  }
  EXPECT_EQ(normal[2].open_states, 0);  // page 100 does not exist: nothing to measure
  ContentBudget tight;
  tight.max_open_states = 0;
  EXPECT_NE(content_refusal(normal[0], tight), "") << "page 1 opens at least one state";
}

TEST(Load, TellsWhetherAPageMayDrawInColour) {
  // LibreOffice's black text, gray rules and fills: no colour, so no look for coloured marks.
  for (const auto& load : measure_page_contents(kFixtures / "digital" / "jiaozuo-2023-final.pdf", {0, 3, 6}))
    EXPECT_FALSE(load.may_draw_colour);
  // The same pages with a seal drawn over them as an RGB image (tools/fixturegen/sealed_fixtures.py).
  for (const auto& load :
       measure_page_contents(kFixtures / "sealed" / "jiaozuo-2023-final-sealed.pdf", {3, 6}))
    EXPECT_TRUE(load.may_draw_colour);
  // Gray scans (JPEG, DeviceGray): nothing in colour either.
  for (const auto& load :
       measure_page_contents(kFixtures / "scan" / "sanmenxia-2023-final-scan300.pdf", {0, 3}))
    EXPECT_FALSE(load.may_draw_colour);
}

TEST(Load, TellsWhetherAPageDrawsAPicture) {
  for (const auto& load : measure_page_contents(kFixtures / "digital" / "jiaozuo-2023-final.pdf", {0, 3}))
    EXPECT_FALSE(load.draws_images);
  for (const auto& load :
       measure_page_contents(kFixtures / "scan" / "sanmenxia-2023-final-scan300.pdf", {0, 3}))
    EXPECT_TRUE(load.draws_images);  // a scan: never taken for a page with nothing to read
}

TEST(Rasterize, RendersTheDisplayedPage) {
  auto doc = open_pdf(kFixtures / "digital" / "jiaozuo-2023-final.pdf");
  std::unique_ptr<poppler::page> page(doc->create_page(1));
  auto g = read_page_geometry(*page);
  auto raster = rasterize_page(*page, g.width, g.height, RasterOptions{});
  EXPECT_NEAR(raster.gray.cols, g.width * 150 / 72, 2);
  EXPECT_NEAR(raster.gray.rows, g.height * 150 / 72, 2);
  EXPECT_EQ(raster.gray.type(), CV_8UC1);
}

TextChar glyph(TextDirection d, PdfRect box) {
  return {"字", box, d, 10, false, ""};
}

TEST(Orient, MajorityDirectionDecidesTheTurn) {
  TextChars upright(5, glyph(TextDirection::kUpright, {0, 0, 1, 1}));
  EXPECT_EQ(quarter_turns_to_upright(upright), 0);
  TextChars down(5, glyph(TextDirection::kTopToBottom, {0, 0, 1, 1}));
  EXPECT_EQ(quarter_turns_to_upright(down), 3);
  TextChars up(5, glyph(TextDirection::kBottomToTop, {0, 0, 1, 1}));
  EXPECT_EQ(quarter_turns_to_upright(up), 1);
  // Two sideways margin notes among three upright glyphs do not turn the page.
  TextChars mixed = {glyph(TextDirection::kUpright, {}), glyph(TextDirection::kUpright, {}),
                     glyph(TextDirection::kUpright, {}), glyph(TextDirection::kTopToBottom, {}),
                     glyph(TextDirection::kTopToBottom, {})};
  EXPECT_EQ(quarter_turns_to_upright(mixed), 0);
}

TEST(Orient, TurningMovesImageAndGlyphsTogether) {
  // A 200 x 100 pt page at 72 dpi with one glyph near its top-left corner.
  PageRaster raster{cv::Mat(100, 200, CV_8UC1, cv::Scalar(255)), PixelScale{72}};
  raster.gray.at<uchar>(10, 20) = 0;
  TextChars chars = {glyph(TextDirection::kBottomToTop, {20, 10, 30, 20})};
  double w = 200, h = 100;
  turn_page(1, raster, chars, w, h);  // one quarter clockwise
  EXPECT_EQ(w, 100);
  EXPECT_EQ(h, 200);
  EXPECT_EQ(raster.gray.cols, 100);
  EXPECT_EQ(raster.gray.rows, 200);
  EXPECT_EQ(chars[0].box, (PdfRect{80, 20, 90, 30}));
  EXPECT_EQ(chars[0].direction, TextDirection::kUpright);
  EXPECT_EQ(raster.gray.at<uchar>(20, 100 - 1 - 10), 0) << "the dark pixel moved with the glyph";
}

TextLine line_at(double x0, double x1, double y0, double height, const std::string& text) {
  TextLine l;
  l.box = {x0, y0, x1, y0 + height};
  l.text = text;
  return l;
}

TEST(Assemble, TitleIsTheLargerLineAboveNotTheUnitLine) {
  Table t;
  t.bbox = {100, 200, 500, 400};
  std::vector<TextLine> lines = {
      line_at(200, 400, 120, 16, "收入支出决算总表"), line_at(100, 200, 160, 10.5, "公开01表"),
      line_at(400, 500, 180, 10.5, "单位：万元"), line_at(100, 500, 420, 16, "below the table")};
  EXPECT_EQ(find_title(t, lines, {t}, 10.5), "收入支出决算总表");
  EXPECT_EQ(find_title(t, {lines[1], lines[2]}, {t}, 10.5), "") << "body-sized lines are not captions";
  Table above;
  above.bbox = {100, 140, 500, 190};
  EXPECT_EQ(find_title(t, lines, {above, t}, 10.5), "") << "a caption is not looked for across another table";
}

TEST(Assemble, ACaptionInTheBodysSizeIsTheLineThatNamesATable) {
  Table t;
  t.bbox = {100, 200, 500, 400};
  std::vector<TextLine> lines = {
      line_at(100, 500, 100, 10.5, "纳入编制范围的单位包括："), line_at(250, 350, 160, 10.5, "收入决算表"),
      line_at(100, 200, 175, 10.5, "公开01表"), line_at(400, 500, 185, 10.5, "单位：万元")};
  EXPECT_EQ(find_title(t, lines, {t}, 10.5), "收入决算表");
  EXPECT_EQ(find_title(t, {lines[0], lines[2], lines[3]}, {t}, 10.5), "") << "no line names a table";
  EXPECT_EQ(find_title(t, {line_at(100, 500, 170, 10.5, "本单位2024年度收支情况详见下表")}, {t}, 10.5), "")
      << "a sentence";
}

Table table_with_columns(const std::string& id, const std::vector<double>& edges, const std::string& title) {
  Table t;
  t.id = id;
  t.title = title;
  t.n_rows = 1;
  t.n_cols = static_cast<int>(edges.size()) - 1;
  t.bbox = {edges.front(), 0, edges.back(), 10};
  for (int c = 0; c < t.n_cols; ++c)
    t.cells.push_back(
        {0, c, 1, 1, "", {edges[static_cast<size_t>(c)], 0, edges[static_cast<size_t>(c) + 1], 10}, 1});
  return t;
}

TEST(Assemble, AnEmptyContinuationIsLeftOutAndTheNextPartContinuesTheFirst) {
  std::vector<PageResult> pages(3);
  for (int i = 0; i < 3; ++i) pages[static_cast<size_t>(i)].page = i + 1;
  pages[0].tables = {table_with_columns("p1-t1", {50, 150, 200, 300}, "收入支出决算总表")};
  pages[0].tables[0].cells[0].text = "收入";
  pages[1].tables = {table_with_columns("p2-t1", {50, 150, 200, 300}, "")};  // blank spill-over row
  pages[1].tables[0].continues = "p1-t1";
  pages[2].tables = {table_with_columns("p3-t1", {50, 150, 200, 300}, "")};
  pages[2].tables[0].continues = "p2-t1";
  pages[2].tables[0].cells[1].text = "3.25";
  EXPECT_EQ(drop_empty_continuations(pages), 1);
  EXPECT_TRUE(pages[1].tables.empty());
  EXPECT_EQ(pages[2].tables[0].continues, "p1-t1");
  EXPECT_EQ(pages[0].tables.size(), 1u) << "a table of its own stays, empty or not";

  // A page's later tables move up, and what continues them follows.
  std::vector<PageResult> two(2);
  two[0].page = 1;
  two[1].page = 2;
  two[0].tables = {table_with_columns("p1-t1", {50, 150}, "甲")};
  two[0].tables[0].cells[0].text = "1";
  two[1].tables = {table_with_columns("p2-t1", {50, 150}, ""), table_with_columns("p2-t2", {50, 150}, "乙")};
  two[1].tables[0].continues = "p1-t1";
  two[1].tables[1].cells[0].text = "2";
  EXPECT_EQ(drop_empty_continuations(two), 1);
  ASSERT_EQ(two[1].tables.size(), 1u);
  EXPECT_EQ(two[1].tables[0].id, "p2-t1");
  EXPECT_EQ(two[1].tables[0].title, "乙");
}

TEST(Assemble, ContinuationNeedsSameColumnsAndNoCaption) {
  std::vector<PageResult> pages(3);
  for (int i = 0; i < 3; ++i) pages[static_cast<size_t>(i)].page = i + 1;
  pages[0].tables = {table_with_columns("p1-t1", {50, 150, 200, 300}, "收入支出决算总表")};
  pages[1].tables = {table_with_columns("p2-t1", {51, 150.5, 201, 299}, "")};
  pages[2].tables = {table_with_columns("p3-t1", {50, 120, 200, 300}, "")};
  link_continuations(pages);
  EXPECT_EQ(pages[1].tables[0].continues, "p1-t1");
  EXPECT_FALSE(pages[2].tables[0].continues) << "different column widths";

  pages[1].tables[0].continues.reset();
  pages[1].tables[0].title = "支出决算表";
  link_continuations(pages);
  EXPECT_FALSE(pages[1].tables[0].continues) << "a table with its own caption starts anew";
}

}  // namespace
}  // namespace gridlift

namespace gridlift {
namespace {

TEST(Assemble, DegenerateBoxesFromDamagedFilesGiveNoTitle) {
  Table t;
  t.bbox = {100, 200, 500, 400};
  std::vector<TextLine> lines = {line_at(200, 400, 120, -5, "negative height"),
                                 line_at(200, 400, 150, 0, "flat")};
  EXPECT_EQ(find_title(t, lines, {t}, -3), "");
  EXPECT_EQ(find_title(t, lines, {t}, 0), "");
}

}  // namespace
}  // namespace gridlift
