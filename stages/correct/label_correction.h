#pragma once
// Labels read by OCR checked against the standard labels of a domain profile (cn-budget's:
// the budget tables' vocabulary, profiles/cn-budget/labels.tsv).
// chi_sim misreads a Chinese character now and then for one of like shape (目→日, 算→恰, 资→贷,
// 基→其). A label a character or two from exactly one standard label, and as near to no other, is
// that label. Only characters for characters: a label of another length, or differing in a digit,
// a letter or a mark, or in two characters side by side (another word), is left as read.
// Tesseract's confidence in a character does not tell a misread one (科日名称: 日 at 0.99) from a
// department's own wording (项目名称: 项 at 0.99, not among its alternatives either), so the
// vocabulary holds the common labels one character from a standard one (项目名称 beside 科目名称).

#include <optional>
#include <string>

#include "models/domain_profile.h"

namespace gridlift {

//! `text` with its misread characters put right, if it is a misreading of exactly one standard
//! label: of the same length once spaces are dropped and parentheses made full-width, differing
//! only in Chinese characters, never two side by side, at most one in 3-7 characters, two in 8-11,
//! three in 12 or more. A list number before the label ("十五、", "（一）") is not compared and
//! stays as read. A subject of the classification (a label with a code) is written as the standard
//! spells it, with full-width parentheses and no spaces, also when only that differs from the
//! reading; in a label without a code, spaces and parentheses stay as read. Of two labels as near,
//! the one whose every differing character is a look-alike of the one read (look_alike(): 年未 is
//! 年末, not 年初) is taken if only one is.
//! nullopt when nothing is to change or no label, or more than one, fits.
std::optional<std::string> standard_label_for(const std::string& text, const DomainProfile& profile);

}  // namespace gridlift
