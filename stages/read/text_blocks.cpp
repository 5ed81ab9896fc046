#include "stages/read/text_blocks.h"

#include <algorithm>

namespace gridlift {

std::vector<TextLine> free_lines(const TextChars& chars, const std::vector<char>& taken) {
  std::vector<const TextChar*> rest;
  for (size_t i = 0; i < chars.size(); ++i)
    if (!taken[i]) rest.push_back(&chars[i]);
  return group_into_lines(std::move(rest));
}

std::vector<TextBlock> build_blocks(const std::vector<TextLine>& lines) {
  std::vector<TextBlock> blocks;
  std::vector<std::string> texts;
  PdfRect box, last;
  auto flush = [&] {
    if (texts.empty()) return;
    blocks.push_back({box, join_lines(texts)});
    texts.clear();
  };
  for (const auto& line : lines) {
    const double em = last.height();
    bool close_below = line.box.y0 - last.y1 < 0.8 * em && line.box.x0 < box.x1 && line.box.x1 > box.x0;
    bool same_size = std::abs(line.box.height() - em) < 0.3 * em;
    // A paragraph's last line stops short of the right edge; the next one may start indented.
    bool previous_ended_short = last.x1 < std::max(box.x1, line.box.x1) - 2 * em;
    bool indented = line.box.x0 > box.x0 + em;
    bool continues = !texts.empty() && close_below && same_size && !previous_ended_short && !indented;
    if (!continues) {
      flush();
      box = line.box;
    } else {
      box = box.united(line.box);
    }
    texts.push_back(line.text);
    last = line.box;
  }
  flush();
  return blocks;
}

}  // namespace gridlift
