#pragma once
// read from pixels: what every stage that reads pixels is handed — a recognizer for the
// thread it runs on, and the thresholds by which cell readings are doubted and read again. The
// pipeline makes one per run; tests make one around a scripted engine.

#include <tbb/enumerable_thread_specific.h>

#include <functional>
#include <memory>

#include "stages/ocr/ocr_engine.h"

namespace gridlift {

//! When a cell's first reading is doubted and looked at again (see read_cell_by_ocr()).
struct OcrOptions {
  //! Under this confidence a number reading is doubted and the cell is read as text as well.
  double doubtful_number = 0.6;
  //! Under this one the number recognizer takes a second look at another scale. Its readings of a
  //! glyph swing with size: a serif "5" of 7.5 pt at 300 dpi reads "3" at 0.7-0.8, at 200 dpi "5"
  //! at 0.94; digits it is sure of score 0.95 and more at either.
  double second_look_number = 0.9;
  //! Under this one a reading of text in several lines is checked against the lines laid on one.
  //! chi_sim reads the headers of the held-out scans it gets right at 0.86-0.96, and those it
  //! garbles (a line lost, 一般公共预算和) at 0.47-0.91: confidence alone cannot tell, a comparison can.
  double sure_text = 0.95;
};

class OcrContext {
 public:
  using EngineFactory = std::function<std::unique_ptr<OcrEngine>()>;

  //! Engines are made by `make_engine`, one for each thread that reads, on its first read.
  explicit OcrContext(EngineFactory make_engine, OcrOptions options = {});

  //! The calling thread's engine. Threads a parallel loop borrows get their own too.
  OcrEngine& engine();
  const OcrOptions& options() const { return options_; }

 private:
  EngineFactory make_engine_;
  OcrOptions options_;
  tbb::enumerable_thread_specific<std::unique_ptr<OcrEngine>> engines_;
};

}  // namespace gridlift
