#include "stages/ocr/ocr_context.h"

#include <utility>

namespace gridlift {

OcrContext::OcrContext(EngineFactory make_engine, OcrOptions options)
    : make_engine_(std::move(make_engine)), options_(options) {}

OcrEngine& OcrContext::engine() {
  std::unique_ptr<OcrEngine>& mine = engines_.local();
  if (!mine) mine = make_engine_();
  return *mine;
}

}  // namespace gridlift
