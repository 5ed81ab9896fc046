// Arithmetic checks on small tables shaped like the published ones.

#include <gtest/gtest.h>

#include <map>

#include "stages/assemble/arithmetic_checks.h"
#include "stages/assemble/document_checks.h"
#include "tests/table_builders.h"
#include "tests/test_profile.h"

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
  auto checks = find_arithmetic_checks(hierarchy("3.25"), cn_budget());
  ASSERT_EQ(checks.size(), 4u);  // 合计, 208, 20805, 217
  for (const auto& c : checks) {
    EXPECT_EQ(c.kind, "column-sum");
    EXPECT_TRUE(c.ok) << c.total.first;
  }
  EXPECT_EQ(checks[0].total, std::make_pair(1, 2));
  EXPECT_EQ(checks[0].cells, (std::vector<std::pair<int, int>>{{2, 2}, {5, 2}}));
}

// 支出功能分类预算表-like, as WPS and Excel print it: codes split over 类 / 款 / 项 columns, the 类
// repeated on every row, amounts in whole 元 with separators, 合计 = 基本支出 + 项目支出.
Table split_codes(const std::string& leaf) {
  Table t = table_of({{"类", "款", "项", "科目名称", "合计", "基本支出", "项目支出"},
                      {"201", "", "", "一般公共服务支出", "127,886,849", "84,861,719", "43,025,130"},
                      {"201", "06", "", "财政事务", "127,886,849", "84,861,719", "43,025,130"},
                      {"201", "06", "01", "行政运行", "84,861,719", "84,861,719", ""},
                      {"201", "06", "02", "一般行政管理事务", leaf, "", leaf},
                      {"201", "06", "04", "预算改革业务", "370,000", "", "370,000"},
                      {"201", "06", "05", "财政国库业务", "14,111,000", "", "14,111,000"},
                      {"", "", "", "合计", "127,886,849", "84,861,719", "43,025,130"}});
  return t;
}

std::vector<ArithmeticCheck> of_kind(const std::vector<ArithmeticCheck>& checks, const std::string& kind) {
  std::vector<ArithmeticCheck> out;
  for (const auto& c : checks)
    if (c.kind == kind) out.push_back(c);
  return out;
}

TEST(ArithmeticChecks, CodesSplitOverColumnsFormOneHierarchy) {
  const auto checks = of_kind(find_arithmetic_checks(split_codes("28,544,130"), cn_budget()), "column-sum");
  // 201 = 20106, 20106 = its four 项, 合计 = 201: in each of the three amount columns where any
  // term is non-zero. Never 201 = 20106 + its 项 together (the 类 repeated on their rows).
  ASSERT_EQ(checks.size(), 9u);
  for (const auto& c : checks) {
    EXPECT_TRUE(c.ok) << "row " << c.total.first << " col " << c.total.second;
    if (c.total.first == 1) {
      EXPECT_EQ(c.cells.size(), 1u) << "201 has one direct child, 20106";
    }
    if (c.total.first == 2) {
      EXPECT_LE(c.cells.size(), 4u) << "20106 adds its four 项 (blank ones are not listed)";
    }
  }
}

TEST(ArithmeticChecks, AmountsInWholeYuanAreCheckedAndAMisreadOneFails) {
  const auto sums = find_arithmetic_checks(split_codes("28,544,180"), cn_budget());
  int failed = 0;
  for (const auto& c : sums) failed += !c.ok;
  // 20106's 合计 and 项目支出: 50 元 is no rounding. (The misread row's own row sum holds: the
  // same figure is printed in both its columns.)
  EXPECT_EQ(failed, 2);
  EXPECT_FALSE(of_kind(sums, "row-sum").empty()) << "合计 = 基本支出 + 项目支出";
}

TEST(ArithmeticChecks, RoundingFitsThePrintedUnit) {
  // 万元 to one decimal: three addends each rounded by up to 0.05 may miss the total by 0.1.
  auto holds = [](const std::string& total) {
    const auto checks = find_arithmetic_checks(table_of({{"科目编码", "科目名称", "决算数"},
                                                         {"301", "工资福利支出", total},
                                                         {"30101", "基本工资", "3.3"},
                                                         {"30102", "津贴补贴", "3.3"},
                                                         {"30103", "奖金", "3.3"}}),
                                               cn_budget());
    return checks.size() == 1 && checks[0].ok;
  };
  EXPECT_TRUE(holds("10.0"));
  EXPECT_FALSE(holds("10.3"));
}

