#include "stages/orient/page_orientation.h"

#include <opencv2/core.hpp>

#include <array>

namespace gridlift {

int quarter_turns_to_upright(const TextChars& chars) {
  std::array<size_t, 4> count{};
  for (const auto& c : chars) ++count[static_cast<size_t>(c.direction)];
  size_t best = 0;
  for (size_t d = 1; d < 4; ++d)
    if (count[d] > count[best]) best = d;
  // A few sideways labels (axis titles, margin notes) must not turn a page: only a majority does.
  if (best == 0 || count[best] * 2 <= chars.size()) return 0;
  // Text running top-to-bottom was drawn turned a quarter clockwise: three more quarters undo it.
  return static_cast<int>((4 - best) % 4);
}

void turn_page(int turns, PageRaster& raster, TextChars& chars, double& width, double& height) {
  turns = ((turns % 4) + 4) % 4;
  if (turns == 0) return;
  raster.gray = turn_image(raster.gray, turns);

  for (auto& c : chars) {
    c.box = turn_rect(c.box, turns, width, height);
    c.direction = static_cast<TextDirection>((static_cast<int>(c.direction) + turns) % 4);
  }
  if (turns % 2 == 1) std::swap(width, height);
}

}  // namespace gridlift
