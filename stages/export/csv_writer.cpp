#include "stages/export/csv_writer.h"

#include <cstdio>
#include <string_view>

#include "models/table_grid_text.h"

namespace gridlift {
namespace {

// An optional sign, digits (in groups of three after the first where separated by commas), an
// optional fraction, an optional percent sign: what a spreadsheet reads as a number, not a formula.
bool is_plain_number(std::string_view text) {
  size_t i = 0;
  if (i < text.size() && (text[i] == '+' || text[i] == '-')) ++i;
  auto digits = [&] {
    const size_t start = i;
    while (i < text.size() && text[i] >= '0' && text[i] <= '9') ++i;
    return i - start;
  };
  const size_t lead = digits();
  if (lead == 0) return false;
  while (i < text.size() && text[i] == ',') {
    if (lead > 3) return false;
    ++i;
    if (digits() != 3) return false;
  }
  if (i < text.size() && text[i] == '.') {
    ++i;
    if (digits() == 0) return false;
  }
  if (i < text.size() && text[i] == '%') ++i;
  return i == text.size();
}

std::string csv_field(const std::string& raw) {
  const std::string text = neutralise_formula(raw);
  if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
  std::string out = "\"";
  for (char ch : text) {
    if (ch == '"') out += '"';
    out += ch;
  }
  return out + "\"";
}

}  // namespace

std::string neutralise_formula(const std::string& text) {
  if (text.empty()) return text;
  const char first = text[0];
  const bool opens_formula =
      first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
  // A lone "-" is how budget tables print "none", and no spreadsheet runs it.
  if (!opens_formula || is_plain_number(text) || text == "-") return text;
  return "'" + text;
}

std::string table_to_csv(const Table& table) {
  std::string out;
  for (const auto& row : expand_to_grid(table)) {
    for (size_t c = 0; c < row.size(); ++c) {
      if (c > 0) out += ',';
      out += csv_field(row[c]);
    }
    out += "\r\n";
  }
  return out;
}

std::string csv_file_name(int page, const std::string& table_id) {
  auto dash = table_id.find("-t");
  std::string k = dash == std::string::npos ? table_id : table_id.substr(dash + 2);
  char prefix[16];
  std::snprintf(prefix, sizeof prefix, "p%03d-t", page);
  return prefix + k + ".csv";
}

}  // namespace gridlift
