#include "stages/export/output_name.h"

#include <algorithm>
#include <cstdio>

#include "models/fnv1a.h"
#include "models/printable_text.h"
#include "models/unicode.h"

namespace gridlift {
bool ends_with_pdf(std::string_view name) {
  if (name.size() < 4) return false;
  std::string tail(name.substr(name.size() - 4));
  std::transform(tail.begin(), tail.end(), tail.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return tail == ".pdf";
}

std::string safe_name_component(std::string_view component) {
  // valid_utf8 marks each bad byte U+FFFD; a file name has no business holding U+FFFD itself.
  const std::string valid = valid_utf8(component);
  std::string out;
  out.reserve(valid.size());
  for (size_t i = 0; i < valid.size();) {
    const size_t start = i;
    const char32_t cp = next_code_point(valid, i);
    if (cp == 0xFFFD || is_control_character(cp) || cp == '/')
      out += '_';
    else
      out.append(valid, start, i - start);
  }
  if (std::all_of(out.begin(), out.end(), [](char c) { return c == '.'; })) out.insert(out.begin(), '_');
  if (out.size() > kMaxNameComponentBytes) {
    char hash[16];
    std::snprintf(hash, sizeof hash, "~%08x", static_cast<unsigned>(fnv1a_64(component) & 0xFFFFFFFFu));
    size_t cut = kMaxNameComponentBytes - 9;
    while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) --cut;  // not inside a character
    out = out.substr(0, cut) + hash;
  }
  return out;
}

std::string output_stem(const std::filesystem::path& input) {
  const std::string name = input.filename().string();
  return safe_name_component(ends_with_pdf(name) ? std::string_view(name).substr(0, name.size() - 4)
                                                 : std::string_view(name));
}

std::string output_name_below(const std::filesystem::path& relative) {
  std::string name;
  for (const auto& folder : relative.parent_path()) {
    if (folder.empty()) continue;
    name += safe_name_component(folder.string());
    name += '/';
  }
  return name + output_stem(relative);
}

}  // namespace gridlift