TEST(SubjectCodeChecks, ACodeIsProvenByItsStandardName) {
  const auto checks = find_subject_code_checks(split_codes("28,544,130"), cn_budget());
  std::map<int, std::vector<std::pair<int, int>>> proven;
  for (const auto& c : checks) {
    EXPECT_EQ(c.kind, "subject-code");
    EXPECT_TRUE(c.ok);
    EXPECT_EQ(c.total.second, 3) << "the name cell";
    proven[c.total.first] = c.cells;
  }
  ASSERT_TRUE(proven.count(3)) << "2010601 行政运行";
  EXPECT_EQ(proven[3], (std::vector<std::pair<int, int>>{{3, 0}, {3, 1}, {3, 2}}));
  EXPECT_TRUE(proven.count(1)) << "201 一般公共服务支出";
  EXPECT_FALSE(proven.count(7)) << "合计 has no code";
}

TEST(SubjectCodeChecks, AnUnprovenCodeGetsNoCheckAndNoFailure) {
  Table t = table_of({{"科目编码", "科目名称", "决算数"},
                      {"2010601", "财政事务", "1.00"},          // 20106's name: a misread 项, or a misprint
                      {"2010699", "其他财政事务支出", "1.00"},  // 99 is the classification's "other"
                      {"2019901", "某项自定支出", "1.00"}});    // a name the vocabulary does not know
  const auto checks = find_subject_code_checks(t, cn_budget());
  ASSERT_EQ(checks.size(), 1u);
  EXPECT_EQ(checks[0].total.first, 2);
}

TEST(ArithmeticChecks, AMisreadDigitFailsTheChecksAroundIt) {
  auto checks = find_arithmetic_checks(hierarchy("3.28"), cn_budget());
  int failed = 0;
  for (const auto& c : checks) failed += !c.ok;
  EXPECT_EQ(failed, 1) << "20805 = 2080505 no longer holds";
}

TEST(ArithmeticChecks, RoundingOfTheAddendsIsTolerated) {
  auto checks = find_arithmetic_checks(table_of({{"科目编码", "科目名称", "决算数"},
                                                 {"301", "工资福利支出", "10.01"},
                                                 {"30101", "基本工资", "3.33"},
                                                 {"30102", "津贴补贴", "3.33"},
                                                 {"30103", "奖金", "3.33"}}),
                                       cn_budget());
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
  auto checks = find_arithmetic_checks(three_public("11.50"), cn_budget());
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
  for (const auto& c : find_arithmetic_checks(three_public("11.05"), cn_budget())) {
    if (c.total == std::make_pair(2, 0)) {
      EXPECT_FALSE(c.ok);
    }
  }
}

TEST(ArithmeticChecks, AllZeroTablesProveNothing) {
  EXPECT_TRUE(find_arithmetic_checks(table_of({{"科目编码", "科目名称", "决算数"},
                                               {"301", "工资福利支出", "0.00"},
                                               {"30101", "基本工资", "0.00"}}),
                                     cn_budget())
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
  for (const auto& c : check_document(pages, cn_budget()).checks) apart_failed += !c.ok;
  EXPECT_GT(apart_failed, 0);

  pages[1].tables[0].continues = "p1-t1";
  DocumentChecks joined = check_document(pages, cn_budget());
  for (const auto& c : joined.checks) EXPECT_TRUE(c.ok) << c.table << " row " << c.total.first;
  EXPECT_EQ(joined.spanning_page_breaks, 1) << "合计 = 208 + 217 spans the break";
  bool second_part_checked = false;
  for (const auto& c : joined.checks)
    if (c.table == "p2-t1" && c.kind == "column-sum") {
      second_part_checked = true;
      EXPECT_EQ(c.total, std::make_pair(1, 2)) << "reported in the continuation's own rows";
    }
  EXPECT_TRUE(second_part_checked);
}

}  // namespace
}  // namespace gridlift
