#pragma once
// The words budget tables are made of, as the national standards spell them: the subjects of the
// Government Revenue and Expenditure Classification (政府收支分类科目) that department reports use,
// and the row and column labels of the Ministry of Finance's disclosure tables (部门决算/部门预算
// 公开表). Every department of every level prints its tables from these, so a label OCR misread by
// one character is most likely one of them (see label_correction.h).

#include <span>
#include <string>
#include <string_view>

namespace gridlift {

struct StandardLabel {
  std::string_view code;  //!< the subject's code ("201", "2010301", "30212"); "" for table labels
  std::string_view name;
};

//! Subjects by code (some codes twice: names the standard changed over the years), then table
//! labels without a code.
std::span<const StandardLabel> standard_labels();

//! A label as labels are compared: spaces dropped, parentheses made full-width.
std::u32string comparable_label(std::string_view text);

//! Whether `text` has the shape of a subject's code: 3, 5 or 7 digits (类, 款, 项).
bool is_subject_code(const std::string& text);

}  // namespace gridlift
