#include "stages/read/subject_vocabulary.h"

#include "stages/read/standard_labels.h"

namespace gridlift {

const SubjectVocabulary& subject_vocabulary() {
  static const SubjectVocabulary* const v = [] {
    auto* out = new SubjectVocabulary;
    for (const auto& label : standard_labels()) {
      const std::u32string name = comparable_label(label.name);
      out->labels.insert(name);
      if (label.code.empty()) continue;
      out->names_of_code[std::string(label.code)].insert(name);
      out->codes_of_subject[name].insert(std::string(label.code));
    }
    return out;
  }();
  return *v;
}

}  // namespace gridlift
