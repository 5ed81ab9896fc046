#include "stages/export/markup_text.h"

namespace gridlift {
namespace {

// HTML's five, plus what opens or closes Markdown inline markup anywhere in a line: code spans
// (`), emphasis (* _), strikethrough (~), links and images ([ ] and the ! before them),
// backslash escapes (\) and pipe-table cells (|).
const char* inline_reference(char c) {
  switch (c) {
    case '&':
      return "&amp;";
    case '<':
      return "&lt;";
    case '>':
      return "&gt;";
    case '"':
      return "&quot;";
    case '\'':
      return "&#39;";
    case '`':
      return "&#96;";
    case '*':
      return "&#42;";
    case '_':
      return "&#95;";
    case '~':
      return "&#126;";
    case '[':
      return "&#91;";
    case ']':
      return "&#93;";
    case '!':
      return "&#33;";
    case '\\':
      return "&#92;";
    case '|':
      return "&#124;";
    default:
      return nullptr;
  }
}

// Characters that open a block only where a line starts: headings, quotes, list items, setext
// underlines, tables.
const char* line_start_reference(char c) {
  switch (c) {
    case '#':
      return "&#35;";
    case '-':
      return "&#45;";
    case '+':
      return "&#43;";
    case '=':
      return "&#61;";
    default:
      return nullptr;
  }
}

// The length of the UTF-8 encoding of a private-use code point (U+E000..U+F8FF) at `i`, or 0. A
// symbol font's glyph (a Wingdings bullet at U+F06C) has no meaning without that font, and a reader
// would show a box for it.
size_t private_use_at(std::string_view text, size_t i) {
  if (i + 2 >= text.size()) return 0;
  const auto b0 = static_cast<unsigned char>(text[i]), b1 = static_cast<unsigned char>(text[i + 1]);
  const bool private_use = b0 == 0xEE || (b0 == 0xEF && b1 >= 0x80 && b1 <= 0xA3);
  const bool continued = (b1 & 0xC0) == 0x80 && (static_cast<unsigned char>(text[i + 2]) & 0xC0) == 0x80;
  return private_use && continued ? 3 : 0;
}

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

}  // namespace

std::string markup_text(std::string_view text, MarkupPlace place) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  bool line_start = true;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '\r' || c == '\n') {
      if (place == MarkupPlace::kInline) {
        // Inside a cell a line break would end the pipe row or, as a blank line, the HTML block
        // (and what followed would be parsed as Markdown).
        if (out.empty() || out.back() != ' ') out += ' ';
      } else if (c == '\n') {
        out += '\n';
        line_start = true;
      }
      continue;
    }
    if (c == '\t') c = ' ';
    if (const size_t skip = private_use_at(text, i)) {
      i += skip - 1;
      continue;
    }
    if (place == MarkupPlace::kParagraph && line_start) {
      if (c == ' ') {
        out += "&#32;";  // indentation would make a code block
        continue;
      }
      line_start = false;
      if (const char* reference = line_start_reference(c)) {
        out += reference;
        continue;
      }
      // "1." or "1)" opening a line is an ordered list item: its mark made literal.
      size_t end = i;
      while (end < text.size() && is_digit(text[end])) ++end;
      if (end > i && end < text.size() && (text[end] == '.' || text[end] == ')')) {
        out.append(text.substr(i, end - i));
        out += text[end] == '.' ? "&#46;" : "&#41;";
        i = end;
        continue;
      }
    }
    if (const char* reference = inline_reference(c))
      out += reference;
    else
      out += c;
  }
  return out;
}

}  // namespace gridlift
