// Fuzzes reading one cell from pixels: the cell image prepared (stacked and wrapped text, rule
// remnants), read by Tesseract as a number or as text, and the fallbacks after a poor reading.

#include <cstddef>
#include <cstdint>

#include "fuzz/fuzz_image.h"
#include "stages/clean/page_cleanup.h"
#include "stages/ocr/cell_ocr.h"
#include "stages/ocr/tesseract_engine.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const cv::Mat gray = gridlift::fuzz::image_from_bytes(data, size);
  if (gray.empty()) return 0;
  const cv::Mat ink = gridlift::binarize_page(gray);
  // The cell between its rules' centres: the picture less a rule's width all round, as the grid
  // gives it; pictures too small for that are the whole cell.
  const int margin = gray.cols > 8 && gray.rows > 8 ? 2 : 0;
  const gridlift::ImageRect cell{margin, margin, gray.cols - margin, gray.rows - margin};
  static gridlift::TesseractEngine engine(
      {"chi_sim", "eng"});  // loaded once: ~100 ms, and a fuzzer runs one thread
  gridlift::read_cell_by_ocr(gray, ink, cell, gridlift::PixelScale{300}, engine);
  return 0;
}
