#pragma once
// What gridlift knows of the documents of one field, as data: the words their tables are made of
// (to put a misread label right by), the words that make a row or column a total, the shape of
// their subject codes, and the languages their text is in. A profile is a folder of data files
// (profiles/NAME/profile.json and the files it names), loaded once at start
// (pipeline/domain_profiles.h) and handed to the stages that use it; nothing of a field is
// compiled into them. cn-budget, the default, is the Chinese budget and final-account reports;
// generic knows no field at all.

#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace gridlift {

//! A standard label of the field's tables; `code` is its subject code ("201", "2010301"), or "".
struct ProfileLabel {
  std::string code;
  std::string name;
};

//! The standard labels indexed every way the rules and checks look them up; names as
//! comparable_label() makes them.
struct LabelIndex {
  std::map<std::string, std::set<std::u32string>> names_of_code;
  std::map<std::u32string, std::set<std::string>> codes_of_subject;
  std::set<std::u32string> labels;  //!< every standard label, subjects or not
  //! By length; each marked true if it is a subject (a label with a code).
  std::map<size_t, std::map<std::u32string, bool>> by_length;
};

//! The 项 every section of a classification opens with under the same number (2010101 and
//! 2080101 both 行政运行): a code of DomainProfile::item_code_digits digits starting with
//! DomainProfile::item_code_prefix, whose last two digits are `number`, names `name`.
struct NumberedItem {
  std::string number;
  std::string name;
};

struct DomainProfile {
  std::string name;         //!< "cn-budget"
  std::string description;  //!< one sentence, for --help and the result
  std::string folder;       //!< where it was loaded from

  //! Tesseract language packs: for words, and for cells of digits.
  std::string text_language;
  std::string number_language;

  std::vector<ProfileLabel> labels;
  LabelIndex index;  //!< of `labels`, made by index_labels()

  //! A row whose label contains one of these is the grand total of the rows above it.
  std::vector<std::string> row_total_words;
  //! In a numbered list of labels, a row whose label contains one of these sums the list's items.
  std::vector<std::string> list_total_words;
  //! A header cell reading exactly one of these heads the sum of its sibling columns.
  std::vector<std::string> column_total_words;
  //! A header cell reading exactly one of these stands for its parent group's columns.
  std::vector<std::string> subtotal_words;

  //! How many digits a subject code has at each level (3, 5, 7: 类, 款, 项); empty: the field has
  //! no subject codes, and no column is read as one.
  std::vector<size_t> subject_code_digits;
  //! A code ending in 99 whose name starts with this is the "other" subject of its level ("其他").
  std::string other_subject_prefix;
  //! Items numbered alike under every section, for codes of `item_code_digits` digits starting
  //! with `item_code_prefix`.
  std::vector<NumberedItem> numbered_items;
  size_t item_code_digits = 0;
  std::string item_code_prefix;

  //! Whether `text` has the shape of one of the field's subject codes: all digits, of a level's length.
  bool is_subject_code(const std::string& text) const;
};

//! Fills profile.index from profile.labels.
void index_labels(DomainProfile& profile);

//! A label as labels are compared: spaces dropped, parentheses made full-width.
std::u32string comparable_label(std::string_view text);

//! Whether `text` contains one of `words`.
bool contains_any(const std::string& text, const std::vector<std::string>& words);

//! Whether `text` is one of `words`.
bool is_one_of(const std::string& text, const std::vector<std::string>& words);

}  // namespace gridlift
