#include "stages/ocr/tesseract_engine.h"

#include <tesseract/baseapi.h>

#include <mutex>
#include <opencv2/imgproc.hpp>
#include <stdexcept>

#include "stages/ocr/tessdata.h"

namespace gridlift {
namespace {

// Tesseract's own notes ("Estimating resolution", empty pages) would flood the log. `debug_file`
// is one of Tesseract's process-wide variables, however it is set: set it once, before any engine
// reads, rather than from every thread's first engine at once.
void quiet_tesseract_once() {
  static std::once_flag once;
  std::call_once(once, [] {
    tesseract::TessBaseAPI api;
    api.SetVariable("debug_file", "/dev/null");
  });
}

std::unique_ptr<tesseract::TessBaseAPI> load(const std::string& folder, const std::string& language) {
  auto api = std::make_unique<tesseract::TessBaseAPI>();
  if (api->Init(folder.c_str(), language.c_str(), tesseract::OEM_LSTM_ONLY) != 0)
    throw std::runtime_error("Tesseract could not load language " + language + " from " + folder);
  return api;
}

}  // namespace

TesseractEngine::TesseractEngine(const TesseractOptions& options) : options_(options) {
  quiet_tesseract_once();
  const std::string folder = find_tessdata({options.text_language, options.number_language});
  text_ = load(folder, options.text_language);
  numbers_ = load(folder, options.number_language);
  numbers_->SetVariable("tessedit_char_whitelist", kNumberCharacters);
  text_->SetPageSegMode(tesseract::PSM_SINGLE_BLOCK);
  numbers_->SetPageSegMode(tesseract::PSM_SINGLE_LINE);
}

TesseractEngine::~TesseractEngine() {
  if (text_) text_->End();
  if (numbers_) numbers_->End();
}

OcrText TesseractEngine::read(const cv::Mat& gray, LineScript script, int dpi) {
  CV_Assert(gray.type() == CV_8UC1);
  tesseract::TessBaseAPI& api = script == LineScript::kNumber ? *numbers_ : *text_;
  cv::Mat image = gray;
  const double best_dpi = script == LineScript::kNumber ? options_.number_dpi : options_.text_dpi;
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

}  // namespace gridlift
