#pragma once
// the last correction: repair by arithmetic. A number read by OCR that the table's sums
// contradict is read again in the only way that needs no new pixels: its digits as read, its marks
// (sign, decimal point, thousands separators) placed as the table's column prints them. "21.8" in a
// column of whole amounts may be 218; "508.4.5" may be 508.45; "-40.42" may be 40.42. A reading is
// taken only when the arithmetic settles it beyond doubt:
// - it makes at least two checks hold that the cell is a term of (a row sum and a column sum, or a
//   sum and the subject code the name beside it proves): the check that drove it, and another that
//   confirms it;
// - every check of the table that held still holds, and none the cell is a term of fails;
// - no other reading, of this cell or another, does as much for the same checks.
// Only cells read by OCR are repaired: a text layer's figures are what the document prints. Each
// repair is traced on its table (Table::corrections, rule "sum-repair") with the checks that
// justify it, and the cell's confidence is set to kRepairedConfidence: two sums agree on it.

#include <vector>

#include "models/document.h"
#include "models/domain_profile.h"

namespace gridlift {

//! The rule name its corrections are traced under.
inline constexpr const char* kSumRepairRule = "sum-repair";

//! The confidence of a number two or more sums agree on, whatever OCR's confidence in its marks.
inline constexpr double kRepairedConfidence = 0.9;

//! Every way of printing `text`'s digits, in order, as an amount with 0 to 2 decimals (those in
//! `decimals`, a set of digit counts), with or without its minus, with thousands separators when
//! `separators` and at least four whole digits; the reading itself and readings with a leading zero
//! left out.
std::vector<std::string> readings_of_the_same_digits(const std::string& text,
                                                     const std::vector<int>& decimals, bool separators);

//! Repairs the number cells read by OCR in the tables of `pages` where the checks settle them (see
//! above); returns how many were repaired. The document's checks must be found again after.
int repair_by_arithmetic(std::vector<PageResult>& pages, const DomainProfile& profile);

}  // namespace gridlift
