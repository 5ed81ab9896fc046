#include "stages/correct/ocr_marks.h"

#include <string_view>
#include <vector>

#include "models/number_text.h"
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
  // A wide "（" read as two marks, an angle or lenticular bracket and a parenthesis ("《(室)").
  for (size_t i = 0; i + 1 < cps.size(); ++i)
    if ((cps[i] == U'《' || cps[i] == U'【' || cps[i] == U'〈') &&
        (cps[i + 1] == U'(' || cps[i + 1] == U'（'))
      cps.erase(i, 1);
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

std::string mend_number_spacing(const std::string& text) {
  const size_t first = text.find_first_not_of(' '), last = text.find_last_not_of(' ');
  if (first == std::string::npos) return text;
  const std::string body = text.substr(first, last - first + 1);
  if (body.find(' ') == std::string::npos || body.find_first_not_of("0123456789.,- ") != std::string::npos)
    return text;
  auto is_digit = [](char c) { return c >= '0' && c <= '9'; };
  std::string out;
  for (size_t i = 0; i < body.size(); ++i) {
    if (body[i] != ' ') {
      out += body[i];
      continue;
    }
    size_t next = i;
    while (next < body.size() && body[next] == ' ') ++next;
    if (out.empty() || !is_digit(out.back()) || !is_digit(body[next])) {
      i = next - 1;  // beside a mark: the mark's own spacing
      continue;
    }
    size_t before = 0, after = 0;
    while (before < out.size() && is_digit(out[out.size() - 1 - before])) ++before;
    while (next + after < body.size() && is_digit(body[next + after])) ++after;
    const bool group_starts = before >= 1 && before <= 3 && after == 3 &&
                              (next + after == body.size() || body[next + after] == ',' ||
                               body[next + after] == '.' || body[next + after] == ' ');
    if (!group_starts) return text;
    out += ',';
    i = next - 1;
  }
  return well_formed_number(out) ? out : text;
}

std::string mend_bracket_spacing(const std::string& text) {
  const std::u32string cps = code_points(text);
  auto bracket = [](char32_t c) { return c == U'(' || c == U')'; };
  std::u32string out;
  for (size_t i = 0; i < cps.size(); ++i) {
    const bool between = is_space(cps[i]) && i > 0 && i + 1 < cps.size();
    if (between &&
        ((bracket(cps[i - 1]) && is_cjk(cps[i + 1])) || (is_cjk(cps[i - 1]) && bracket(cps[i + 1]))))
      continue;
    out += cps[i];
  }
  return to_utf8(out);
}

std::string mend_ocr_marks(const std::string& text) {
  return drop_stray_end_marks(
      mend_bracket_spacing(mend_number_spacing(mend_bracket_pairs(mend_dashes_read_for_yi(text)))));
}

}  // namespace gridlift
