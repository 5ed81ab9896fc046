#pragma once
// The standard vocabulary (standard_labels.h) indexed both ways, for the rules and checks that
// hold a subject's printed code and name against each other.

#include <map>
#include <set>
#include <string>

namespace gridlift {

struct SubjectVocabulary {
  //! Names as comparable_label() makes them.
  std::map<std::string, std::set<std::u32string>> names_of_code;
  std::map<std::u32string, std::set<std::string>> codes_of_subject;
  std::set<std::u32string> labels;  //!< every standard label, subjects or not
};

//! Built once, on first use.
const SubjectVocabulary& subject_vocabulary();

}  // namespace gridlift
