#include "models/number_text.h"

#include <regex>

namespace gridlift {

bool well_formed_number(const std::string& text) {
  static const std::regex kNumber(R"(^-?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?%?$)");
  return std::regex_match(text, kNumber);
}

}  // namespace gridlift
