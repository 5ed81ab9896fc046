// List numbers of OCR'd labels mended from the list they belong to.

#include "stages/correct/list_numbers.h"

#include <gtest/gtest.h>

#include "models/unicode.h"
#include "tests/table_builders.h"

namespace gridlift {
namespace {

using testing::table_of;

std::vector<std::string> column(const Table& t, int col) {
  std::vector<std::string> out;
  for (const auto& c : t.cells)
    if (c.col == col) out.push_back(c.text);
  return out;
}

TEST(ListNumbers, ChineseNumeralsBothWays) {
  EXPECT_EQ(chinese_numeral_value(U"四"), 4);
  EXPECT_EQ(chinese_numeral_value(U"十"), 10);
  EXPECT_EQ(chinese_numeral_value(U"十一"), 11);
  EXPECT_EQ(chinese_numeral_value(U"二十"), 20);
  EXPECT_EQ(chinese_numeral_value(U"二十六"), 26);
  EXPECT_EQ(chinese_numeral_value(U"一十五"), 0);  // a 二十五 that lost a stroke
  EXPECT_EQ(chinese_numeral_value(U"上七"), 0);
  EXPECT_EQ(chinese_numeral_value(U"二二一"), 0);
  EXPECT_EQ(chinese_numeral_value(U"-"), 0);
  EXPECT_EQ(chinese_numeral_value(U"十十"), 0);
  EXPECT_EQ(chinese_numeral_value(U"十五"), 15);
  for (int v = 1; v <= 99; ++v) {
    const std::string s = chinese_numeral(v);
    EXPECT_EQ(chinese_numeral_value(code_points(s)), v) << s;
  }
  EXPECT_EQ(chinese_numeral(25), "二十五");
  EXPECT_EQ(chinese_numeral(10), "十");
}

TEST(ListNumbers, ArabicNumbersAreAListALevelDown) {
  Table t = table_of({{"一、财政拨款收入"},
                      {"1、一般公共预算资金"},
                      {"2、政府性基金"},
                      {"3、国有资本经营预算"},
                      {"二、事业收入"},
                      {"三、事业单位经营收入"},
                      {"四、其他收入"}});
  EXPECT_EQ(mend_list_numbers(t), 0);
  EXPECT_EQ(t.cells[3].text, "3、国有资本经营预算");
}

TEST(ListNumbers, MisreadNumbersBetweenWellReadOnesAreMended) {
  Table t = table_of({{"-、一般公共服务支出", "1.00"},
                      {"-、外交支出", ""},
                      {"三、国防支出", ""},
                      {"四、公共安全支出", ""},
                      {"其中：基本支出", ""},  // not an item: skipped, not counted
                      {"鸭、教育支出", ""},
                      {"“科学技术支出", ""},
                      {"七、文化旅游体育与传媒支出", ""},
                      {"八、社会保障和就业支出", ""},
                      {"二、卫生健康支出", ""},  // 九 read as 二
                      {"十、节能环保支出", ""},
                      {"上一、城乡社区支出", ""}});
  EXPECT_EQ(mend_list_numbers(t), 6);
  EXPECT_EQ(column(t, 0),
            (std::vector<std::string>{
                "一、一般公共服务支出", "二、外交支出", "三、国防支出", "四、公共安全支出", "其中：基本支出",
                "五、教育支出", "六、科学技术支出", "七、文化旅游体育与传媒支出", "八、社会保障和就业支出",
                "九、卫生健康支出", "十、节能环保支出", "十一、城乡社区支出"}));
  EXPECT_EQ(column(t, 1)[0], "1.00");
}

TEST(ListNumbers, TwoMisreadsOffByOneTheSameWayDoNotAnchorEachOther) {
  std::vector<std::vector<std::string>> rows;
  for (int v = 1; v <= 14; ++v) rows.push_back({chinese_numeral(v) + "、支出"});
  rows[2][0] = "二、支出";     // 三 read 二
  rows[12][0] = "十二、支出";  // 十三 read 十二: the same difference of number and place as the first
  Table t = table_of(rows);
  EXPECT_EQ(mend_list_numbers(t), 2);
  EXPECT_EQ(column(t, 0)[2], "三、支出");
  EXPECT_EQ(column(t, 0)[12], "十三、支出");
}

TEST(ListNumbers, AnItemWhoseNumeralWasLostBeforeItsCommaIsNumbered) {
  Table t = table_of({{"一、甲"}, {"二、乙"}, {"、丙"}, {"四、丁"}});
  EXPECT_EQ(mend_list_numbers(t), 1);
  EXPECT_EQ(column(t, 0)[2], "三、丙");
}

TEST(ListNumbers, AListContinuedFromAnEarlierPageKeepsItsNumbers) {
  Table t = table_of({{"上七、援助其他地区支出"},
                      {"十八、自然资源海洋气象等支出"},
                      {"上人九、住房保障支出"},
                      {"二个、粮油物资储备支出"},
                      {"二十一、国有资本经营预算支出"}});
  EXPECT_EQ(mend_list_numbers(t), 3);
  EXPECT_EQ(column(t, 0), (std::vector<std::string>{"十七、援助其他地区支出", "十八、自然资源海洋气象等支出",
                                                    "十九、住房保障支出", "二十、粮油物资储备支出",
                                                    "二十一、国有资本经营预算支出"}));
}

TEST(ListNumbers, WhatTheListDoesNotSettleIsLeftAsRead) {
  // Two lists in one column: the item between them belongs to neither for sure.
  Table two = table_of({{"一、甲"}, {"二、乙"}, {"X、丙"}, {"一、丁"}, {"二、戊"}});
  EXPECT_EQ(mend_list_numbers(two), 0);
  // A lone misread number with nothing well read near it.
  Table lone = table_of({{"上、甲"}, {"合计"}});
  EXPECT_EQ(mend_list_numbers(lone), 0);
  // Labels with a comma of their own, and a label quoted on purpose, not in a numbered list.
  Table plain = table_of({{"水、电费"}, {"“三公”经费"}, {"差旅费"}});
  EXPECT_EQ(mend_list_numbers(plain), 0);
  // Too far past the last well-read numbers to continue the list.
  Table far = table_of({{"一、甲"}, {"二、乙"}, {"X、丙"}, {"X、丁"}, {"X、戊"}, {"X、己"}});
  EXPECT_EQ(mend_list_numbers(far), 3);
  EXPECT_EQ(column(far, 0)[5], "X、己");
  // An item whose number and comma were lost ("去“…") ends what the list can count on; a number
  // read well but out of step is not overwritten from one side.
  Table lost = table_of({{"一、甲"}, {"二、乙"}, {"去“丙"}, {"“丁"}, {"五、戊"}});
  EXPECT_EQ(mend_list_numbers(lost), 0);
}

}  // namespace
}  // namespace gridlift
