#pragma once
// How the scorer decides that two cell texts say the same thing.

#include <string>

namespace gridlift {

//! Full-width ASCII folded to half-width, white-space runs collapsed to one space, ends trimmed,
//! and spaces next to CJK characters dropped (CJK typesetting spreads "项 目" with spaces that
//! carry no meaning). Nothing else: digits, punctuation and separators must match exactly.
std::string normalize_cell_text(const std::string& text);

//! A number as printed in these reports: 650.61, 2,939.71, -0.5, 100%, (12.3). Takes normalized text.
bool is_numeric_text(const std::string& normalized);

}  // namespace gridlift
