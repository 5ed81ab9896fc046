// OCR'd labels put right by the standard vocabulary of budget tables.

#include "stages/correct/label_correction.h"
#include "tests/test_profile.h"

#include <gtest/gtest.h>

namespace gridlift {
namespace {

std::optional<std::string> fix(const std::string& text) {
  return standard_label_for(text, cn_budget());
}

TEST(LabelCorrection, MisreadCharactersOfOneStandardLabelArePutRight) {
  EXPECT_EQ(fix("科日名称"), "科目名称");
  EXPECT_EQ(fix("决恰数"), "决算数");
  EXPECT_EQ(fix("十五、商业服务业守支出"), "十五、商业服务业等支出");  // list number kept
  EXPECT_EQ(fix("（一）其本工资"), "（一）基本工资");
  EXPECT_EQ(fix("国有贷本经营颅算财政拨款"), "国有资本经营预算财政拨款");  // two in twelve
  // A table label's spaces and half-width parentheses stay as read.
  EXPECT_EQ(fix("因公出国 (填) 费"), "因公出国 (境) 费");
}

TEST(LabelCorrection, ASubjectIsSpelledAsTheClassificationSpellsIt) {
  EXPECT_EQ(fix("因公出国 (填) 费用"), "因公出国（境）费用");  // subject 30212
  EXPECT_EQ(fix("维修 (护) 费"), "维修（护）费");              // read right but for the parentheses' width
  EXPECT_EQ(fix("（二）维修(护)费"), "（二）维修（护）费");    // the list number as read
  EXPECT_EQ(fix("因公出国 (境) 费"), std::nullopt);            // a table label: as the department typed it
}

TEST(LabelCorrection, OfTwoLabelsAsNearTheLookAlikeWins) {
  EXPECT_EQ(fix("年未结转和结余"), "年末结转和结余");  // 未 is 末 but a stroke; 初 is nothing like it
  EXPECT_EQ(fix("其本支出"), "基本支出");              // 其 in 基, against 本 for 他
}

TEST(LabelCorrection, WhatIsNotSurelyOneLabelIsLeftAsRead) {
  EXPECT_EQ(fix("科目名称"), std::nullopt);  // already standard
  EXPECT_EQ(fix("项目名称"), std::nullopt);  // standard too, one character from 科目名称
  // As near to 年初结转和结余 as to 年末结转和结余, and neither 初 nor 末 looks like 水.
  EXPECT_EQ(fix("年水结转和结余"), std::nullopt);
  // Two characters side by side are another word; another length is another label.
  EXPECT_EQ(fix("对附属部门补助支出"), std::nullopt);
  EXPECT_EQ(fix("其他交通费"), std::nullopt);
  // Differences in digits, letters or marks are not a character misread for another.
  EXPECT_EQ(fix("科目名称1"), std::nullopt);
  EXPECT_EQ(fix("53%"), std::nullopt);
  // Too short to tell a slip from another word; nothing to go on.
  EXPECT_EQ(fix("台计"), std::nullopt);
  EXPECT_EQ(fix(""), std::nullopt);
}

}  // namespace
}  // namespace gridlift
