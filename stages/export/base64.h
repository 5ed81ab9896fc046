#pragma once
// Base64 (RFC 4648, with padding), for images embedded in the HTML report as data: URLs.

#include <string>
#include <string_view>

namespace gridlift {

std::string base64_encode(std::string_view bytes);

}  // namespace gridlift
