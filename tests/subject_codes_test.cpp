// Codes and names of the classification's subjects, read by OCR, vouching for each other.

#include "stages/correct/subject_codes.h"

#include <gtest/gtest.h>

#include "tests/table_builders.h"
#include "tests/test_profile.h"

namespace gridlift {
namespace {

using testing::table_of;

// Confidences as OCR gives them: codes (column 0) read at `code_confidence`, the rest surely.
Table read_table(const std::vector<std::vector<std::string>>& rows, double code_confidence) {
  Table t = table_of(rows);
  for (auto& c : t.cells) c.confidence = c.col == 0 ? code_confidence : 0.9;
  return t;
}

TEST(SubjectCodes, ANameReadRightPutsADigitOfItsCodeRight) {
  Table t = read_table({{"30112", "住房公积金", "12.00"}, {"30101", "基本工资", "3.00"}}, 0.8);
  EXPECT_EQ(mend_subjects_by_code(t, cn_budget()), 1);
  EXPECT_EQ(t.cells[0].text, "30113");  // 30112 is 其他社会保障缴费: a light 3 read 2
  EXPECT_EQ(t.cells[3].text, "30101");  // code and name agree
}

TEST(SubjectCodes, ACodeReadSurelyIsNotOverruled) {
  Table t = read_table({{"30112", "住房公积金"}}, 0.97);
  EXPECT_EQ(mend_subjects_by_code(t, cn_budget()), 0);
  EXPECT_EQ(t.cells[0].text, "30112");
}

TEST(SubjectCodes, ACodeReadRightPutsAMarkInItsNameRight) {
  Table t = read_table(
      {{"20103", "政府办公厅“(室) 及相关机构事务"}, {"20103", "政府办公厅 ((室) 及相关机构事务"}}, 0.99);
  EXPECT_EQ(mend_subjects_by_code(t, cn_budget()), 2);
  EXPECT_EQ(t.cells[1].text, "政府办公厅（室）及相关机构事务");
  EXPECT_EQ(t.cells[3].text, "政府办公厅（室）及相关机构事务");
}

TEST(SubjectCodes, ADepartmentsOwnWordingStays) {
  // The standard has 机关事业单位基本养老保险缴费; a department that prints 保险费 is not misread.
  Table t = read_table({{"30108", "机关事业单位基本养老保险费"}, {"30101", "基本二资产"}}, 0.99);
  EXPECT_EQ(mend_subjects_by_code(t, cn_budget()), 0);  // nor is a name two edits from 基本工资
  EXPECT_EQ(t.cells[1].text, "机关事业单位基本养老保险费");
}

}  // namespace
}  // namespace gridlift
