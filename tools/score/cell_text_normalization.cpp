#include "tools/score/cell_text_normalization.h"

#include <regex>
#include <vector>

#include "models/unicode.h"

namespace gridlift {

std::string normalize_cell_text(const std::string& text) {
  std::vector<char32_t> cps;
  for (size_t i = 0; i < text.size();) {
    char32_t cp = to_half_width(next_code_point(text, i));
    if (is_space(cp)) cp = U' ';
    if (cp == U' ' && (cps.empty() || cps.back() == U' ')) continue;
    cps.push_back(cp);
  }
  while (!cps.empty() && cps.back() == U' ') cps.pop_back();
  std::string out;
  for (size_t k = 0; k < cps.size(); ++k) {
    if (cps[k] == U' ' && k > 0 && k + 1 < cps.size() && (is_cjk(cps[k - 1]) || is_cjk(cps[k + 1]))) continue;
    append_utf8(out, cps[k]);
  }
  return out;
}

bool is_numeric_text(const std::string& normalized) {
  static const std::regex kNumber(R"(^[-+]?\(?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?\)?%?$)");
  return std::regex_match(normalized, kNumber);
}

}  // namespace gridlift
