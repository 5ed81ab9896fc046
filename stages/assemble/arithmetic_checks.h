#pragma once
// Stage 5, assemble: arithmetic the tables themselves promise, checked on the extracted numbers.
// A failed check points an archivist at a cell that was misread (or misprinted).

#include <optional>
#include <string>
#include <vector>

#include "models/document.h"

namespace gridlift {

//! The value of a printed amount in hundredths: "2,939.71" -> 293971, "-0.5" -> -50. Empty,
//! "-" and anything that is not an amount give nullopt.
std::optional<long long> amount_in_cents(const std::string& text);

//! Checks found in one table:
//! - column-sum: a row whose 科目编码 (3, 5 or 7 digits) has children two digits longer right below
//!   it equals their sum, in every amount column; a 合计 row equals the sum of the top-level codes.
//! - row-sum: a column headed 合计 or 小计 equals the sum of its sibling groups in the header (each
//!   group by its own 小计 column if it has one, else by its columns).
//! Checks where every number is zero prove nothing and are left out. A sum matches when it is
//! within the rounding of its addends (half a cent each, at least two cents).
std::vector<ArithmeticCheck> find_arithmetic_checks(const Table& table);

}  // namespace gridlift
