#pragma once
// read from pixels: the seam between gridlift and a text recognizer. Stages that read
// pixels take an OcrEngine (one cell, one line) or an OcrContext (many cells, in parallel); the
// Tesseract engine (tesseract_engine.h) is the one real implementation, and tests script fakes.

#include <opencv2/core.hpp>
#include <string>

namespace gridlift {

//! What a line image is expected to hold; chooses the recognizer.
enum class LineScript {
  kText,    //!< Chinese with digits and Latin: chi_sim
  kNumber,  //!< an amount, code or count: eng restricted to digits and number punctuation
};

struct OcrText {
  std::string text;         //!< UTF-8, lines separated by '\n', no trailing newline
  double confidence = 0.0;  //!< the recognizer's mean word confidence, 0..1
  bool operator==(const OcrText&) const = default;
};

//! A text recognizer. One instance serves one thread at a time.
class OcrEngine {
 public:
  virtual ~OcrEngine() = default;

  //! Reads one line (kNumber) or one block of lines (kText) from an 8-bit gray image with dark
  //! text on white and a margin around it; `dpi` is the image's resolution.
  virtual OcrText read(const cv::Mat& gray, LineScript script, int dpi) = 0;
};

//! Characters a number cell can hold; the number recognizer sees no others.
inline constexpr const char* kNumberCharacters = "0123456789.,-%";

}  // namespace gridlift
