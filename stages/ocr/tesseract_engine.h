#pragma once
// read from pixels: Tesseract (LSTM) set up once for the two kinds of text a cell holds.
// A TessBaseAPI is not thread-safe and costs ~100 ms to load, so each thread keeps one engine
// (see ocr_context.h) and reuses it for every cell it reads.

#include <memory>
#include <string>

#include "stages/ocr/ocr_engine.h"

namespace tesseract {
class TessBaseAPI;
}

namespace gridlift {

struct TesseractOptions {
  //! Tesseract packs, from the run's domain profile: for LineScript::kText, and for
  //! LineScript::kNumber (limited to kNumberCharacters).
  std::string text_language;
  std::string number_language;
  // Resolutions at which the recognizers read best; images finer than 1.1 x are scaled down to
  // them. Measured on the scan fixtures (gridlift score, cell-exact / numeric): Debian's chi_sim
  // reads 10 pt Han glyphs best at ~180 dpi (0.981 / 0.992) rather than 300 (0.969 / 0.979).
  // Numbers: 300 dpi 0.995 / 1.000 on the scans against 0.992 / 0.996 at 200 and 0.974 / 0.971
  // at 150 (the garbled fixture prefers 200: 0.991 vs 0.985 cell).
  double text_dpi = 180;
  double number_dpi = 300;
};

class TesseractEngine final : public OcrEngine {
 public:
  //! Loads both languages from find_tessdata(). Throws std::runtime_error naming a missing pack.
  explicit TesseractEngine(const TesseractOptions& options);
  ~TesseractEngine() override;
  TesseractEngine(const TesseractEngine&) = delete;
  TesseractEngine& operator=(const TesseractEngine&) = delete;

  OcrText read(const cv::Mat& gray, LineScript script, int dpi) override;

 private:
  TesseractOptions options_;
  std::unique_ptr<tesseract::TessBaseAPI> text_;
  std::unique_ptr<tesseract::TessBaseAPI> numbers_;
};

}  // namespace gridlift
