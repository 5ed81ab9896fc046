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
//! parenthesis of that kind; brackets that pair with each other are left as printed. It also reads
//! a wide "（" as two marks now and then, "《(" or "【(": the first is dropped.
std::string mend_bracket_pairs(const std::string& text);

//! A speck or a rule's remnant at a cell's edge reads as a mark no cell of these reports starts or
//! ends with: "|" at either end, a point, colon or comma before Chinese text (". 项目",
//! ":功能分类"). Such marks are dropped; a minus ("-59") and anything inside the text stay, and so
//! does a point after digits ("3."): a number's broken reading, which the second looks judge by.
std::string drop_stray_end_marks(const std::string& text);

//! The recognizers split a number printed with separators into words ("371, 514, 655. 00"), and
//! now and then see a thousands comma only as a gap ("1 467, 842. 00"). In a reading of digits,
//! marks and spaces, a space beside a mark is the mark's own spacing and goes; a space between
//! digits where a thousands group starts (1 to 3 digits before it, exactly 3 after) is the comma
//! the recognizer lost. Kept only when that makes one well-formed number ("1,467,842.00"); any
//! other space ("2023 2024", "12 34") leaves the reading as it is.
std::string mend_number_spacing(const std::string& text);

//! chi_sim spaces a half-width parenthesis out from the Chinese beside it ("因公出国(境) 费",
//! "政府办公厅 (室)"), which Chinese typesetting never does: such a space goes.
std::string mend_bracket_spacing(const std::string& text);

//! The mark rules in the correction list's order: dashes, brackets, the spacing of numbers and of
//! brackets, stray end marks.
std::string mend_ocr_marks(const std::string& text);

}  // namespace gridlift
