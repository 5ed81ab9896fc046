#include "stages/load/text_layer.h"

#include <string>

#include "models/unicode.h"

namespace gridlift {
PageGeometry read_page_geometry(const poppler::page& page) {
  auto rect = page.page_rect(poppler::crop_box);
  PageGeometry g;
  switch (page.orientation()) {
    case poppler::page::landscape:
      g.rotation = 90;
      break;
    case poppler::page::upside_down:
      g.rotation = 180;
      break;
    case poppler::page::seascape:
      g.rotation = 270;
      break;
    default:
      g.rotation = 0;
      break;
  }
  bool quarter_turn = g.rotation == 90 || g.rotation == 270;
  g.width = quarter_turn ? rect.height() : rect.width();
  g.height = quarter_turn ? rect.width() : rect.height();
  return g;
}

TextChars read_text_layer(const poppler::page& page) {
  TextChars chars;

  for (const auto& word : page.text_list(poppler::page::text_list_include_font)) {
    auto utf8 = word.text().to_utf8();
    std::string text(utf8.begin(), utf8.end());
    auto direction = static_cast<TextDirection>(word.rotation() & 3);
    double font_size = word.has_font_info() ? word.get_font_size() : 0.0;
    std::string font = word.has_font_info() ? word.get_font_name() : std::string{};
    size_t glyph = 0;
    size_t first_of_word = chars.size();
    for (size_t i = 0; i < text.size();) {
      size_t start = i;
      char32_t cp = next_code_point(text, i);
      auto box = word.char_bbox(glyph++);
      if (is_space(cp)) continue;
      // Poppler documents that glyph and code-point counts can differ in complex scripts; a glyph
      // index past the end yields an empty box, so fall back to the word's box.
      if (box.width() <= 0 && box.height() <= 0) box = word.bbox();
      TextChar c;
      c.text = text.substr(start, i - start);
      c.box = {box.left(), box.top(), box.right(), box.bottom()};
      c.direction = direction;
      c.font_size = font_size;
      c.font = font;

      chars.push_back(std::move(c));
    }
    if (chars.size() > first_of_word && word.has_space_after()) chars.back().space_after = true;
  }
  return chars;
}

double garbled_fraction(const TextChars& chars) {
  if (chars.empty()) return 0;
  size_t bad = 0;
  for (const auto& c : chars) {
    size_t i = 0;
    char32_t cp = next_code_point(c.text, i);
    bool private_use = (cp >= 0xE000 && cp <= 0xF8FF) || cp >= 0xF0000;
    if (private_use || cp == 0xFFFD || cp < 0x20) ++bad;
  }
  return static_cast<double>(bad) / static_cast<double>(chars.size());
}

}  // namespace gridlift
