#include "stages/assemble/table_title.h"

#include <algorithm>

namespace gridlift {

std::string find_title(const Table& table, const std::vector<TextLine>& lines,
                       const std::vector<Table>& tables, double body_height, double max_distance) {
  double ceiling = table.bbox.y0 - max_distance;
  for (const auto& other : tables)
    if (other.bbox.y1 <= table.bbox.y0 + 1) ceiling = std::max(ceiling, other.bbox.y1);
  // The caption is the most prominent line above the grid: the largest, the nearest among lines
  // within 5% of that size. Lines between it and the grid (部门：…, 单位：万元) are smaller even when
  // they are larger than the table's own text.
  std::vector<const TextLine*> candidates;
  double largest = 0;
  for (const auto& line : lines) {
    bool above = line.box.y1 <= table.bbox.y0 + 1 && line.box.y0 >= ceiling;
    bool overlaps = line.box.x0 < table.bbox.x1 && line.box.x1 > table.bbox.x0;
    if (!above || !overlaps) continue;
    candidates.push_back(&line);
    largest = std::max(largest, line.box.height());
  }
  // Captions are set larger than the body text; 15% separates 12 pt from 10.5 pt. (Damaged files
  // can give empty or negative boxes: then there is no caption.)
  if (largest <= 0 || body_height <= 0 || largest < 1.15 * body_height) return "";
  const TextLine* best = nullptr;
  for (const TextLine* line : candidates)
    if (line->box.height() >= 0.95 * largest && (!best || line->box.y1 > best->box.y1)) best = line;
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
