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
    bool continues = !texts.empty() && line.box.y0 - last.y1 < 0.8 * last.height() && line.box.x0 < box.x1 &&
                     line.box.x1 > box.x0 &&
                     std::abs(line.box.height() - last.height()) < 0.3 * last.height();
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
