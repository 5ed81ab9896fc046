// Fuzzes grid finding and cell reading over any picture: rules found in random ink, lattices
// built from them, spans merged, and text-layer glyphs (made from the same bytes) placed in cells.

#include <cstddef>
#include <cstdint>

#include "fuzz/fuzz_image.h"
#include "stages/grid/grid_detector.h"
#include "stages/read/cell_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const cv::Mat gray = gridlift::fuzz::image_from_bytes(data, size);
  if (gray.empty()) return 0;
  const gridlift::PixelScale scale{150};
  // Glyphs on a coarse lattice of the picture, where its bytes are dark: grid finding must keep
  // them out of rules, and the reader must place them whatever the grid looks like.
  std::vector<gridlift::GlyphBox> glyphs;
  gridlift::TextChars chars;
  for (int y = 4; y + 12 < gray.rows; y += 24)
    for (int x = 4; x + 8 < gray.cols; x += 16)
      if (gray.at<uint8_t>(y, x) < 64) {
        const gridlift::ImageRect box{x, y, x + 8, y + 12};
        glyphs.push_back({box, 12, {}});
        chars.push_back({"8", scale.to_pdf(box), gridlift::TextDirection::kUpright, 6, false, "F"});
      }
  const gridlift::GridDetection found = gridlift::detect_grids(gray, scale, glyphs, gridlift::GridOptions{});
  std::vector<char> taken(chars.size(), 0);
  for (const auto& grid : found.tables) gridlift::read_table(grid, scale, chars, taken);
  return 0;
}
