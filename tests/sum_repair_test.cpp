// Repair by arithmetic: numbers read by OCR that two sums settle, and those they do not.

#include "stages/correct/sum_repair.h"

#include <gtest/gtest.h>

#include "stages/assemble/arithmetic_checks.h"
#include "tests/table_builders.h"
#include "tests/test_profile.h"

namespace gridlift {
namespace {

using testing::table_of;

// 支出决算表-like: 合计 = 基本支出 + 项目支出 on every row, and a code hierarchy under a 合计 row;
// `misread` is what OCR made of 217's 基本支出.
PageResult page_read(PageMode mode, const std::string& misread) {
  Table t = table_of({{"科目编码", "科目名称", "合计", "基本支出", "项目支出"},
                      {"", "合计", "109.30", "60.00", "49.30"},
                      {"208", "社会保障和就业支出", "3.25", "3.25", ""},
                      {"20805", "行政事业单位养老支出", "3.25", "3.25", ""},
                      {"217", "金融支出", "106.05", misread, "49.30"},
                      {"21701", "金融部门行政支出", "106.05", "56.75", "49.30"}});
  for (Cell& c : t.cells) c.confidence = mode == PageMode::kText ? 1.0 : 0.93;
  PageResult page;
  page.page = 1;
  page.mode = mode;
  page.tables.push_back(t);
  return page;
}

const Cell& at(const PageResult& page, int row, int col) {
  for (const Cell& c : page.tables[0].cells)
    if (c.row == row && c.col == col) return c;
  throw std::logic_error("no such cell");
}

TEST(SumRepair, ReadingsKeepTheDigitsAndPlaceTheMarksAsTheColumnDoes) {
  EXPECT_EQ(readings_of_the_same_digits("5675", {2}, false), (std::vector<std::string>{"56.75"}));
  EXPECT_EQ(readings_of_the_same_digits("21.8", {0, 1, 2}, false), (std::vector<std::string>{"218", "2.18"}));
  EXPECT_EQ(readings_of_the_same_digits("508.4.5", {2}, false), (std::vector<std::string>{"508.45"}));
  EXPECT_EQ(readings_of_the_same_digits("-40.42", {2}, false), (std::vector<std::string>{"40.42"}));
  EXPECT_EQ(readings_of_the_same_digits("1234567", {2}, true), (std::vector<std::string>{"12,345.67"}));
  EXPECT_EQ(readings_of_the_same_digits("0.25", {0}, false), (std::vector<std::string>{}));  // "025"
  EXPECT_EQ(readings_of_the_same_digits("合计", {2}, false), (std::vector<std::string>{}));
}

TEST(SumRepair, ANumberTwoSumsAgreeOnIsRepairedAndTraced) {
  std::vector<PageResult> pages{page_read(PageMode::kOcr, "5675")};  // the point lost
  EXPECT_EQ(repair_by_arithmetic(pages, cn_budget()), 1);
  const Cell& repaired = at(pages[0], 4, 3);
  EXPECT_EQ(repaired.text, "56.75");
  EXPECT_DOUBLE_EQ(repaired.confidence, kRepairedConfidence);
  ASSERT_EQ(pages[0].tables[0].corrections.size(), 1u);
  const Correction& c = pages[0].tables[0].corrections[0];
  EXPECT_EQ(c.rule, kSumRepairRule);
  EXPECT_EQ(c.before, "5675");
  EXPECT_EQ(c.after, "56.75");
  EXPECT_NE(c.why.find("row-sum to (4, 2)"), std::string::npos) << c.why;
  EXPECT_NE(c.why.find("column-sum to (4, 3)"), std::string::npos) << c.why;
  for (const auto& check : find_table_checks(pages[0].tables[0], cn_budget()))
    EXPECT_TRUE(check.ok) << check.kind;
}

TEST(SumRepair, AMalformedNumberIsRepairedWhenItsSumsSettleIt) {
  std::vector<PageResult> pages{page_read(PageMode::kOcr, "56.7.5")};
  EXPECT_EQ(repair_by_arithmetic(pages, cn_budget()), 1);
  EXPECT_EQ(at(pages[0], 4, 3).text, "56.75");
}

TEST(SumRepair, ATextLayerFigureIsNeverChanged) {
  std::vector<PageResult> pages{page_read(PageMode::kText, "5675")};
  EXPECT_EQ(repair_by_arithmetic(pages, cn_budget()), 0);
  EXPECT_EQ(at(pages[0], 4, 3).text, "5675");
  EXPECT_TRUE(pages[0].tables[0].corrections.empty());
  // On a mixed page only the cells OCR read (under confidence 1) may be repaired.
  std::vector<PageResult> mixed{page_read(PageMode::kMixed, "5675")};
  for (Cell& c : mixed[0].tables[0].cells) c.confidence = 1.0;
  EXPECT_EQ(repair_by_arithmetic(mixed, cn_budget()), 0);
}

TEST(SumRepair, OneSumAloneRepairsNothing) {
  // A lone column: the leaf is a term of its parent's sum only, which would prove what it drove.
  Table t = table_of({{"科目编码", "科目名称", "决算数"},
                      {"208", "社会保障和就业支出", "3.25"},
                      {"20805", "行政事业单位养老支出", "3.25"},
                      {"2080505", "机关事业单位基本养老保险缴费支出", "325"}});
  for (Cell& c : t.cells) c.confidence = 0.9;
  PageResult page;
  page.mode = PageMode::kOcr;
  page.tables.push_back(t);
  std::vector<PageResult> pages{page};
  EXPECT_EQ(repair_by_arithmetic(pages, cn_budget()), 0);
  EXPECT_EQ(pages[0].tables[0].cells.back().text, "325");
}

TEST(SumRepair, NoReadingOfTheDigitsMendsOtherDigits) {
  // 56.75 read 56.15: no placing of the marks of 5615 makes a sum hold, so nothing changes.
  std::vector<PageResult> pages{page_read(PageMode::kOcr, "56.15")};
  EXPECT_EQ(repair_by_arithmetic(pages, cn_budget()), 0);
  EXPECT_EQ(at(pages[0], 4, 3).text, "56.15");
}

}  // namespace
}  // namespace gridlift
