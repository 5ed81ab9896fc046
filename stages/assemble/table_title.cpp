#include "stages/assemble/table_title.h"

#include <algorithm>

namespace gridlift {

std::string find_title(const Table& table, const std::vector<TextLine>& lines,
                       const std::vector<Table>& tables, double body_height, double max_distance) {
  double ceiling = table.bbox.y0 - max_distance;
  for (const auto& other : tables)
    if (other.bbox.y1 <= table.bbox.y0 + 1) ceiling = std::max(ceiling, other.bbox.y1);
  const TextLine* best = nullptr;
  for (const auto& line : lines) {
    bool above = line.box.y1 <= table.bbox.y0 + 1 && line.box.y0 >= ceiling;
    bool overlaps = line.box.x0 < table.bbox.x1 && line.box.x1 > table.bbox.x0;
    // Captions are set larger than the text around them; 15% separates 12 pt from 10.5 pt.
    bool larger = line.box.height() >= 1.15 * body_height;
    if (above && overlaps && larger && (!best || line.box.y1 > best->box.y1)) best = &line;
  }
  return best ? best->text : std::string();
}

double body_text_height(const std::vector<TextLine>& lines, const std::vector<double>& table_glyph_heights) {
  std::vector<double> heights = table_glyph_heights;
  for (const auto& line : lines)
    for (const auto* c : line.chars) heights.push_back(c->box.height());
  if (heights.empty()) return 0;
  std::nth_element(heights.begin(), heights.begin() + static_cast<long>(heights.size() / 2), heights.end());
  return heights[heights.size() / 2];
}

}  // namespace gridlift
