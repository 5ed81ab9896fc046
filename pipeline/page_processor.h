#pragma once
// All stages for one page, in order: load text → rasterize → orient → grid → read → assemble.
// The flow graph runs this on worker threads; tests and the benchmark call it directly.

#include <poppler/cpp/poppler-document.h>

#include <string>

#include "models/domain_profile.h"
#include "models/page.h"
#include "stages/clean/page_cleanup.h"
#include "stages/export/page_debug.h"
#include "stages/grid/grid_options.h"
#include "stages/grid/grid_types.h"
#include "stages/load/content_budget.h"
#include "stages/ocr/ocr_context.h"
#include "stages/ocr/tesseract_engine.h"
#include "stages/rasterize/page_raster.h"
#include "stages/verdict/font_checks.h"

namespace gridlift {

//! When a page is read from pixels instead of its text layer.
enum class OcrPolicy {
  kAuto,    //!< when the text layer is missing, garbled, leaves ink unaccounted for or disagrees with OCR
  kAlways,  //!< every page, whatever its text layer
  kNever,   //!< no page: a page without a text layer keeps its grid with empty cells (mode "none")
};

//! "auto", "always", "never"; throws std::invalid_argument otherwise.
OcrPolicy ocr_policy_from_string(const std::string& name);

struct ExtractOptions {
  OcrPolicy ocr = OcrPolicy::kAuto;
  //! What the field's tables are made of, and the languages OCR reads (pipeline/domain_profiles.h);
  //! null: default_profile().
  std::shared_ptr<const DomainProfile> profile;
  //! Pages asking more of the renderer than this are refused before they are drawn.
  ContentBudget content_budget;
  RasterOptions raster;
  //! Pages read from pixels are drawn at this resolution: Tesseract wants text ~20-30 px tall.
  double ocr_dpi = 300;
  CleanupOptions cleanup;
  //! The recognizer and when its readings are doubted: made into the run's OcrContext by
  //! make_ocr_context(), with the profile's languages.
  TesseractOptions tesseract;
  OcrOptions ocr_reading;
  GridOptions grid;
  //! A text layer with more than this share of unreadable code points is not trusted.
  double max_garbled_fraction = 0.2;
  //! A page whose text layer accounts for less than this share of its glyph-sized ink is a picture
  //! of text (a scan with a stamped page number, text drawn as outlines): read it all by OCR.
  double min_ink_covered = 0.1;
  //! Cells of each text-layer table read again by OCR to catch a text layer that lies.
  int cross_check_numbers = 4, cross_check_labels = 2;
  //! Keep the upright page image in PageDebug::raster (for overlays); 2-9 MB a page.
  bool keep_raster = false;
};

//! Wall time of each stage for one page, in milliseconds.
struct StageTimes {
  double load_ms = 0, rasterize_ms = 0, clean_ms = 0, grid_ms = 0, ocr_ms = 0, read_ms = 0;
  double total() const { return load_ms + rasterize_ms + clean_ms + grid_ms + ocr_ms + read_ms; }
  StageTimes& operator+=(const StageTimes& o) {
    load_ms += o.load_ms;
    rasterize_ms += o.rasterize_ms;
    clean_ms += o.clean_ms;
    grid_ms += o.grid_ms;
    ocr_ms += o.ocr_ms;
    read_ms += o.read_ms;
    return *this;
  }
};

struct PageWork {
  PageResult result;
  PageDebug debug;  //!< what the stages saw, for the log, overlays and the HTML report
  StageTimes times;
  //! What a user must be told about how this page was read (logged as warnings, shown in the
  //! report), e.g. that it was drawn coarser than asked.
  std::vector<std::string> warnings;
};

//! options.profile, or the default profile when it names none.
const DomainProfile& profile_of(const ExtractOptions& options);

//! The OCR context of a run with `options`: a Tesseract engine for each thread that reads.
OcrContext make_ocr_context(const ExtractOptions& options);

//! Processes page `index` (0-based) of `doc`, reading pixels with `ocr`. Throws std::runtime_error
//! if the page cannot be read. Not thread-safe for one `doc`: each thread needs its own
//! poppler::document. `fonts`, shared by the pages of one document, spares pages whose fonts OCR
//! already confirmed the check by OCR. `content` (measure_page_contents()) spares a page that
//! draws nothing in colour the look for coloured marks.
PageWork process_page(const poppler::document& doc, int index, const ExtractOptions& options, OcrContext& ocr,
                      FontChecks* fonts = nullptr, const PageContentLoad& content = {});

}  // namespace gridlift
