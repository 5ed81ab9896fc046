#pragma once
// Bytes as lowercase hex digits and back: digests, and paths sent where only UTF-8 may travel.

#include <string>
#include <string_view>

namespace gridlift {

//! Two lowercase hex digits per byte.
std::string to_hex(std::string_view bytes);

//! The bytes of to_hex()'s output. Throws std::invalid_argument on an odd length or a character
//! that is not a lowercase hex digit.
std::string from_hex(std::string_view hex);

}  // namespace gridlift
