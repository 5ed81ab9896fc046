#pragma once
// export: what a cell's text becomes in a spreadsheet. A number is written as a number (a user
// sums a column without retyping it) only when the number and its display format give back the
// text exactly as printed; otherwise the text stays text, so nothing printed is lost.

#include <optional>
#include <string>

namespace gridlift {

struct SpreadsheetNumber {
  double value = 0;
  //! Excel's number format that shows `value` as the text was printed: "#,##0.00", "0", "0.0%".
  std::string format;
};

//! The number `text` is, when writing it as one loses nothing: "2,939.71" (2939.71, "#,##0.00"),
//! "-0.50", "12.5%" (0.125, "0.0%"), "2010301". Not for "01" or "0012" (leading zeros a code
//! keeps), "1,22" or "508.4.5" (malformed), numbers of more than 15 significant digits (a double
//! holds no more), or text with anything else in it.
std::optional<SpreadsheetNumber> spreadsheet_number(const std::string& text);

}  // namespace gridlift
