#pragma once
// A subject of the Government Revenue and Expenditure Classification is printed as a code and a
// name side by side (30113 住房公积金), and the standard pairs them (the profile's labels). Read by
// OCR, each half can vouch for the other: a name read right tells which code a digit misread
// stands for (30112 beside 住房公积金, a light-face 3 read 2), and a code read right which name a
// stray mark spoiled (政府办公厅“(室)及相关机构事务 beside 20103).

#include "models/domain_profile.h"
#include "models/table.h"

namespace gridlift {

//! Mends the subjects of `table`, read by OCR, row by row, by `profile`'s labels: a cell holding
//! a code (of the profile's shape: 3, 5 or 7 digits in cn-budget) and the first cell right of it on the row
//! holding Chinese text, its name.
//! - The name is a subject's (spaces dropped, parentheses full-width) and the code is not one of
//!   its codes: the code becomes the one of them it differs from in one digit, if there is exactly
//!   one and the code was read under 0.95 (digits read surely are not overruled).
//! - The code is a subject's and the name is no standard label: the name becomes the code's, if it
//!   is one edit per five characters, at least one, from exactly one of the code's names: a
//!   character changed, or a mark in or out. A Chinese character in or out is the department's own
//!   wording and stays.
//! Returns how many cells changed.
int mend_subjects_by_code(Table& table, const DomainProfile& profile);

}  // namespace gridlift
