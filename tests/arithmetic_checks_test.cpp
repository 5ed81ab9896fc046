// Arithmetic checks on small tables shaped like the published ones.

#include <gtest/gtest.h>

#include "stages/assemble/arithmetic_checks.h"
#include "stages/assemble/document_checks.h"
#include "tests/table_builders.h"

namespace gridlift {
namespace {

using testing::table_of;

TEST(Amounts, ParsedExactlyInCents) {
  EXPECT_EQ(amount_in_cents("2,939.71"), 293971);
  EXPECT_EQ(amount_in_cents("109.3"), 10930);
  EXPECT_EQ(amount_in_cents("-0.5"), -50);
  EXPECT_EQ(amount_in_cents("17"), 1700);
  EXPECT_FALSE(amount_in_cents(""));
  EXPECT_FALSE(amount_in_cents("-"));
  EXPECT_FALSE(amount_in_cents("2,93.71"));
  EXPECT_FALSE(amount_in_cents("100%"));
}

// 收入决算表-like: 合计 row, then a code hierarchy 208 -> 20805 -> 2080505.
Table hierarchy(const std::string& leaf) {
  return table_of({{"科目编码", "科目名称", "决算数"},
                   {"", "合计", "109.30"},
                   {"208", "社会保障和就业支出", "3.25"},
                   {"20805", "行政事业单位养老支出", "3.25"},
                   {"2080505", "机关事业单位基本养老保险缴费支出", leaf},
                   {"217", "金融支出", "106.05"},
                   {"21701", "金融部门行政支出", "106.05"}});
}

TEST(ArithmeticChecks, CodeHierarchyAndTotalRowAddUp) {
  auto checks = find_arithmetic_checks(hierarchy("3.25"));
  ASSERT_EQ(checks.size(), 4u);  // 合计, 208, 20805, 217
  for (const auto& c : checks) {
    EXPECT_EQ(c.kind, "column-sum");
    EXPECT_TRUE(c.ok) << c.total.first;
  }
  EXPECT_EQ(checks[0].total, std::make_pair(1, 2));
  EXPECT_EQ(checks[0].cells, (std::vector<std::pair<int, int>>{{2, 2}, {5, 2}}));
}

TEST(ArithmeticChecks, AMisreadDigitFailsTheChecksAroundIt) {
  auto checks = find_arithmetic_checks(hierarchy("3.28"));
  int failed = 0;
  for (const auto& c : checks) failed += !c.ok;
  EXPECT_EQ(failed, 1) << "20805 = 2080505 no longer holds";
}

TEST(ArithmeticChecks, RoundingOfTheAddendsIsTolerated) {
  auto checks = find_arithmetic_checks(table_of({{"科目编码", "科目名称", "决算数"},
                                                 {"301", "工资福利支出", "10.01"},
                                                 {"30101", "基本工资", "3.33"},
                                                 {"30102", "津贴补贴", "3.33"},
                                                 {"30103", "奖金", "3.33"}}));
  ASSERT_EQ(checks.size(), 1u);
  EXPECT_TRUE(checks[0].ok);
}

// 三公经费表-like header: 合计 | 因公出国(境)费 | 公务用车购置及运行维护费 (小计, 购置费, 运行维护费) |
// 公务接待费
Table three_public(const std::string& total) {
  Table t;
  t.id = "p1-t1";
  t.n_rows = 3;
  t.n_cols = 5;
  t.cells = {{0, 0, 2, 1, "合计", {}, 1},
             {0, 1, 2, 1, "因公出国(境)费", {}, 1},
             {0, 2, 1, 2, "公务用车购置及运行维护费", {}, 1},
             {0, 4, 2, 1, "公务接待费", {}, 1},
             {1, 2, 1, 1, "小计", {}, 1},
             {1, 3, 1, 1, "公务用车运行维护费", {}, 1},
             {2, 0, 1, 1, total, {}, 1},
             {2, 1, 1, 1, "", {}, 1},
             {2, 2, 1, 1, "10.00", {}, 1},
             {2, 3, 1, 1, "10.00", {}, 1},
             {2, 4, 1, 1, "1.50", {}, 1}};
  return t;
}

TEST(ArithmeticChecks, HeaderTotalsSumTheirSiblingGroupsNotTheirParts) {
  auto checks = find_arithmetic_checks(three_public("11.50"));
  bool total_checked = false;
  for (const auto& c : checks) {
    EXPECT_EQ(c.kind, "row-sum");
    if (c.total == std::make_pair(2, 0)) {
      total_checked = true;
      EXPECT_TRUE(c.ok);
      // 小计 stands for its group; its parts are not counted again.
      EXPECT_EQ(c.cells, (std::vector<std::pair<int, int>>{{2, 2}, {2, 4}}));
    }
  }
  EXPECT_TRUE(total_checked);
  for (const auto& c : find_arithmetic_checks(three_public("11.05"))) {
    if (c.total == std::make_pair(2, 0)) {
      EXPECT_FALSE(c.ok);
    }
  }
}

TEST(ArithmeticChecks, AllZeroTablesProveNothing) {
  EXPECT_TRUE(find_arithmetic_checks(table_of({{"科目编码", "科目名称", "决算数"},
                                               {"301", "工资福利支出", "0.00"},
                                               {"30101", "基本工资", "0.00"}}))
                  .empty());
}

}  // namespace
}  // namespace gridlift

namespace gridlift {
namespace {

TEST(DocumentChecks, AHierarchySplitByAPageBreakAddsUpAcrossIt) {
  Table first = testing::table_of({{"科目编码", "科目名称", "决算数"},
                                   {"", "合计", "109.30"},
                                   {"208", "社会保障和就业支出", "3.25"},
                                   {"20805", "行政事业单位养老支出", "3.25"}});
  Table second = testing::table_of({{"科目编码", "科目名称", "决算数"},  // header repeated
                                    {"217", "金融支出", "106.05"},
                                    {"21701", "金融部门行政支出", "106.05"}});
  first.id = "p1-t1";
  second.id = "p2-t1";
  std::vector<PageResult> pages(2);
  pages[0].page = 1;
  pages[0].tables = {first};
  pages[1].page = 2;
  pages[1].tables = {second};

  // Checked apart, the 合计 of page 1 misses the 217 branch on page 2.
  int apart_failed = 0;
  for (const auto& c : check_document(pages).checks) apart_failed += !c.ok;
  EXPECT_GT(apart_failed, 0);

  pages[1].tables[0].continues = "p1-t1";
  DocumentChecks joined = check_document(pages);
  for (const auto& c : joined.checks) EXPECT_TRUE(c.ok) << c.table << " row " << c.total.first;
  EXPECT_EQ(joined.spanning_page_breaks, 1) << "合计 = 208 + 217 spans the break";
  bool second_part_checked = false;
  for (const auto& c : joined.checks)
    if (c.table == "p2-t1") {
      second_part_checked = true;
      EXPECT_EQ(c.total, std::make_pair(1, 2)) << "reported in the continuation's own rows";
    }
  EXPECT_TRUE(second_part_checked);
}

}  // namespace
}  // namespace gridlift
