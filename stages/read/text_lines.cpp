#include "stages/read/text_lines.h"

#include <algorithm>

#include "models/unicode.h"

namespace gridlift {
namespace {

bool is_number_part(char32_t cp) {
  return (cp >= U'0' && cp <= U'9') || cp == U'.' || cp == U',' || cp == U'%' || cp == U'-' || cp == U'+';
}

size_t code_points(const std::string& s) {
  size_t n = 0;
  for (size_t i = 0; i < s.size();) {
    next_code_point(s, i);
    ++n;
  }
  return n;
}

bool same_line(const PdfRect& line, const PdfRect& glyph) {
  return glyph.center_y() >= line.y0 && glyph.center_y() <= line.y1 && line.center_y() >= glyph.y0 &&
         line.center_y() <= glyph.y1;
}

}  // namespace

std::string line_text(const std::vector<const TextChar*>& chars) {
  std::string text;
  for (size_t i = 0; i < chars.size(); ++i) {
    if (i > 0) {
      const TextChar& a = *chars[i - 1];
      const TextChar& b = *chars[i];
      double height = std::max(a.box.height(), b.box.height());
      double gap = b.box.x0 - a.box.x1;
      bool cjk_pair = is_cjk(last_code_point(a.text)) && is_cjk(first_code_point(b.text));
      // 0.3 em is about the narrowest space in common fonts; tighter gaps are kerning.
      bool spaced = a.space_after || gap > 0.3 * height;
      if (spaced && !(cjk_pair && !a.space_after)) text += ' ';
    }
    text += chars[i]->text;
  }
  return text;
}

std::vector<TextLine> group_into_lines(std::vector<const TextChar*> chars) {
  std::sort(chars.begin(), chars.end(), [](const TextChar* a, const TextChar* b) {
    return a->box.center_y() != b->box.center_y() ? a->box.center_y() < b->box.center_y()
                                                  : a->box.x0 < b->box.x0;
  });
  std::vector<TextLine> lines;
  for (const TextChar* c : chars) {
    // Sorted by centre, a glyph can only join one of the last few lines opened.
    TextLine* home = nullptr;
    for (size_t k = lines.size(); k-- > 0 && lines.size() - k <= 4;) {
      if (same_line(lines[k].box, c->box)) {
        home = &lines[k];
        break;
      }
    }
    if (!home) {
      lines.push_back({});
      home = &lines.back();
      home->box = c->box;
    }
    home->chars.push_back(c);
    home->box = home->box.united(c->box);
  }
  for (auto& line : lines) {
    std::sort(line.chars.begin(), line.chars.end(),
              [](const TextChar* a, const TextChar* b) { return a->box.x0 < b->box.x0; });
    line.text = line_text(line.chars);
  }
  std::sort(lines.begin(), lines.end(), [](const TextLine& a, const TextLine& b) {
    return a.box.y0 != b.box.y0 ? a.box.y0 < b.box.y0 : a.box.x0 < b.box.x0;
  });
  return lines;
}

std::string join_lines(const std::vector<std::string>& lines) {
  std::string out;
  std::string previous;
  for (const auto& line : lines) {
    if (line.empty()) continue;
    if (!out.empty()) {
      char32_t a = last_code_point(previous), b = first_code_point(line);
      bool glue =
          is_cjk(a) || is_cjk(b) || code_points(previous) == 1 || (is_number_part(a) && is_number_part(b));
      if (!glue) out += ' ';
    }
    out += line;
    previous = line;
  }
  return out;
}

std::string read_text(const std::vector<const TextChar*>& chars) {
  std::vector<std::string> texts;
  for (auto& line : group_into_lines(chars)) texts.push_back(std::move(line.text));
  return join_lines(texts);
}

}  // namespace gridlift
