#include "pipeline/page_processor.h"

#include <poppler/cpp/poppler-page.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <memory>
#include <stdexcept>

#include "stages/assemble/page_assembler.h"
#include "stages/assemble/table_title.h"
#include "stages/clean/ink_glyphs.h"
#include "stages/clean/page_cleanup.h"
#include "stages/grid/grid_detector.h"
#include "stages/load/text_layer.h"
#include "stages/ocr/cell_ocr.h"
#include "stages/ocr/free_text_ocr.h"
#include "stages/ocr/ocr_engine.h"
#include "stages/orient/page_orientation.h"
#include "stages/read/cell_reader.h"
#include "stages/read/text_blocks.h"

namespace gridlift {
namespace {

// Tesseract engines are not thread-safe and slow to load: one per worker thread, loaded on the
// first page that needs OCR, kept for the life of the thread.
OcrEngine& ocr_engine_for_this_thread() {
  thread_local std::unique_ptr<OcrEngine> engine;
  if (!engine) engine = std::make_unique<OcrEngine>();
  return *engine;
}

class Stopwatch {
 public:
  double lap_ms() {
    auto now = std::chrono::steady_clock::now();
    double ms = std::chrono::duration<double, std::milli>(now - last_).count();
    last_ = now;
    return ms;
  }

 private:
  std::chrono::steady_clock::time_point last_ = std::chrono::steady_clock::now();
};

}  // namespace

PageWork process_page(const poppler::document& doc, int index, const ExtractOptions& options) {
  PageWork work;
  Stopwatch clock;
  std::unique_ptr<poppler::page> page(doc.create_page(index));
  if (!page) throw std::runtime_error("page " + std::to_string(index + 1) + " cannot be read");

  PageGeometry geometry = read_page_geometry(*page);
  TextChars chars = read_text_layer(*page);
  work.result.page = index + 1;
  work.result.mode = PageMode::kText;
  work.decision = "text layer (" + std::to_string(chars.size()) + " glyphs)";
  if (chars.empty()) {
    work.result.mode = PageMode::kOcr;
    work.decision = "no text layer; read by OCR";
  } else if (double garbled = garbled_fraction(chars); garbled > options.max_garbled_fraction) {
    char share[32];
    std::snprintf(share, sizeof share, "%.0f%%", garbled * 100);
    work.result.mode = PageMode::kOcr;
    work.decision = std::string("text layer garbled (") + share + " unreadable code points); read by OCR";
    chars.clear();
  }
  work.times.load_ms = clock.lap_ms();

  const bool from_pixels = chars.empty();
  GridOptions grid_options = options.grid;
  RasterOptions raster_options = options.raster;
  if (from_pixels) raster_options.dpi = options.ocr_dpi;
  PageRaster raster = rasterize_page(*page, geometry.width, geometry.height, raster_options);
  work.times.rasterize_ms = clock.lap_ms();
  if (from_pixels) {
    CleanPage clean = clean_scanned_page(raster.gray, options.cleanup);
    work.times.clean_ms = clock.lap_ms();
    raster.gray = std::move(clean.gray);
    work.skew_degrees = clean.skew_degrees;
    // Grain and JPEG noise must not pass as faint ink: demand a contrast well above the paper's own.
    grid_options.ink_contrast = std::max(grid_options.ink_contrast, 4 * clean.paper_noise);
  }

  double width = geometry.width, height = geometry.height;
  int turns = quarter_turns_to_upright(chars);
  turn_page(turns, raster, chars, width, height);
  work.result.width = width;
  work.result.height = height;
  work.result.rotation = (geometry.rotation + 90 * turns) % 360;
  work.scale = raster.scale;

  std::vector<GlyphBox> glyphs;
  glyphs.reserve(chars.size());
  for (const auto& c : chars)
    glyphs.push_back(
        {raster.scale.to_image(c.box), static_cast<int>(std::lround(raster.scale.to_pixels(c.font_size)))});
  cv::Mat ink;  // of a page read from pixels: its glyph blobs, then its cells' ink
  if (from_pixels) {
    ink = binarize_page(raster.gray);
    glyphs = glyphs_from_ink(ink, raster.scale);
  }
  GridDetection detection = detect_grids(raster.gray, raster.scale, glyphs, grid_options);
  work.times.grid_ms = clock.lap_ms();

  std::vector<Table> tables;
  if (from_pixels) {
    OcrEngine& engine = ocr_engine_for_this_thread();
    for (const auto& grid : detection.tables)
      tables.push_back(read_table_by_ocr(grid, raster.scale, raster.gray, ink, engine));
    chars = read_free_text(raster.gray, ink, detection.tables, raster.scale, engine);
    work.times.ocr_ms = clock.lap_ms();
  }
  std::vector<char> taken(chars.size(), 0);
  if (!from_pixels) {
    for (const auto& grid : detection.tables) tables.push_back(read_table(grid, raster.scale, chars, taken));
  }
  std::vector<double> table_glyph_heights;
  for (size_t i = 0; i < chars.size(); ++i)
    if (taken[i]) table_glyph_heights.push_back(chars[i].box.height());
  auto lines = free_lines(chars, taken);
  assemble_page(work.result, std::move(tables), lines, body_text_height(lines, table_glyph_heights));
  work.debug = std::move(detection.debug);
  work.grids = std::move(detection.tables);
  if (options.keep_raster) work.raster = raster.gray;
  work.times.read_ms = clock.lap_ms();
  return work;
}

}  // namespace gridlift
