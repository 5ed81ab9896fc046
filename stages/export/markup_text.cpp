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
