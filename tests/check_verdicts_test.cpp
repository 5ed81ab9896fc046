// What a failed check says and takes away: the document's own inconsistency on a text layer, a
// suspected misreading with OCR'd terms (doubted, the least sure named), malformed OCR'd numbers,
// list marks misread as commas.

#include <gtest/gtest.h>

#include "stages/assemble/check_verdicts.h"
#include "stages/assemble/document_checks.h"
#include "tests/table_builders.h"
#include "tests/test_profile.h"

namespace gridlift {
namespace {

using testing::table_of;

// 301 = 30101 + 30102, which 3.43 breaks.
std::vector<PageResult> page_with_sum(PageMode mode, double leaf_confidence) {
  Table t = table_of({{"科目编码", "科目名称", "决算数"},
                      {"301", "工资福利支出", "6.66"},
                      {"30101", "基本工资", "3.33"},
                      {"30102", "津贴补贴", "3.43"}});
  for (auto& c : t.cells)
    if (mode != PageMode::kText) c.confidence = c.row == 3 && c.col == 2 ? leaf_confidence : 0.97;
  std::vector<PageResult> pages(1);
  pages[0].page = 1;
  pages[0].mode = mode;
  pages[0].tables = {t};
  return pages;
}

const Cell& at(const PageResult& page, int row, int col) {
  for (const auto& c : page.tables[0].cells)
    if (c.row == row && c.col == col) return c;
  throw std::logic_error("no such cell");
}

std::vector<ArithmeticCheck> failed_sums(std::vector<PageResult>& pages) {
  std::vector<ArithmeticCheck> failed;
  for (auto& c : check_document(pages, cn_budget()).checks)
    if (!c.ok) failed.push_back(c);
  return failed;
}

TEST(CheckVerdicts, ASumBrokenOnATextLayerIsTheDocumentsOwn) {
  auto pages = page_with_sum(PageMode::kText, 1.0);
  auto checks = failed_sums(pages);
  ASSERT_EQ(checks.size(), 1u);
  EXPECT_EQ(judge_failed_checks(checks, pages), 0);
  EXPECT_EQ(checks[0].failure, "printed");
  EXPECT_FALSE(checks[0].suspect);
  EXPECT_DOUBLE_EQ(at(pages[0], 3, 2).confidence, 1.0) << "the cell is right as printed";
}

TEST(CheckVerdicts, ASumBrokenWithOcrTermsSuspectsTheLeastSureAndDoubtsThemAll) {
  auto pages = page_with_sum(PageMode::kOcr, 0.91);
  auto checks = failed_sums(pages);
  ASSERT_EQ(checks.size(), 1u);
  EXPECT_EQ(judge_failed_checks(checks, pages), 3);
  EXPECT_EQ(checks[0].failure, "misread");
  ASSERT_TRUE(checks[0].suspect);
  EXPECT_EQ(*checks[0].suspect, std::make_pair(3, 2));
  for (int row : {1, 2, 3}) EXPECT_LT(at(pages[0], row, 2).confidence, kTrustedConfidence);
  EXPECT_DOUBLE_EQ(at(pages[0], 1, 1).confidence, 0.97) << "a label outside the sum keeps its confidence";
}

TEST(CheckVerdicts, OnAMixedPageOnlyTheCellsReadByOcrAreTerms) {
  auto pages = page_with_sum(PageMode::kMixed, 0.93);
  for (auto& c : pages[0].tables[0].cells)
    if (!(c.row == 3 && c.col == 2)) c.confidence = 1.0;  // from the text layer
  auto checks = failed_sums(pages);
  ASSERT_EQ(checks.size(), 1u);
  EXPECT_EQ(judge_failed_checks(checks, pages), 1);
  EXPECT_EQ(checks[0].failure, "misread");
  EXPECT_EQ(*checks[0].suspect, std::make_pair(3, 2));
  EXPECT_DOUBLE_EQ(at(pages[0], 1, 2).confidence, 1.0);
}

TEST(CheckVerdicts, MalformedNumbersReadByOcrAreDoubted) {
  std::vector<PageResult> pages(2);
  for (auto mode : {PageMode::kOcr, PageMode::kText}) {
    PageResult& page = pages[mode == PageMode::kOcr ? 0 : 1];
    page.mode = mode;
    page.tables = {table_of({{"508.4.5", "2010301.", "1,22", "-40.42", "12.5%", "2010301", "合计"}})};
    if (mode == PageMode::kOcr)
      for (auto& c : page.tables[0].cells) c.confidence = 0.96;
  }
  EXPECT_EQ(doubt_malformed_numbers(pages), 3);
  for (int col = 0; col < 3; ++col) EXPECT_LT(at(pages[0], 0, col).confidence, kTrustedConfidence) << col;
  for (int col = 3; col < 7; ++col) EXPECT_DOUBLE_EQ(at(pages[0], 0, col).confidence, 0.96) << col;
  for (const auto& c : pages[1].tables[0].cells)
    EXPECT_DOUBLE_EQ(c.confidence, 1.0) << "text layer: as printed";
}

TEST(CheckVerdicts, AListNumberReadWithACommaIsDoubted) {
  std::vector<PageResult> pages(2);
  for (auto mode : {PageMode::kOcr, PageMode::kText}) {
    PageResult& page = pages[mode == PageMode::kOcr ? 0 : 1];
    page.mode = mode;
    page.tables = {table_of({{"1，一般公共预算资金", "2, 政府性基金", "三，其他收入", "1、一般公共预算资金",
                              "1. 一般公共预算资金", "2023，年度", "合计"}})};
    if (mode == PageMode::kOcr)
      for (auto& c : page.tables[0].cells) c.confidence = 0.9;
  }
  EXPECT_EQ(doubt_misread_list_marks(pages), 3);
  for (int col = 0; col < 3; ++col) EXPECT_LT(at(pages[0], 0, col).confidence, kTrustedConfidence) << col;
  for (int col = 3; col < 7; ++col) EXPECT_DOUBLE_EQ(at(pages[0], 0, col).confidence, 0.9) << col;
  for (const auto& c : pages[1].tables[0].cells)
    EXPECT_DOUBLE_EQ(c.confidence, 1.0) << "text layer: as printed";
}

}  // namespace
}  // namespace gridlift
