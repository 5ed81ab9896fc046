#include "models/domain_profile.h"

#include <algorithm>

#include "models/unicode.h"

namespace gridlift {

bool DomainProfile::is_subject_code(const std::string& text) const {
  return std::find(subject_code_digits.begin(), subject_code_digits.end(), text.size()) !=
             subject_code_digits.end() &&
         is_ascii_digits(text);
}

void index_labels(DomainProfile& profile) {
  LabelIndex index;
  for (const ProfileLabel& label : profile.labels) {
    std::u32string name = comparable_label(label.name);
    index.labels.insert(name);
    bool& subject = index.by_length[name.size()][name];
    subject = subject || !label.code.empty();
    if (label.code.empty()) continue;
    index.names_of_code[label.code].insert(name);
    index.codes_of_subject[name].insert(label.code);
  }
  profile.index = std::move(index);
}

std::u32string comparable_label(std::string_view text) {
  std::u32string out;
  for (char32_t cp : code_points(text))
    if (!is_space(cp)) out.push_back(cp == U'(' ? U'（' : cp == U')' ? U'）' : cp);
  return out;
}

bool contains_any(const std::string& text, const std::vector<std::string>& words) {
  return std::any_of(words.begin(), words.end(),
                     [&](const std::string& word) { return text.find(word) != std::string::npos; });
}

bool is_one_of(const std::string& text, const std::vector<std::string>& words) {
  return std::find(words.begin(), words.end(), text) != words.end();
}

}  // namespace gridlift
