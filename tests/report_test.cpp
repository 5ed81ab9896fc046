// Debug overlays and the HTML report: layer switches, the report's cells and marks, the spool.

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <opencv2/imgproc.hpp>
#include <sstream>

#include "pipeline/report_spool.h"
#include "stages/export/base64.h"
#include "stages/export/html_report.h"
#include "stages/export/overlay_writer.h"

namespace gridlift {
namespace {

size_t count(const std::string& text, const std::string& what) {
  size_t n = 0;
  for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

TEST(Base64, Rfc4648Vectors) {
  EXPECT_EQ(base64_encode(""), "");
  EXPECT_EQ(base64_encode("f"), "Zg==");
  EXPECT_EQ(base64_encode("fo"), "Zm8=");
  EXPECT_EQ(base64_encode("foo"), "Zm9v");
  EXPECT_EQ(base64_encode("foob"), "Zm9vYg==");
  EXPECT_EQ(base64_encode("fooba"), "Zm9vYmE=");
  EXPECT_EQ(base64_encode("foobar"), "Zm9vYmFy");
  EXPECT_EQ(base64_encode(std::string("\xff\xfe\x00", 3)), "//4A");
}

TEST(OverlayLayers, ParsesAListAndRefusesUnknownNames) {
  OverlayLayers some = overlay_layers_from_string("lines,ocr");
  EXPECT_TRUE(some.lines && some.ocr);
  EXPECT_FALSE(some.cells || some.text || some.checks);
  OverlayLayers all = overlay_layers_from_string("all");
  EXPECT_TRUE(all.lines && all.cells && all.text && all.ocr && all.checks);
  EXPECT_THROW(overlay_layers_from_string("lines,grid"), std::invalid_argument);
}

TEST(OverlayLayers, ConfidenceRunsFromRedThroughYellowToGreen) {
  EXPECT_EQ(confidence_colour(0.0), cv::Scalar(0, 0, 255));
  EXPECT_EQ(confidence_colour(0.5), cv::Scalar(0, 255, 255));
  EXPECT_EQ(confidence_colour(1.0), cv::Scalar(0, 255, 0));
}

// A 2x2 grid on a white 200x100 page whose top row is one spanning cell read by OCR with
// confidence 0.1, and one horizontal ruling.
struct SmallPage {
  PageResult result;
  PageDebug debug;
  SmallPage() {
    debug.scale = PixelScale{72};
    debug.raster = cv::Mat(100, 200, CV_8UC1, cv::Scalar(255));
    TableGrid grid;
    grid.bbox = {10, 10, 190, 90};
    grid.row_edges = {10, 50, 90};
    grid.col_edges = {10, 100, 190};
    grid.cells = {{0, 0, 1, 2}, {1, 0, 1, 1}, {1, 1, 1, 1}};
    debug.grids.push_back(grid);
    debug.grid.segments.push_back({{10, 9, 190, 11}, true});
    debug.ocr_crops.push_back({grid.cell_rect(grid.cells[0]), 0.1});
    Table table;
    table.id = "p1-t1";
    table.n_rows = 2;
    table.n_cols = 2;
    table.cells = {{0, 0, 1, 2, "收入", {10, 10, 190, 50}, 0.1},
                   {1, 0, 1, 1, "a", {10, 50, 100, 90}, 1},
                   {1, 1, 1, 1, "b", {100, 50, 190, 90}, 1}};
    result.page = 1;
    result.width = 200;
    result.height = 100;
    result.tables.push_back(table);
  }
};

TEST(Overlay, DrawsOnlyTheLayersAsked) {
  SmallPage page;
  const cv::Point inside_span(60, 30);  // in the OCR'd spanning cell, away from any outline
  cv::Mat lines_only = draw_overlay(page.result, page.debug, overlay_layers_from_string("lines"));
  EXPECT_EQ(lines_only.at<cv::Vec3b>(inside_span), cv::Vec3b(255, 255, 255));
  EXPECT_EQ(lines_only.at<cv::Vec3b>(10, 50), cv::Vec3b(0, 0, 255));  // the ruling, red

  cv::Mat ocr = draw_overlay(page.result, page.debug, overlay_layers_from_string("ocr"));
  const cv::Vec3b tinted = ocr.at<cv::Vec3b>(inside_span);
  EXPECT_GT(tinted[2], 200);  // low confidence: tinted red
  EXPECT_LT(tinted[0], 220);
  EXPECT_LT(tinted[1], 220);
  EXPECT_EQ(ocr.at<cv::Vec3b>(10, 50), cv::Vec3b(255, 255, 255));  // rulings not drawn

  cv::Mat with_strip = with_banner(ocr, page.result, page.debug);
  EXPECT_EQ(with_strip.cols, ocr.cols);
  EXPECT_GT(with_strip.rows, ocr.rows);

  page.debug.raster.release();
  EXPECT_THROW(draw_overlay(page.result, page.debug, OverlayLayers{}), std::invalid_argument);
}

TEST(HtmlReport, EveryCellInTableAndPictureWithItsMarks) {
  SmallPage page;
  page.result.tables[0].cells[1].text = "<b>&\"";
  page.result.tables[0].corrections.push_back(
      {"standard-label", 1, 1, "科日<名称>", "科目名称", "one label near"});
  DocumentResult doc;
  doc.source = "report.pdf";
  doc.pages.push_back(page.result);
  ArithmeticCheck failed;
  failed.table = "p1-t1";
  failed.kind = "row-sum";
  failed.total = {1, 1};
  failed.ok = false;
  doc.checks.push_back(failed);

  const auto path = std::filesystem::temp_directory_path() / "gridlift-report-test.report.html";
  int asked = 0;
  write_html_report(
      doc, {{1.5, "no text layer; read by OCR", {}}},
      [&](size_t) {
        ++asked;
        return std::string("QUJD");
      },
      path);
  std::ifstream in(path);
  std::stringstream buffer;
  buffer << in.rdbuf();
  const std::string html = buffer.str();
  std::filesystem::remove(path);

  EXPECT_EQ(asked, 1);
  for (const char* key : {"p1-t1/0", "p1-t1/1", "p1-t1/2"})
    EXPECT_EQ(count(html, std::string("data-cell=\"") + key + "\""), 2u) << key;  // td and rect
  EXPECT_NE(html.find("colspan=\"2\""), std::string::npos);
  EXPECT_NE(html.find("&lt;b&gt;&amp;&quot;"), std::string::npos);
  EXPECT_EQ(html.find("<b>&"), std::string::npos);
  EXPECT_NE(html.find("class=\"span low\""), std::string::npos);                   // the OCR'd span, conf 0.1
  EXPECT_NE(html.find("data-cell=\"p1-t1/2\" class=\"bad\""), std::string::npos);  // failed total
  EXPECT_NE(html.find("src=\"data:image/jpeg;base64,QUJD\""), std::string::npos);
  // A corrected cell's tooltip, in both places, says what was read, what is written and why.
  EXPECT_EQ(
      count(html,
            "corrected by standard-label: read “科日&lt;名称&gt;”, written “科目名称” (one label near)"),
      2u);
  EXPECT_NE(html.find("viewBox=\"0 0 200.00 100.00\""), std::string::npos);
  EXPECT_NE(html.find("default-src 'none'"), std::string::npos);
  EXPECT_NE(html.find("deskewed 1.50°"), std::string::npos);
  // Nothing is fetched: no external script, stylesheet or image.
  EXPECT_EQ(html.find("<script src"), std::string::npos);
  EXPECT_EQ(html.find("<link"), std::string::npos);
  EXPECT_EQ(html.find("src=\"http"), std::string::npos);
}

TEST(ReportSpool, GivesBackEachImageByIndex) {
  ReportSpool spool;
  EXPECT_EQ(spool.read(0), "");
  spool.append("first");
  spool.append("");
  spool.append(std::string(100000, 'x'));
  EXPECT_EQ(spool.read(2), std::string(100000, 'x'));
  EXPECT_EQ(spool.read(0), "first");
  EXPECT_EQ(spool.read(1), "");
  EXPECT_EQ(spool.read(3), "");
}

}  // namespace
}  // namespace gridlift
