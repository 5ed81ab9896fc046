#pragma once
// Marks chi_sim misreads in the labels of budget tables, put right by the shape of the text
// around them: a dash for 一, an angle bracket for a parenthesis, a speck at a cell's edge. Each is
// a rule of the correction list (correction_list.h); the cell-reading chain also judges its
// candidate readings by mend_ocr_marks(), so that "|2.77" is not taken for a malformed number.

#include <string>

namespace gridlift {

//! chi_sim reads 一, a single stroke, as a dash now and then ("-般公共服务", "-、", "(-)"). A
//! dash with a Chinese character or "、" after it and the start, a space, "、" or "(" before it,
//! or alone in brackets, is 一: a dash in a report's labels stands between digits or words, not
//! at the start of a word.
//! A space chi_sim put between the 一 and a CJK neighbour goes with the dash ("-、 -般" → "一、一般"),
//! as it would have had 一 been read.
std::string mend_dashes_read_for_yi(const std::string& text);

//! chi_sim reads a full-width "（" as "〈" (U+3008) and "）" as "〉" now and then; a report's labels
//! use parentheses. An angle bracket whose partner is a parenthesis ("〈境)", "(境〉") becomes the
//! parenthesis of that kind; brackets that pair with each other are left as printed.
std::string mend_bracket_pairs(const std::string& text);

//! A speck or a rule's remnant at a cell's edge reads as a mark no cell of these reports starts or
//! ends with: "|" at either end, a point, colon or comma before Chinese text (". 项目",
//! ":功能分类"). Such marks are dropped; a minus ("-59") and anything inside the text stay, and so
//! does a point after digits ("3."): a number's broken reading, which the second looks judge by.
std::string drop_stray_end_marks(const std::string& text);

//! The three in the correction list's order: dashes, then brackets, then stray end marks.
std::string mend_ocr_marks(const std::string& text);

}  // namespace gridlift
