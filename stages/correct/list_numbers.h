#pragma once
// Budget tables number the labels of a column as a list: 一、…, 二、…, … 二十六、…. These numerals
// are what chi_sim misreads most (一 as "-", 十 as "上" or "二", 二十 as "一十", 四、 as "“"),
// and the list itself says what each one must be: a misread number between two numbers that
// agree with each other is the one that fits between them.

#include <string>
#include <string_view>

#include "models/table.h"

namespace gridlift {

//! The value of a Chinese numeral from 一 to 九十九 ("十一" 11, "二十" 20, "一十五" 15); 0 if
//! `numeral` is not one.
int chinese_numeral_value(std::u32string_view numeral);

//! The numeral of 1..99 as printed in list numbers: 10 "十", 11 "十一", 20 "二十", 25 "二十五".
std::string chinese_numeral(int value);

//! Mends the list numbers of `table`'s labels, column by column, and returns how many cells
//! changed. A list item is a cell whose text starts with up to five characters and "、", or
//! with a stray quote mark before a Chinese character (a "四、" read as "“"). An item's number is
//! rewritten only where the list settles it: its nearest well-read neighbours (each agreeing
//! with the item next to it) leave exactly its place between them, or, at the start or end of
//! the list, two agreeing neighbours on one side continue to it. Two lists in one column, or a
//! column of unnumbered labels, are left alone. For text read by OCR only.
int mend_list_numbers(Table& table);

}  // namespace gridlift
