#pragma once
// The few Unicode facts gridlift's text rules need, without pulling in ICU.

#include <string>
#include <string_view>

namespace gridlift {

//! Decodes the code point at s[i] and advances i past it; malformed bytes decode as U+FFFD.
char32_t next_code_point(std::string_view s, size_t& i);

//! First / last code point of a UTF-8 string (0 if empty).
char32_t first_code_point(std::string_view s);
char32_t last_code_point(std::string_view s);

void append_utf8(std::string& out, char32_t cp);

//! All code points of a UTF-8 string, decoded as next_code_point() does.
std::u32string code_points(std::string_view s);

//! Code points encoded as UTF-8.
std::string to_utf8(std::u32string_view cps);

//! Han ideographs, kana, hangul and CJK punctuation / full-width forms: text that is written
//! without spaces between words, so a line break inside it joins without a space.
bool is_cjk(char32_t cp);

//! A Han ideograph of the basic CJK block: a Chinese character, not punctuation or a full-width form.
bool is_han(char32_t cp);

//! White space, including no-break and ideographic spaces.
bool is_space(char32_t cp);

//! The ASCII digits of `text`, in order, everything else left out.
std::string ascii_digits(std::string_view text);

//! Whether `text` is not empty and holds ASCII digits only ("2010301", a page number).
bool is_ascii_digits(std::string_view text);

//! `text` with its ASCII spaces left out: how amounts and labels are compared ("1 234.50").
std::string without_spaces(std::string_view text);

//! Full-width ASCII forms (U+FF01..FF5E) and the ideographic space mapped to their ASCII twins;
//! every other code point unchanged.
char32_t to_half_width(char32_t cp);

}  // namespace gridlift
