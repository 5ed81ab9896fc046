#include "stages/correct/look_alike_characters.h"

#include <array>
#include <string_view>

namespace gridlift {
namespace {

// Groups of characters that differ by a stroke, a dot or the length of a stroke, as lists of
// 形近字 pair them; chi_sim's own slips on report labels are of this kind (目→日, 支→文, 基→其).
constexpr std::array<std::u32string_view, 39> kGroups = {
    U"末未",   U"日目曰",   U"己已巳", U"人入八", U"土士", U"千干于", U"天夭",   U"王玉主",
    U"大太犬", U"田由甲申", U"贝见",   U"刀力",   U"午牛", U"侯候",   U"戊戌戍", U"免兔",
    U"折拆",   U"冶治",     U"券卷",   U"拔拨",   U"今令", U"休体",   U"乌鸟",   U"历厉",
    U"即既",   U"货贷资",   U"基其",   U"支文",   U"项顶", U"合台",   U"母毋",   U"未朱",
    U"办为",   U"儿几",     U"厂广",   U"准淮",   U"持特", U"纺统",   U"屈届属",
};

}  // namespace

bool look_alike(char32_t a, char32_t b) {
  if (a == b) return false;
  for (std::u32string_view group : kGroups)
    if (group.find(a) != std::u32string_view::npos && group.find(b) != std::u32string_view::npos) return true;
  return false;
}

}  // namespace gridlift
