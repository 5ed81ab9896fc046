// The joining rules of the result format.

#include <gtest/gtest.h>

#include "stages/read/text_blocks.h"
#include "stages/read/text_lines.h"

namespace gridlift {
namespace {

// One glyph per line, stacked top to bottom as a narrow column prints them.
TextChars stacked(const std::vector<std::string>& glyphs, double x = 100, double size = 9) {
  TextChars chars;
  double y = 100;
  for (const auto& g : glyphs) {
    chars.push_back({g, {x, y, x + size * 0.55, y + size}, TextDirection::kUpright, size, false, ""});
    y += size * 1.3;
  }
  return chars;
}

TextChars line_of(const std::vector<std::string>& glyphs, double y, double advance = 5, double size = 9) {
  TextChars chars;
  double x = 100;
  for (const auto& g : glyphs) {
    chars.push_back({g, {x, y, x + advance, y + size}, TextDirection::kUpright, size, false, ""});
    x += advance;
  }
  return chars;
}

std::string read(const TextChars& chars) {
  std::vector<const TextChar*> refs;
  for (const auto& c : chars) refs.push_back(&c);
  return read_text(refs);
}

TEST(JoinRules, StackedDigitsFormOneNumber) {
  EXPECT_EQ(read(stacked({"6", "4", "3", ".", "9", "5"})), "643.95");
}

TEST(JoinRules, StackedHanziFormOneWord) {
  EXPECT_EQ(read(stacked({"全", "年", "执", "行", "数"})), "全年执行数");
}

TEST(JoinRules, NumberBrokenAcrossLinesInAnyChunksJoins) {
  auto chars = line_of({"1", ",", "2"}, 100);
  auto more = line_of({"3", "4", ".", "5"}, 112);
  chars.insert(chars.end(), more.begin(), more.end());
  EXPECT_EQ(read(chars), "1,234.5");
}

TEST(JoinRules, WrappedChineseJoinsWithoutSpace) {
  auto chars = line_of({"一", "般", "公", "共"}, 100, 9);
  auto more = line_of({"预", "算"}, 112, 9);
  chars.insert(chars.end(), more.begin(), more.end());
  EXPECT_EQ(read(chars), "一般公共预算");
}

TEST(JoinRules, WrappedLatinWordsJoinWithSpace) {
  auto chars = line_of({"B", "l", "o", "o", "d"}, 100);
  auto more = line_of({"S", "u", "g", "a", "r"}, 112);
  chars.insert(chars.end(), more.begin(), more.end());
  EXPECT_EQ(read(chars), "Blood Sugar");
}

TEST(JoinRules, WordBreakInsideALineBecomesASpace) {
  auto chars = line_of({"N", "o", "."}, 100);
  chars.back().space_after = true;
  auto second = line_of({"o", "f"}, 100);
  for (auto& c : second) c.box.x0 += 20, c.box.x1 += 20;
  chars.insert(chars.end(), second.begin(), second.end());
  EXPECT_EQ(read(chars), "No. of");
}

TEST(JoinRules, LinesComeTopToBottomWhateverTheInputOrder) {
  auto top = line_of({"a", "b"}, 100);
  auto bottom = line_of({"c", "d"}, 112);
  TextChars chars = bottom;
  chars.insert(chars.end(), top.begin(), top.end());
  EXPECT_EQ(read(chars), "ab cd");
}

TEST(JoinRules, JoinLinesRules) {
  EXPECT_EQ(join_lines({"收入", "合计"}), "收入合计");
  EXPECT_EQ(join_lines({"Knowledge &", "Practices"}), "Knowledge & Practices");
  EXPECT_EQ(join_lines({"2023", "年度"}), "2023年度");
  EXPECT_EQ(join_lines({"12.", "5%"}), "12.5%");
  EXPECT_EQ(join_lines({}), "");
}

}  // namespace
}  // namespace gridlift

namespace gridlift {
namespace {

TextLine make_line(double x0, double x1, double y0, const std::string& text) {
  TextLine line;
  line.box = {x0, y0, x1, y0 + 10};
  line.text = text;
  return line;
}

TEST(TextBlocks, ParagraphsSplitAtShortLinesAndIndents) {
  std::vector<TextLine> lines = {
      make_line(100, 500, 100, "第一段第一行"), make_line(100, 300, 112, "第一段末行"),  // ends short
      make_line(120, 500, 124, "第二段首行"),                                            // indented
      make_line(100, 500, 136, "第二段次行"),   make_line(100, 500, 148, "第二段末行"),
      make_line(100, 200, 200, "单位：万元"),  // far below
  };
  auto blocks = build_blocks(lines);
  ASSERT_EQ(blocks.size(), 3u);
  EXPECT_EQ(blocks[0].text, "第一段第一行第一段末行");
  EXPECT_EQ(blocks[1].text, "第二段首行第二段次行第二段末行");
  EXPECT_EQ(blocks[2].text, "单位：万元");
}

}  // namespace
}  // namespace gridlift

namespace gridlift {
namespace {

TEST(TextBlocks, ShortLineAboveALongerOneIsItsOwnBlock) {
  auto blocks =
      build_blocks({make_line(100, 160, 100, "公开 01 表"), make_line(100, 400, 112, "部门：某某局")});
  EXPECT_EQ(blocks.size(), 2u);
}

}  // namespace
}  // namespace gridlift
