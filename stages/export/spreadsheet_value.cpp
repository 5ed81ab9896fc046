#include "stages/export/spreadsheet_value.h"

#include <cstdlib>
#include <regex>

namespace gridlift {

std::optional<SpreadsheetNumber> spreadsheet_number(const std::string& text) {
  // Sign, whole part (grouped by thousands or not), decimals, percent.
  static const std::regex kNumber(R"(^(-?)(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?(%?)$)");
  std::smatch m;
  if (!std::regex_match(text, m, kNumber)) return std::nullopt;
  const std::string whole = m[2].str(), decimals = m[3].str();
  const bool grouped = whole.find(',') != std::string::npos;
  if (!grouped && whole.size() > 1 && whole[0] == '0') return std::nullopt;  // a code's leading zero
  std::string digits;
  for (char c : whole)
    if (c != ',') digits += c;
  const size_t first_significant = digits.find_first_not_of('0');
  const size_t significant = first_significant == std::string::npos
                                 ? decimals.size()
                                 : digits.size() - first_significant + decimals.size();
  if (significant > 15) return std::nullopt;

  SpreadsheetNumber number;
  number.value =
      std::strtod((m[1].str() + digits + (decimals.empty() ? "" : "." + decimals)).c_str(), nullptr);
  number.format = grouped ? "#,##0" : "0";
  if (!decimals.empty()) number.format += "." + std::string(decimals.size(), '0');
  if (m[4].matched && m[4].length() > 0) {
    number.value /= 100;
    number.format += "%";
  }
  // "-0" and "-0.00" are printed so for a reason (a negative rounded away); a number loses the sign.
  if (number.value == 0 && !m[1].str().empty()) return std::nullopt;
  return number;
}

}  // namespace gridlift
