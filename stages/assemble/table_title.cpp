#include "stages/assemble/table_title.h"

#include <algorithm>
#include <cmath>
#include <regex>

#include "models/unicode.h"

namespace gridlift {
namespace {

// Longer than this, a line ending in 表 is a sentence about a table, not its name.
constexpr size_t kMaxNameCharacters = 40;
// A caption in the body's size is centred over its table (within this share of the table's width)
// and narrower than this share of it.
constexpr double kCentredWithin = 0.15;
constexpr double kCaptionWidthAtMost = 0.7;

// A line that names a table as reports do ("收入决算表", "财政拨款“三公”经费支出决算表"): it ends in
// 表 and is neither the table's number tag ("公开01表", "附表3") nor a sentence.
bool names_a_table(const std::string& text) {
  static const std::regex kTag(R"(^(部门)?(公开|附)?表?\s*[0-9０-９-]+\s*表?$)");
  const std::u32string cps = code_points(without_spaces(text));
  if (cps.size() < 3 || cps.size() > kMaxNameCharacters || cps.back() != U'表') return false;
  const std::string bare = without_spaces(text);
  if (std::regex_match(bare, kTag) || bare.rfind("公开", 0) == 0 || bare.rfind("附表", 0) == 0) return false;
  return std::none_of(cps.begin(), cps.end(),
                      [](char32_t c) { return c == U'：' || c == U':' || c == U'。'; });
}

}  // namespace

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
  // can give empty or negative boxes: then there is no caption.) Word and WPS reports often set
  // the caption in the body's size: then it is the nearest line above that names a table.
  if (largest <= 0 || body_height <= 0) return "";
  if (largest < 1.15 * body_height) {
    const TextLine* named = nullptr;
    const double width = table.bbox.width(), centre = (table.bbox.x0 + table.bbox.x1) / 2;
    for (const TextLine* line : candidates) {
      // Centred over the table and narrower than it, as a caption is; a sentence that ends in
      // "…详见下表" runs the width of the text.
      const bool centred = std::abs((line->box.x0 + line->box.x1) / 2 - centre) <= kCentredWithin * width &&
                           line->box.width() <= kCaptionWidthAtMost * width;
      if (line->box.height() > 0 && centred && names_a_table(line->text) &&
          (!named || line->box.y1 > named->box.y1))
        named = line;
    }
    return named ? named->text : std::string();
  }
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
