#include "stages/export/csv_writer.h"

#include <cstdio>

#include "stages/export/table_grid_text.h"

namespace gridlift {
namespace {

std::string csv_field(const std::string& text) {
  if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
  std::string out = "\"";
  for (char ch : text) {
    if (ch == '"') out += '"';
    out += ch;
  }
  return out + "\"";
}

}  // namespace

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
