#include "stages/correct/ocr_marks.h"

#include <string_view>
#include <vector>

#include "models/unicode.h"

namespace gridlift {

std::string mend_dashes_read_for_yi(const std::string& text) {
  std::u32string cps = code_points(text);
  auto is_dash = [](char32_t c) { return c == U'-' || c == U'—' || c == U'―' || c == U'－'; };
  std::vector<char> mended(cps.size(), 0);
  for (size_t i = 0; i < cps.size(); ++i) {
    if (!is_dash(cps[i]) || i + 1 == cps.size()) continue;
    const bool before_fits =
        i == 0 || is_space(cps[i - 1]) || cps[i - 1] == U'、' || cps[i - 1] == U'（' || cps[i - 1] == U'(';
    const bool in_brackets =
        i > 0 && (cps[i - 1] == U'(' || cps[i - 1] == U'（') && (cps[i + 1] == U')' || cps[i + 1] == U'）');
    if ((before_fits && (is_han(cps[i + 1]) || cps[i + 1] == U'、')) || in_brackets) {
      cps[i] = U'一';
      mended[i] = 1;
    }
  }
  // chi_sim spaces CJK characters out and the cell's tidying drops those spaces (tidy_ocr_text()),
  // but a dash was not CJK when it ran: the space between a mended 一 and a CJK neighbour goes too.
  std::u32string out;
  for (size_t i = 0; i < cps.size(); ++i) {
    const bool between = is_space(cps[i]) && i > 0 && i + 1 < cps.size();
    if (between && is_cjk(cps[i - 1]) && is_cjk(cps[i + 1]) && (mended[i - 1] || mended[i + 1])) continue;
    out += cps[i];
  }
  return to_utf8(out);
}

std::string mend_bracket_pairs(const std::string& text) {
  std::u32string cps = code_points(text);
  auto opens = [](char32_t c) { return c == U'(' || c == U'（' || c == U'〈'; };
  auto closes = [](char32_t c) { return c == U')' || c == U'）' || c == U'〉'; };
  for (size_t i = 0; i < cps.size(); ++i) {
    if (!opens(cps[i])) continue;
    size_t j = i + 1;
    while (j < cps.size() && !opens(cps[j]) && !closes(cps[j])) ++j;
    if (j == cps.size() || !closes(cps[j])) continue;
    char32_t &open = cps[i], &close = cps[j];
    if (open == U'〈' && close == U')') open = U'(';
    if (open == U'〈' && close == U'）') open = U'（';
    if (close == U'〉' && open == U'(') close = U')';
    if (close == U'〉' && open == U'（') close = U'）';
    i = j;
  }
  return to_utf8(cps);
}

std::string drop_stray_end_marks(const std::string& text) {
  std::u32string cps = code_points(text);
  auto trim = [&] {
    while (!cps.empty() && is_space(cps.front())) cps.erase(cps.begin());
    while (!cps.empty() && is_space(cps.back())) cps.pop_back();
  };
  auto first_after = [&](size_t i) {
    while (i < cps.size() && is_space(cps[i])) ++i;
    return i;
  };
  constexpr std::u32string_view kBeforeChinese = U".:,·'`，。：";
  trim();
  while (cps.size() > 1) {
    const size_t next = first_after(1);
    const bool stray =
        cps.front() == U'|' || (kBeforeChinese.find(cps.front()) != std::u32string_view::npos &&
                                next < cps.size() && is_han(cps[next]));
    if (!stray) break;
    cps.erase(0, next);
  }
  while (cps.size() > 1 && cps.back() == U'|') {
    cps.pop_back();
    trim();
  }
  return to_utf8(cps);
}

std::string mend_ocr_marks(const std::string& text) {
  return drop_stray_end_marks(mend_bracket_pairs(mend_dashes_read_for_yi(text)));
}

}  // namespace gridlift
