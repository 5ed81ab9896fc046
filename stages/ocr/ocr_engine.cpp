#include "stages/ocr/ocr_engine.h"

#include <tesseract/baseapi.h>

#include <opencv2/imgproc.hpp>
#include <stdexcept>

#include "stages/ocr/tessdata.h"

namespace gridlift {
namespace {

std::unique_ptr<tesseract::TessBaseAPI> load(const std::string& folder, const char* language) {
  auto api = std::make_unique<tesseract::TessBaseAPI>();
  if (api->Init(folder.c_str(), language, tesseract::OEM_LSTM_ONLY) != 0)
    throw std::runtime_error(std::string("Tesseract could not load language ") + language + " from " +
                             folder);
  // Tesseract's own notes ("Estimating resolution", empty pages) would flood the log.
  api->SetVariable("debug_file", "/dev/null");
  return api;
}

// Resolutions at which the recognizers read best, measured on the scan fixtures (gridlift score,
// cell-exact / numeric): Debian's chi_sim reads 10 pt Han glyphs best at ~180 dpi (0.981 / 0.992)
// rather than 300 (0.969 / 0.979). Numbers: 300 dpi 0.995 / 1.000 on the scans against 0.992 /
// 0.996 at 200 and 0.974 / 0.971 at 150 (the garbled fixture prefers 200: 0.991 vs 0.985 cell).
constexpr double kTextDpi = 180;
constexpr double kNumberDpi = 300;

}  // namespace

OcrEngine::OcrEngine() {
  const std::string folder = find_tessdata({"chi_sim", "eng"});
  text_ = load(folder, "chi_sim");
  numbers_ = load(folder, "eng");
  numbers_->SetVariable("tessedit_char_whitelist", kNumberCharacters);
  text_->SetPageSegMode(tesseract::PSM_SINGLE_BLOCK);
  numbers_->SetPageSegMode(tesseract::PSM_SINGLE_LINE);
}

OcrEngine::~OcrEngine() {
  if (text_) text_->End();
  if (numbers_) numbers_->End();
}

OcrText OcrEngine::read(const cv::Mat& gray, LineScript script, int dpi) {
  CV_Assert(gray.type() == CV_8UC1);
  tesseract::TessBaseAPI& api = script == LineScript::kNumber ? *numbers_ : *text_;
  cv::Mat image = gray;
  const double best_dpi = script == LineScript::kNumber ? kNumberDpi : kTextDpi;
  if (dpi > best_dpi * 1.1) {
    cv::resize(gray, image, cv::Size(), best_dpi / dpi, best_dpi / dpi, cv::INTER_AREA);
    dpi = static_cast<int>(best_dpi);
  }
  api.SetImage(image.data, image.cols, image.rows, 1, static_cast<int>(image.step));
  api.SetSourceResolution(dpi);
  std::unique_ptr<char[]> utf8(api.GetUTF8Text());
  OcrText result;
  if (utf8) result.text = utf8.get();
  while (!result.text.empty() && (result.text.back() == '\n' || result.text.back() == ' '))
    result.text.pop_back();
  result.confidence = result.text.empty() ? 0.0 : std::max(0, api.MeanTextConf()) / 100.0;
  api.Clear();
  return result;
}

OcrEngine& this_threads_ocr_engine() {
  thread_local std::unique_ptr<OcrEngine> engine;
  if (!engine) engine = std::make_unique<OcrEngine>();
  return *engine;
}

}  // namespace gridlift
