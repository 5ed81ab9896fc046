#pragma once
// Chinese characters of nearly the same shape (形近字), which readers and OCR take for each other:
// 末 and 未 differ only in which stroke is longer, 日 and 目 in one stroke. When a misread label
// is as near to two standard labels (年未结转和结余: 年末 or 年初), the one that differs from it
// only by such a pair is what was printed.

namespace gridlift {

//! Whether `a` and `b` are two different characters of one group of look-alikes in a fixed table
//! of common pairs (末未, 日目曰, 己已巳, 人入八, 土士, 基其 ...).
bool look_alike(char32_t a, char32_t b);

}  // namespace gridlift
