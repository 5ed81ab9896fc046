// The correction list: each rule of stages/correct/, their order, which cells they may change, and
// the trace every change leaves.

#include "stages/correct/correction_list.h"

#include <gtest/gtest.h>

#include "stages/correct/ocr_marks.h"
#include "stages/ocr/cell_ocr.h"
#include "tests/table_builders.h"
#include "tests/test_profile.h"

namespace gridlift {
namespace {

using testing::table_of;

std::vector<char> all_read_by_ocr(const Table& t) {
  return std::vector<char>(t.cells.size(), 1);
}

// What the list leaves of one OCR reading: Tesseract's text tidied, then corrected.
std::string corrected(const std::string& raw) {
  Table t = table_of({{tidy_ocr_text(raw)}});
  correct_table(t, all_read_by_ocr(t), cn_budget());
  return t.cells[0].text;
}

TEST(OcrMarks, StrayMarksAtTheEndsAreDropped) {
  EXPECT_EQ(corrected(". 项目"), "项目");
  EXPECT_EQ(corrected(":功能分类科目编码"), "功能分类科目编码");
  EXPECT_EQ(corrected("|医疗费"), "医疗费");
  EXPECT_EQ(corrected("2.77 |"), "2.77");
  // What a cell may hold stays: a minus, decimals, marks inside or before other than Chinese.
  EXPECT_EQ(corrected("-59"), "-59");
  EXPECT_EQ(corrected("12.50"), "12.50");
  EXPECT_EQ(corrected("30204."), "30204.");
  EXPECT_EQ(corrected("（一）工资"), "（一）工资");
  EXPECT_EQ(corrected(".5"), ".5");
  EXPECT_EQ(corrected("."), ".");
}

TEST(OcrMarks, ADashStartingAChineseWordIsYi) {
  // The spaces chi_sim put between CJK characters go with the dash it read for 一.
  EXPECT_EQ(corrected("-、 -般公共服务支出"), "一、一般公共服务支出");
  EXPECT_EQ(mend_dashes_read_for_yi("(-)基本支出"), "(一)基本支出");
  EXPECT_EQ(mend_dashes_read_for_yi("-0.50"), "-0.50");              // a negative number
  EXPECT_EQ(mend_dashes_read_for_yi("2023-2025年"), "2023-2025年");  // a range
  EXPECT_EQ(mend_dashes_read_for_yi("收入-支出"), "收入-支出");      // between words
  EXPECT_EQ(mend_dashes_read_for_yi("-"), "-");
  EXPECT_EQ(mend_dashes_read_for_yi("合 计 -般"), "合 计一般");  // only the space beside the mended one
}

TEST(OcrMarks, AnAngleBracketPairedWithAParenthesisIsOne) {
  EXPECT_EQ(mend_bracket_pairs("因公出国〈境) 费用"), "因公出国(境) 费用");
  EXPECT_EQ(mend_bracket_pairs("维修（护〉费"), "维修（护）费");
  EXPECT_EQ(mend_bracket_pairs("书名〈书〉"), "书名〈书〉");  // a pair as printed
  EXPECT_EQ(mend_bracket_pairs("〈未闭合"), "〈未闭合");      // nothing to pair with
  EXPECT_EQ(mend_bracket_pairs("(1)〈2〉(3)"), "(1)〈2〉(3)");
  EXPECT_EQ(mend_bracket_pairs("政府办公厅《(室)及相关机构事务"), "政府办公厅(室)及相关机构事务");
  EXPECT_EQ(mend_bracket_pairs("【(一)"), "(一)");
  EXPECT_EQ(mend_bracket_pairs("《预算法》(2018)"), "《预算法》(2018)");  // a title, then a year
}

TEST(OcrMarks, ANumbersWordsAreJoinedAndALostCommaPutBackWhereAGroupStarts) {
  EXPECT_EQ(corrected("371, 514, 655. 00"), "371,514,655.00");
  EXPECT_EQ(corrected("1 467, 842. 00"), "1,467,842.00");
  EXPECT_EQ(corrected("1 500. 00"), "1,500.00");
  EXPECT_EQ(corrected("11 610, 630"), "11,610,630");
  EXPECT_EQ(corrected("- 59"), "-59");
  // Spaces that are no thousands group, or words that are no number, stay.
  EXPECT_EQ(mend_number_spacing("2023 2024"), "2023 2024");
  EXPECT_EQ(mend_number_spacing("12 34"), "12 34");
  EXPECT_EQ(mend_number_spacing("1 2345"), "1 2345");
  EXPECT_EQ(mend_number_spacing("1 467. 84. 2"), "1 467. 84. 2");  // two points: still no number
  EXPECT_EQ(mend_number_spacing("2023 年"), "2023 年");
  EXPECT_EQ(mend_number_spacing("12.50"), "12.50");
}

TEST(OcrMarks, NoSpaceBetweenAParenthesisAndChinese) {
  EXPECT_EQ(corrected("因公出国(境) 费"), "因公出国(境)费");
  EXPECT_EQ(mend_bracket_spacing("政府办公厅 (室) 及相关机构事务"), "政府办公厅(室)及相关机构事务");
  EXPECT_EQ(mend_bracket_spacing("(1) 2023"), "(1) 2023");  // no Chinese beside it
}

TEST(CorrectionList, RunsItsRulesInOrderAndTracesEachChange) {
  std::vector<std::string> names;
  for (const auto& rule : correction_rules()) names.emplace_back(rule.name);
  EXPECT_EQ(names,
            (std::vector<std::string>{"dash-for-yi", "bracket-pair", "number-spacing", "bracket-spacing",
                                      "stray-mark", "standard-label", "list-number", "subject-code"}));

  // "-、" is mended by dash-for-yi, then the label after the list number by standard-label.
  Table t = table_of({{"-、科日名称", "1.00"}, {"二、外交支出", "2.00"}, {"三、国防支出", "3.00"}});
  EXPECT_EQ(correct_table(t, all_read_by_ocr(t), cn_budget()), 2u);
  EXPECT_EQ(t.cells[0].text, "一、科目名称");
  ASSERT_EQ(t.corrections.size(), 2u);
  EXPECT_EQ(t.corrections[1].rule, "standard-label");
  EXPECT_EQ(t.corrections[1].before, "一、科日名称");
  const Correction& c = t.corrections[0];
  EXPECT_EQ(c.rule, "dash-for-yi");
  EXPECT_EQ(c.row, 0);
  EXPECT_EQ(c.col, 0);
  EXPECT_EQ(c.before, "-、科日名称");
  EXPECT_EQ(c.after, "一、科日名称");
  EXPECT_FALSE(c.why.empty());
}

TEST(CorrectionList, ALaterRuleSeesWhatAnEarlierOneWroteAndBothAreTraced) {
  Table t = table_of({{"|科日名称"}});
  EXPECT_EQ(correct_table(t, all_read_by_ocr(t), cn_budget()), 2u);
  EXPECT_EQ(t.cells[0].text, "科目名称");
  ASSERT_EQ(t.corrections.size(), 2u);
  EXPECT_EQ(t.corrections[0].rule, "stray-mark");
  EXPECT_EQ(t.corrections[0].after, "科日名称");
  EXPECT_EQ(t.corrections[1].rule, "standard-label");
  EXPECT_EQ(t.corrections[1].before, "科日名称");
  EXPECT_EQ(t.corrections[1].after, "科目名称");
}

TEST(CorrectionList, ASubjectIsNotPutRightToOneWhoseCodeTheRowDoesNotPrint) {
  // 2100717 计划生育服务 is one character from 21007 计划生育事务, which the vocabulary holds.
  Table other = table_of({{"210", "07", "17", "计划生育服务"}});
  EXPECT_EQ(correct_table(other, all_read_by_ocr(other), cn_budget()), 0u);
  EXPECT_EQ(other.cells[3].text, "计划生育服务");
  // Beside its own code, or with no code at all, a misread is put right.
  Table own = table_of({{"21007", "计划生盲事务"}});
  correct_table(own, all_read_by_ocr(own), cn_budget());
  EXPECT_EQ(own.cells[1].text, "计划生育事务");
  Table bare = table_of({{"计划生育服务"}});
  correct_table(bare, all_read_by_ocr(bare), cn_budget());
  EXPECT_EQ(bare.cells[0].text, "计划生育事务");  // the vocabulary's gap shows here
}

TEST(CorrectionList, ListNumbersItRewritesAreTracedToo) {
  Table t = table_of(
      {{"一、工资福利支出"}, {"二、商品和服务支出"}, {"上、对个人和家庭的补助"}, {"四、资本性支出"}});
  EXPECT_EQ(correct_table(t, all_read_by_ocr(t), cn_budget()), 1u);
  ASSERT_EQ(t.corrections.size(), 1u);
  EXPECT_EQ(t.corrections[0].rule, "list-number");
  EXPECT_EQ(t.corrections[0].row, 2);
  EXPECT_EQ(t.corrections[0].after, "三、对个人和家庭的补助");
}

TEST(CorrectionList, TextLayerCellsAreNeverChanged) {
  // Row 2 was read by OCR (pasted as a picture); the others come from the text layer, and a text
  // layer's "科日名称" is what the document prints.
  Table t =
      table_of({{"科日名称"}, {"一、工资福利支出"}, {"上、商品和服务支出"}, {"三、对个人和家庭的补助"}});
  std::vector<char> by_ocr(t.cells.size(), 0);
  by_ocr[2] = 1;
  EXPECT_EQ(correct_table(t, by_ocr, cn_budget()), 1u);
  EXPECT_EQ(t.cells[0].text, "科日名称");
  EXPECT_EQ(t.cells[2].text, "二、商品和服务支出");  // its text-layer neighbours settle it
  ASSERT_EQ(t.corrections.size(), 1u);
  EXPECT_EQ(t.corrections[0].row, 2);

  Table printed = table_of({{"科日名称"}});
  EXPECT_EQ(correct_table(printed, std::vector<char>(1, 0), cn_budget()), 0u);
  EXPECT_EQ(correct_table(printed, {}, cn_budget()), 0u);
  EXPECT_EQ(printed.cells[0].text, "科日名称");
  EXPECT_TRUE(printed.corrections.empty());
}

TEST(CorrectionList, ARuleListOfOneRunsOnlyThatRule) {
  Table t = table_of({{"|科日名称"}});
  std::vector<CorrectionRule> marks_only;
  for (const auto& rule : correction_rules())
    if (rule.name == "stray-mark") marks_only.push_back(rule);
  EXPECT_EQ(correct_table(t, all_read_by_ocr(t), cn_budget(), marks_only), 1u);
  EXPECT_EQ(t.cells[0].text, "科日名称");
}

TEST(CorrectionList, TheNoteListsEveryChangeOfThePage) {
  Table t = table_of({{"|科日名称"}});
  correct_table(t, all_read_by_ocr(t), cn_budget());
  EXPECT_EQ(corrections_note({t}),
            "2 cells corrected (stray-mark: |科日名称 → 科日名称, standard-label: 科日名称 → 科目名称)");
  EXPECT_EQ(corrections_note({table_of({{"x"}})}), "");
}

}  // namespace
}  // namespace gridlift
