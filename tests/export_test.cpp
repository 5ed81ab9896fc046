// CSV and Markdown writers, page selection.

#include <gtest/gtest.h>

#include "pipeline/page_selection.h"
#include "stages/export/csv_writer.h"
#include "stages/export/markdown_writer.h"

namespace gridlift {
namespace {

Table spanning_table() {
  Table t;
  t.id = "p2-t1";
  t.n_rows = 2;
  t.n_cols = 2;
  t.cells = {
      {0, 0, 1, 2, "收入, 支出", {}, 1}, {1, 0, 1, 1, "say \"hi\"", {}, 1}, {1, 1, 1, 1, "2,939.71", {}, 1}};
  return t;
}

TEST(Csv, SpanTextInTopLeftAndQuotingPerRfc4180) {
  EXPECT_EQ(table_to_csv(spanning_table()), "\"收入, 支出\",\r\n\"say \"\"hi\"\"\",\"2,939.71\"\r\n");
  EXPECT_EQ(csv_file_name(2, "p2-t1"), "p002-t1.csv");
}

TEST(Markdown, SpansBecomeHtmlAndPlainTablesPipes) {
  DocumentResult doc;
  PageResult page;
  page.page = 2;
  page.blocks.push_back({{0, 0, 10, 10}, "第一部分"});
  Table spans = spanning_table();
  spans.bbox = {0, 20, 10, 30};
  page.tables.push_back(spans);
  doc.pages.push_back(page);
  auto md = document_to_markdown(doc);
  EXPECT_NE(md.find("<td colspan=\"2\">收入, 支出</td>"), std::string::npos);
  EXPECT_LT(md.find("第一部分"), md.find("<table>"));

  Table plain;
  plain.id = "p2-t2";
  plain.n_rows = 2;
  plain.n_cols = 1;
  plain.cells = {{0, 0, 1, 1, "a|b", {}, 1}, {1, 0, 1, 1, "1", {}, 1}};
  doc.pages[0].tables = {plain};
  md = document_to_markdown(doc);
  EXPECT_NE(md.find("| a\\|b |\n| --- |\n| 1 |"), std::string::npos);
}

TEST(PageSelection, ParsesRangesAndClampsToTheDocument) {
  EXPECT_EQ(PageSelection::parse("").resolve(3), (std::vector<int>{0, 1, 2}));
  EXPECT_EQ(PageSelection::parse("3-5").resolve(10), (std::vector<int>{2, 3, 4}));
  EXPECT_EQ(PageSelection::parse("1,4,7-").resolve(8), (std::vector<int>{0, 3, 6, 7}));
  EXPECT_EQ(PageSelection::parse("9-12").resolve(5), (std::vector<int>{}));
  EXPECT_THROW(PageSelection::parse("5-3"), std::invalid_argument);
  EXPECT_THROW(PageSelection::parse("a"), std::invalid_argument);
  EXPECT_THROW(PageSelection::parse("0"), std::invalid_argument);
}

}  // namespace
}  // namespace gridlift
