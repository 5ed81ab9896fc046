#pragma once
// assemble: what a failed check says, and what it takes away. A sum of numbers read from
// a trusted text layer that does not add up is the document's own inconsistency: the cells are
// right as printed and keep their confidence. One with terms read by OCR points at a misreading:
// those terms are doubted, and the least sure of them is named.

#include <string>
#include <vector>

#include "models/document.h"

namespace gridlift {

//! The confidence OCR'd terms of a failed check are lowered to, at most: well under
//! kTrustedConfidence, since one of them at least is wrong.
inline constexpr double kContradictedConfidence = 0.5;

//! Whether `cell`, on a page read in `mode`, was read by OCR: every cell of an OCR page, and on a
//! mixed page those under confidence 1 (the text layer's cells have 1).
bool read_by_ocr(const Cell& cell, PageMode mode);

//! Digits and number marks only, but not one well-formed amount, percentage or code ("508.4.5",
//! "2010301.", "1,22"): no table prints a number so.
bool malformed_number(const std::string& text);

//! Sets `failure` and `suspect` of each failed check in `checks` (which name tables of `pages`)
//! and lowers the confidence of its OCR'd terms to kContradictedConfidence at most. A term is read
//! by OCR when its page's mode is ocr, or mixed and its confidence is under 1. Returns how many
//! cells it doubted.
int judge_failed_checks(std::vector<ArithmeticCheck>& checks, std::vector<PageResult>& pages);

//! A number read by OCR that no table prints so: digits and number marks only, but not one
//! well-formed amount, percentage or code ("508.4.5", "2010301.", "1,22"). Its confidence is
//! lowered to kContradictedConfidence at most. Returns how many cells it doubted.
int doubt_malformed_numbers(std::vector<PageResult>& pages);

//! A label read by OCR that opens with a list number and a comma ("1，一般公共预算资金", "2,政府性基金"):
//! no report numbers a list so, and the mark misread may have been "." or "、", which the pixels did
//! not tell. Its confidence is lowered to kContradictedConfidence at most. Returns how many cells
//! it doubted.
int doubt_misread_list_marks(std::vector<PageResult>& pages);

}  // namespace gridlift
