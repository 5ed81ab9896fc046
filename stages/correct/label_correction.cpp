#include "stages/correct/label_correction.h"

#include <map>
#include <set>
#include <string_view>
#include <vector>

#include "models/unicode.h"
#include "stages/correct/look_alike_characters.h"

namespace gridlift {
namespace {

constexpr std::u32string_view kListNumerals = U"一二三四五六七八九十";

char32_t full_width_parenthesis(char32_t cp) {
  return cp == U'(' ? U'（' : cp == U')' ? U'）' : cp;
}

// The length of a list number at the start of `cps`: "十五、", "（一）", "(二)"; 0 if none.
size_t list_number_length(std::u32string_view cps) {
  size_t n = 0;
  const bool bracketed = !cps.empty() && (cps[0] == U'（' || cps[0] == U'(');
  if (bracketed) ++n;
  const size_t digits = n;
  while (n < cps.size() && kListNumerals.find(cps[n]) != std::u32string_view::npos) ++n;
  if (n == digits || n == cps.size()) return 0;
  if (bracketed) return cps[n] == U'）' || cps[n] == U')' ? n + 1 : 0;
  return cps[n] == U'、' ? n + 1 : 0;
}

int allowed_slips(size_t length) {
  if (length < 3) return 0;
  if (length <= 7) return 1;
  if (length <= 11) return 2;
  return 3;
}

// How many characters `read` differs from `label` in (same length), or -1 if it differs anywhere
// but in Chinese characters, in more than `limit`, or in two side by side: that is another word
// (附属部门 for 附属单位), not two misreads.
int slips(const std::u32string& read, const std::u32string& label, int limit) {
  int n = 0;
  for (size_t i = 0; i < read.size(); ++i) {
    if (read[i] == label[i]) continue;
    if (!is_han(read[i]) || !is_han(label[i]) || ++n > limit) return -1;
    if (i > 0 && read[i - 1] != label[i - 1]) return -1;
  }
  return n;
}

}  // namespace

std::optional<std::string> standard_label_for(const std::string& text, const DomainProfile& profile) {
  const std::u32string cps = code_points(text);
  std::vector<size_t> at;  // where the characters but white space are
  for (size_t i = 0; i < cps.size(); ++i)
    if (!is_space(cps[i])) at.push_back(i);
  std::u32string solid;
  for (size_t i : at) solid.push_back(full_width_parenthesis(cps[i]));
  const size_t number = list_number_length(solid);
  const std::u32string body = solid.substr(number);
  const int limit = allowed_slips(body.size());
  const auto& by_length = profile.index.by_length;
  const auto same_length = by_length.find(body.size());
  if (limit == 0 || same_length == by_length.end()) return std::nullopt;
  // A subject's name comes into a report from the classification's code table, with its full-width
  // parentheses; whether a parenthesis was printed full- or half-width the pixels do not tell (the
  // wide one's empty half reads as a space beside a narrow one). Labels without a code are typed by
  // the department, as it pleases ("因公出国 (境) 费" in the seeds' 三公 tables): left as read.
  auto as_subject_spells_it = [&](const std::u32string& label) {
    return to_utf8(cps.substr(0, number > 0 ? at[number] : 0) + label);
  };
  if (const auto exact = same_length->second.find(body); exact != same_length->second.end()) {
    if (!exact->second) return std::nullopt;
    std::string spelled = as_subject_spells_it(body);
    return spelled == text ? std::nullopt : std::optional(std::move(spelled));
  }

  std::vector<const std::u32string*> nearest;
  int nearest_slips = limit + 1;
  for (const auto& [label, subject] : same_length->second) {
    const int n = slips(body, label, limit);
    if (n < 0 || n > nearest_slips) continue;
    if (n < nearest_slips) nearest.clear();
    nearest_slips = n;
    nearest.push_back(&label);
  }
  // As near to two: the one whose every slip is a look-alike of what was read, if only one is.
  if (nearest.size() > 1)
    std::erase_if(nearest, [&](const std::u32string* label) {
      for (size_t j = 0; j < body.size(); ++j)
        if (body[j] != (*label)[j] && !look_alike(body[j], (*label)[j])) return true;
      return false;
    });
  if (nearest.size() != 1) return std::nullopt;
  const std::u32string& label = *nearest.front();
  if (same_length->second.at(label)) return as_subject_spells_it(label);
  std::u32string written = cps;
  for (size_t j = 0; j < body.size(); ++j)
    if (body[j] != label[j]) written[at[number + j]] = label[j];
  return to_utf8(written);
}

}  // namespace gridlift
