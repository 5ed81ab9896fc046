#pragma once
// assemble: arithmetic the tables themselves promise, checked on the extracted numbers.
// A failed check points an archivist at a cell that was misread (or misprinted).

#include <optional>
#include <string>
#include <vector>

#include "models/document.h"
#include "models/domain_profile.h"

namespace gridlift {

//! The value of a printed amount in hundredths: "2,939.71" -> 293971, "-0.5" -> -50. Empty,
//! "-" and anything that is not an amount give nullopt.
std::optional<long long> amount_in_cents(const std::string& text);

//! Checks found in one table, by the words and code shapes of `profile` (cn-budget's named here;
//! a profile without subject codes has no column-sum along codes and no subject-code checks):
//! - column-sum: a row whose 科目编码 has children two digits longer right below it equals their sum,
//!   in every amount column; a 合计 row equals the sum of the top-level codes. A code is 3, 5 or 7
//!   digits in one column, or split over 类 / 款 / 项 columns ("201" | "06" | "01"), a 类 or 款 left
//!   blank under the row that printed it carried down; a child adds to its direct parent only.
//! - row-sum: a column headed 合计 or 小计 equals the sum of its sibling groups in the header (each
//!   group by its own 小计 column if it has one, else by its columns).
//! Amount columns hold numbers, at least one printed with decimals or thousands separators
//! (amounts in whole 元 count). Checks where every number is zero prove nothing and are left out.
//! A sum matches when it is within the rounding of its terms: half a unit of the last digit each
//! term's column prints to, its finest (a cent for "2.71", ten for "109.3", one 元 for a column of
//! whole 元 such as "127,886,849"), at least two cents.
std::vector<ArithmeticCheck> find_arithmetic_checks(const Table& table, const DomainProfile& profile);

//! subject-code checks: a row's 科目编码 (joined over 类 / 款 / 项 columns) proven by the name
//! printed right of it, where the profile's standard labels give the code that
//! name, or the code ends in 99 and the name starts with 其他 (the classification's "other" subject),
//! or it is a 项 that every 款 numbers alike (01 行政运行, 02 一般行政管理事务, 03 机关服务, 50 事业运行).
//! `cells` are the row's code cells, `total` its name cell; always ok: a code the vocabulary does
//! not vouch for gets no check, since the vocabulary is partial and its names changed over the
//! years, so a disagreement is no evidence of a misreading.
std::vector<ArithmeticCheck> find_subject_code_checks(const Table& table, const DomainProfile& profile);

//! Both kinds for one table, read once: find_arithmetic_checks(), then find_subject_code_checks().
std::vector<ArithmeticCheck> find_table_checks(const Table& table, const DomainProfile& profile);

}  // namespace gridlift
