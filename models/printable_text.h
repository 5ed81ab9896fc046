#pragma once
// Text from outside (file names, PDF strings) made fit for one line of a log or an error message:
// a newline in a file name must not start a forged line, and bytes that are not UTF-8 must not
// break the JSON a message goes into.

#include <string>
#include <string_view>

namespace gridlift {

//! `text` with control characters written as \n, \r, \t or \xHH and bytes that are not UTF-8
//! as \xHH; everything else unchanged.
std::string printable_text(std::string_view text);

//! C0 and C1 controls, DEL, and the two Unicode line separators: what would break or forge a line.
bool is_control_character(char32_t cp);

//! `text` with every byte that is not part of well-formed UTF-8 replaced by U+FFFD.
std::string valid_utf8(std::string_view text);

}  // namespace gridlift
