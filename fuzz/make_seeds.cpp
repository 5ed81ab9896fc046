// Writes the picture seeds of the grid and cell fuzzers (fuzz/fuzz_image.h's format) from a
// fixture page, so that fuzzing starts from real tables and real cells instead of noise:
//   make_fuzz_seeds FIXTURE.pdf PAGE OUT_FOLDER
// writes OUT_FOLDER/grid_detector/*.raw (windows of the page at 150 dpi over its first table) and
// OUT_FOLDER/cell_ocr/*.raw (cells of that table drawn at 300 dpi). Built on demand only
// (cmake --build … --target make_fuzz_seeds); its output is kept in fuzz/corpus/.

#include <poppler/cpp/poppler-page.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>

#include "fuzz/fuzz_image.h"
#include "stages/grid/grid_detector.h"
#include "stages/load/pdf_document.h"
#include "stages/load/text_layer.h"
#include "stages/rasterize/page_raster.h"
#include "stages/rasterize/region_raster.h"

namespace {

void write_seed(const std::filesystem::path& path, const cv::Mat& gray) {
  const int w = std::min(gray.cols, gridlift::fuzz::kMaxSide),
            h = std::min(gray.rows, gridlift::fuzz::kMaxSide);
  std::ofstream out(path, std::ios::binary);
  const unsigned char header[4] = {
      static_cast<unsigned char>((w - 1) & 0xff), static_cast<unsigned char>((w - 1) >> 8),
      static_cast<unsigned char>((h - 1) & 0xff), static_cast<unsigned char>((h - 1) >> 8)};
  out.write(reinterpret_cast<const char*>(header), 4);
  for (int y = 0; y < h; ++y) out.write(reinterpret_cast<const char*>(gray.ptr(y)), w);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 4) {
    std::fprintf(stderr, "usage: make_fuzz_seeds FIXTURE.pdf PAGE OUT_FOLDER\n");
    return 2;
  }
  const std::filesystem::path out(argv[3]);
  std::filesystem::create_directories(out / "grid_detector");
  std::filesystem::create_directories(out / "cell_ocr");
  auto doc = gridlift::open_pdf(argv[1]);
  std::unique_ptr<poppler::page> page(doc->create_page(std::stoi(argv[2]) - 1));
  const auto geometry = gridlift::read_page_geometry(*page);
  const auto raster = gridlift::rasterize_page(*page, geometry.width, geometry.height, {});
  // The text layer's glyphs, as the pipeline gives them, so that grid finding sees text as text.
  std::vector<gridlift::GlyphBox> glyphs;
  for (const auto& c : gridlift::read_text_layer(*page))
    glyphs.push_back({raster.scale.to_image(c.box), raster.scale.pixels(c.font_size, 1), {}});
  const auto found = gridlift::detect_grids(raster.gray, raster.scale, glyphs, {});
  if (found.tables.empty()) {
    std::fprintf(stderr, "no table on that page\n");
    return 1;
  }
  const auto& grid =
      *std::max_element(found.tables.begin(), found.tables.end(),
                        [](const auto& a, const auto& b) { return a.cells.size() < b.cells.size(); });
  const gridlift::ImageRect table = grid.cell_rect(grid.cells.front());
  // Windows at the table's top-left corner and further in: corners, crossings and spans.
  const int side = gridlift::fuzz::kMaxSide / 2;
  for (int i = 0; i < 3; ++i) {
    const int x = std::clamp(table.x0 - 8 + i * side / 2, 0, raster.gray.cols - 1);
    const int y = std::clamp(table.y0 - 8 + i * side / 2, 0, raster.gray.rows - 1);
    const cv::Rect window(x, y, std::min(side, raster.gray.cols - x), std::min(side, raster.gray.rows - y));
    write_seed(out / "grid_detector" / ("window-" + std::to_string(i) + ".raw"), raster.gray(window));
  }
  // Cells spread over the table, each drawn at 300 dpi with its rules, as the OCR path sees it.
  const size_t step = std::max<size_t>(1, grid.cells.size() / 8);
  for (size_t c = 0, n = 0; c < grid.cells.size() && n < 8; c += step, ++n) {
    const gridlift::PdfRect cell = raster.scale.to_pdf(grid.cell_rect(grid.cells[c]));
    const auto region = gridlift::rasterize_region(
        *page, {cell.x0 - 1, cell.y0 - 1, cell.x1 + 1, cell.y1 + 1}, 0, geometry.width, geometry.height, 300);
    write_seed(out / "cell_ocr" / ("cell-" + std::to_string(n) + ".raw"), region.gray);
  }
  return 0;
}
