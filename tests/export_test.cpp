// CSV and Markdown writers, page selection.

#include <gtest/gtest.h>

#include "pipeline/page_selection.h"
#include "stages/export/csv_writer.h"
#include "stages/export/markdown_writer.h"
#include "stages/export/markup_text.h"
#include "stages/export/spreadsheet_value.h"

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
  EXPECT_NE(md.find("| a&#124;b |\n| --- |\n| 1 |"), std::string::npos);
}

TEST(Markdown, PrivateUseBulletsAreLeftOut) {
  EXPECT_EQ(markup_text("\uF06C 盈利预测", MarkupPlace::kParagraph), "&#32;盈利预测");
  EXPECT_EQ(markup_text("a\uE000b\uF8FFc", MarkupPlace::kInline), "abc");
  EXPECT_EQ(markup_text("\uF900", MarkupPlace::kInline), "\uF900");      // a compatibility ideograph: kept
  EXPECT_EQ(markup_text("\xEE\x80", MarkupPlace::kInline), "\xEE\x80");  // cut short: left as it is
}

TEST(MarkupText, PayloadsFromAPdfReadAsTextInMarkdownAndHtml) {
  EXPECT_EQ(markup_text("<script>alert(1)</script>", MarkupPlace::kInline),
            "&lt;script&gt;alert(1)&lt;/script&gt;");
  EXPECT_EQ(markup_text("<img src=x onerror=alert(2)>", MarkupPlace::kInline),
            "&lt;img src=x onerror=alert(2)&gt;");
  EXPECT_EQ(markup_text("[click](javascript:alert(4))", MarkupPlace::kInline),
            "&#91;click&#93;(javascript:alert(4))");
  EXPECT_EQ(markup_text("`code` *em* _u_ ~~s~~", MarkupPlace::kInline),
            "&#96;code&#96; &#42;em&#42; &#95;u&#95; &#126;&#126;s&#126;&#126;");
  EXPECT_EQ(markup_text("a|b \\ \"q\" 'q' &amp;", MarkupPlace::kInline),
            "a&#124;b &#92; &quot;q&quot; &#39;q&#39; &amp;amp;");
  // A blank line inside an HTML table's cell would end the HTML block: none survives in a cell.
  EXPECT_EQ(markup_text("a\n\n[x](javascript:y)", MarkupPlace::kInline), "a &#91;x&#93;(javascript:y)");
  EXPECT_EQ(markup_text("预算 -40.42 1,234.50 (一)", MarkupPlace::kInline), "预算 -40.42 1,234.50 (一)");
}

TEST(MarkupText, WhatOpensABlockAtALineStartIsLiteralInParagraphs) {
  EXPECT_EQ(markup_text("# h", MarkupPlace::kParagraph), "&#35; h");
  EXPECT_EQ(markup_text("- item\n+ item\n> q\n===", MarkupPlace::kParagraph),
            "&#45; item\n&#43; item\n&gt; q\n&#61;==");
  EXPECT_EQ(markup_text("1. one\n12) two", MarkupPlace::kParagraph), "1&#46; one\n12&#41; two");
  EXPECT_EQ(markup_text("    code", MarkupPlace::kParagraph), "&#32;&#32;&#32;&#32;code");
  EXPECT_EQ(markup_text("a - b # c 1.5", MarkupPlace::kParagraph), "a - b # c 1.5");  // mid-line stays
}

TEST(Csv, CellsASpreadsheetWouldRunGetALeadingQuote) {
  for (const char* formula : {"=HYPERLINK(\"http://x\",\"y\")", "+1+1", "@SUM(A1)", "-2+3",
                              "=cmd|' /C calc'!A0", "\t=1", "\r=1", "--", "+"})
    EXPECT_EQ(neutralise_formula(formula), std::string("'") + formula);
  for (const char* number : {"-40.42", "+3", "-1,234.50", "-5%", "1,234", "-0.5", "-"})
    EXPECT_EQ(neutralise_formula(number), number);
  EXPECT_EQ(neutralise_formula("-1,23"), "'-1,23");  // not a grouped number
  Table t;
  t.id = "p1-t1";
  t.n_rows = 1;
  t.n_cols = 2;
  t.cells = {{0, 0, 1, 1, "=1+1", {}, 1}, {0, 1, 1, 1, "-40.42", {}, 1}};
  EXPECT_EQ(table_to_csv(t), "'=1+1,-40.42\r\n");
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

TEST(SpreadsheetNumber, ANumberOnlyWhereItsFormatGivesBackThePrintedText) {
  auto grouped = spreadsheet_number("2,939.71");
  ASSERT_TRUE(grouped);
  EXPECT_DOUBLE_EQ(grouped->value, 2939.71);
  EXPECT_EQ(grouped->format, "#,##0.00");
  auto plain = spreadsheet_number("-0.50");
  ASSERT_TRUE(plain);
  EXPECT_DOUBLE_EQ(plain->value, -0.5);
  EXPECT_EQ(plain->format, "0.00");
  auto percent = spreadsheet_number("12.5%");
  ASSERT_TRUE(percent);
  EXPECT_DOUBLE_EQ(percent->value, 0.125);
  EXPECT_EQ(percent->format, "0.0%");
  auto code = spreadsheet_number("2010301");
  ASSERT_TRUE(code);
  EXPECT_EQ(code->format, "0");
  EXPECT_FALSE(spreadsheet_number("01"));                // a code's leading zero
  EXPECT_FALSE(spreadsheet_number("1,22"));              // not a thousands group
  EXPECT_FALSE(spreadsheet_number("508.4.5"));           // malformed
  EXPECT_FALSE(spreadsheet_number("-0.00"));             // the sign would be lost
  EXPECT_FALSE(spreadsheet_number("1234567890123456"));  // more digits than a double holds
  EXPECT_FALSE(spreadsheet_number("=1+2"));
  EXPECT_FALSE(spreadsheet_number(""));
}

}  // namespace
}  // namespace gridlift
