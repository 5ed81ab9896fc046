#pragma once
// Stage 4b, read from pixels: Tesseract (LSTM) set up once for the two kinds of text a cell holds.
// One engine per worker thread: a TessBaseAPI is not thread-safe and costs ~100 ms to load, so
// it is created once and reused for every cell the thread reads.

#include <memory>
#include <opencv2/core.hpp>
#include <string>

namespace tesseract {
class TessBaseAPI;
}

namespace gridlift {

//! What a line image is expected to hold; chooses the recognizer.
enum class LineScript {
  kText,    //!< Chinese with digits and Latin: chi_sim
  kNumber,  //!< an amount, code or count: eng restricted to digits and number punctuation
};

struct OcrText {
  std::string text;         //!< UTF-8, lines separated by '\n', no trailing newline
  double confidence = 0.0;  //!< Tesseract's mean word confidence, 0..1
};

class OcrEngine {
 public:
  //! Loads chi_sim and eng from find_tessdata(). Throws std::runtime_error naming a missing pack.
  OcrEngine();
  ~OcrEngine();
  OcrEngine(const OcrEngine&) = delete;
  OcrEngine& operator=(const OcrEngine&) = delete;

  //! Reads one line (kNumber) or one block of lines (kText) from an 8-bit gray image with dark
  //! text on white and a margin around it; `dpi` is the image's resolution (reduced inside to the
  //! resolution each recognizer reads best at).
  OcrText read(const cv::Mat& gray, LineScript script, int dpi);

 private:
  std::unique_ptr<tesseract::TessBaseAPI> text_;
  std::unique_ptr<tesseract::TessBaseAPI> numbers_;
};

//! This thread's engine, loaded on its first call and kept for the life of the thread: how the
//! stages reach Tesseract from any worker, including those a parallel loop over cells borrows.
OcrEngine& this_threads_ocr_engine();

//! Characters a number cell can hold; the number recognizer sees no others.
inline constexpr const char* kNumberCharacters = "0123456789.,-%";

}  // namespace gridlift
