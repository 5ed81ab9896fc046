#include "pipeline/page_processor.h"

#include <poppler/cpp/poppler-page.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <memory>
#include <opencv2/imgproc.hpp>
#include <optional>
#include <set>
#include <stdexcept>

#include "pipeline/domain_profiles.h"
#include "stages/assemble/page_assembler.h"
#include "stages/assemble/table_title.h"
#include "stages/clean/coloured_marks.h"
#include "stages/clean/ink_glyphs.h"
#include "stages/clean/page_cleanup.h"
#include "stages/correct/correction_list.h"
#include "stages/grid/grid_detector.h"
#include "stages/load/text_layer.h"
#include "stages/ocr/cell_ocr.h"
#include "stages/ocr/free_text_ocr.h"
#include "stages/ocr/ocr_context.h"
#include "stages/orient/page_orientation.h"
#include "stages/orient/scan_orientation.h"
#include "stages/rasterize/page_raster.h"
#include "stages/rasterize/region_raster.h"
#include "stages/read/cell_reader.h"
#include "stages/read/text_blocks.h"
#include "stages/verdict/ink_coverage.h"
#include "stages/verdict/ocr_cross_check.h"

namespace gridlift {
namespace {

// Under this many glyph-sized blobs a page has too little ink to judge its text layer by.
constexpr size_t kMinBlobsToJudge = 30;

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

std::string percent(double share) {
  char text[32];
  std::snprintf(text, sizeof text, "%.0f%%", share * 100);
  return text;
}

// Why the text layer cannot be used, judged from its code points alone; "" if it may be.
std::string distrust_by_code_points(const TextChars& chars, const ExtractOptions& options) {
  if (chars.empty()) return "no text layer";
  if (double garbled = garbled_fraction(chars); garbled > options.max_garbled_fraction)
    return "text layer garbled (" + percent(garbled) + " unreadable code points)";
  return {};
}

// A page too large to draw at the dpi asked (posters, a broken MediaBox) is drawn coarser, and
// small print and hairlines may be lost: the user must hear it, or "0 tables" looks like a verdict.
void warn_if_drawn_coarser(const PageRaster& raster, const RasterOptions& asked, const PageGeometry& geometry,
                           PageWork& work) {
  if (raster.scale.dpi >= asked.dpi - 0.5) return;
  char text[256];
  std::snprintf(text, sizeof text,
                "page is %.0f × %.0f mm: drawn at %.0f dpi instead of %.0f to stay within %.0f megapixels, "
                "so small print and thin rules may be lost",
                geometry.width / 72 * 25.4, geometry.height / 72 * 25.4, raster.scale.dpi, asked.dpi,
                asked.max_pixels / 1e6);
  work.warnings.emplace_back(text);
}

// Marks smaller than this (millimetres across) are not looked for: on a born-digital page a
// redaction bar over one word is one already; on a scan only seals and signatures, since a word of
// coloured print is all there is of its text.
constexpr double kMinTextLayerMarkMm = 3;
constexpr double kMinScanMarkMm = 15;

// Coloured marks (seals, signatures, redaction bars) dropped from the page's raster (as drawn,
// before any turn), so that their strokes are taken neither for rules nor for characters. A 50 dpi
// colour picture tells whether there are any; only then is the page drawn in colour at full size.
// Returns where they lay, in the raster's pixels.
std::vector<cv::Rect> drop_coloured_marks(const poppler::page& page, PageRaster& raster, double min_mm) {
  constexpr double kLookDpi = 50;
  const std::vector<cv::Rect> seen =
      coloured_mark_regions(render_page_in_colour(page, kLookDpi), PixelScale{kLookDpi}, min_mm);
  if (seen.empty()) return {};
  const cv::Mat bgr = render_page_in_colour(page, raster.scale.dpi);
  if (bgr.size() != raster.gray.size()) return {};
  std::vector<cv::Rect> marks = coloured_mark_regions(bgr, raster.scale, min_mm);
  drop_coloured_ink(raster.gray, bgr, marks);
  return marks;
}

// Ink under a coloured mark is the mark's, even what is left of it once dropped: never characters
// the text layer lacks. `marks` are in the pixels of the page as drawn, `turns` how it was turned.
void leave_out_ink_under_marks(std::vector<GlyphBox>& untexted, const std::vector<cv::Rect>& marks,
                               cv::Size drawn, int turns) {
  if (marks.empty()) return;
  cv::Mat under(drawn, CV_8UC1, cv::Scalar(0));
  for (const cv::Rect& m : marks) cv::rectangle(under, m, cv::Scalar(255), cv::FILLED);
  under = turn_image(under, turns);
  std::erase_if(untexted, [&](const GlyphBox& g) {
    const int x = std::clamp(g.box.center_x(), 0, under.cols - 1),
              y = std::clamp(g.box.center_y(), 0, under.rows - 1);
    return under.at<uchar>(y, x) != 0;
  });
}

std::string marks_note(size_t marks) {
  return "; " + std::to_string(marks) + (marks == 1 ? " mark" : " marks") +
         " of coloured ink (a seal, a signature) left out of the picture";
}

std::vector<GlyphBox> glyph_boxes(const TextChars& chars, const PixelScale& scale) {
  std::vector<GlyphBox> glyphs;
  glyphs.reserve(chars.size());
  for (const auto& c : chars)
    glyphs.push_back({scale.to_image(c.box), static_cast<int>(std::lround(scale.to_pixels(c.font_size)))});
  return glyphs;
}

// Places the page's tables and free text, and keeps what overlays need.
void finish_page(PageWork& work, std::vector<Table> tables, const TextChars& chars,
                 const std::vector<char>& taken, GridDetection detection, const PageRaster& raster,
                 const ExtractOptions& options) {
  std::vector<double> table_glyph_heights;
  for (size_t i = 0; i < chars.size(); ++i)
    if (taken[i]) table_glyph_heights.push_back(chars[i].box.height());
  auto lines = free_lines(chars, taken);
  assemble_page(work.result, std::move(tables), lines, body_text_height(lines, table_glyph_heights));
  work.debug.grid = std::move(detection.debug);
  work.debug.grids = std::move(detection.tables);
  work.debug.scale = raster.scale;
  if (options.keep_raster) work.debug.raster = raster.gray;
}

// Cells of a page read from the text layer, read by OCR from the cell drawn again at the OCR
// resolution: the page image's 150 dpi is too coarse for Tesseract to read small print surely.
struct FineCellReader {
  const poppler::page& page;
  const PageGeometry& geometry;
  int turns;  //!< as the page was turned upright
  const ExtractOptions& options;
  OcrContext& ocr;
  bool may_draw_colour;  //!< false when the page's content sets no colour: no mark to look for

  //! The cell `cell` (upright page points, between its rules' centres).
  CellReading read(const PdfRect& cell) const {
    const double margin = 4;  // points: the rules around the cell and a little paper beyond them
    RegionRaster region =
        rasterize_region(page, {cell.x0 - margin, cell.y0 - margin, cell.x1 + margin, cell.y1 + margin},
                         turns, geometry.width, geometry.height, options.ocr_dpi);
    cv::Mat ink = binarize_page(region.gray);
    return read_cell_by_ocr(region.gray, ink, region.to_image(cell), region.scale, ocr.engine(),
                            ocr.options());
  }

  //! Whether a mark in coloured ink (a seal, a signature) lies over the cell `cell`: OCR of it
  //! reads the mark, not the text. 100 dpi is fine enough to tell ink's colour.
  bool under_a_mark(const PdfRect& cell) const {
    return may_draw_colour &&
           coloured_ink_share(rasterize_region_in_colour(page, cell, turns, geometry.width, geometry.height,
                                                         kMarkTestDpi)) >= kMarkedInkShare;
  }
  static constexpr double kMarkTestDpi = 100;
};

// The OCR cross-check of a page's tables, sampling at most the options' numbers and labels over
// all of them, and the fonts of the glyphs in the cells it compared.
struct PageCrossCheck {
  CrossCheck check;
  int under_marks = 0;  //!< samples passed over: a coloured mark lies over the cell
  std::set<std::string> fonts;
  std::vector<CheckedCell> cells;  //!< each comparison, for the debug record
};

PageCrossCheck cross_check_tables(const std::vector<Table>& tables, const std::vector<TableGrid>& grids,
                                  const TextChars& chars, const PixelScale& scale,
                                  const FineCellReader& fine) {
  PageCrossCheck out;
  for (size_t t = 0; t < tables.size(); ++t) {
    const int numbers = fine.options.cross_check_numbers - out.check.numbers_sampled;
    const int labels = fine.options.cross_check_labels - out.check.texts_sampled;
    if (numbers <= 0 && labels <= 0) break;
    const TableGrid& grid = grids[t];
    auto read_cell = [&](size_t i) {
      const PdfRect cell = scale.to_pdf(grid.cell_rect(grid.cells[i]));
      if (fine.under_a_mark(cell)) {
        ++out.under_marks;
        return CellReading{};  // blank: no evidence either way
      }
      return fine.read(cell);
    };
    CrossCheck table_check = cross_check_by_ocr(tables[t], read_cell, numbers, labels);
    for (const auto& sample : table_check.sampled_cells) {
      const PdfRect& box = tables[t].cells[sample.index].bbox;
      for (const auto& c : chars)
        if (box.contains(c.box.center_x(), c.box.center_y())) out.fonts.insert(c.font);
      out.cells.push_back({grid.cell_rect(grid.cells[sample.index]), sample.ocr_text, sample.agrees});
    }
    out.check.add(table_check);
  }
  return out;
}

// Cells the text layer left empty but that hold characters' ink (text pasted as a picture or
// drawn as outlines), read by OCR and added to `crops`, each marked in `read_by_ocr` (one mask per
// table). Returns how many cells got text.
int read_untexted_cells(std::vector<Table>& tables, const std::vector<TableGrid>& grids,
                        const std::vector<GlyphBox>& untexted, const PixelScale& scale,
                        const FineCellReader& fine, std::vector<OcrCrop>& crops,
                        std::vector<std::vector<char>>& read_by_ocr) {
  read_by_ocr.assign(tables.size(), {});
  for (size_t t = 0; t < tables.size(); ++t) read_by_ocr[t].assign(tables[t].cells.size(), 0);
  std::vector<std::pair<size_t, size_t>> wanted;  // (table, cell)
  for (size_t t = 0; t < tables.size(); ++t) {
    for (size_t c = 0; c < tables[t].cells.size(); ++c) {
      if (!tables[t].cells[c].text.empty()) continue;
      ImageRect box = grids[t].cell_rect(grids[t].cells[c]);
      bool inked = std::any_of(untexted.begin(), untexted.end(), [&](const GlyphBox& g) {
        const int x = g.box.center_x(), y = g.box.center_y();
        return x > box.x0 && x < box.x1 && y > box.y0 && y < box.y1;
      });
      if (inked) wanted.emplace_back(t, c);
    }
  }
  int read = 0;
  for (auto [t, c] : wanted) {
    const ImageRect box = grids[t].cell_rect(grids[t].cells[c]);
    CellReading reading = fine.read(scale.to_pdf(box));
    if (reading.blank) continue;
    crops.push_back({box, reading.confidence});
    read_by_ocr[t][c] = 1;
    tables[t].cells[c].text = std::move(reading.text);
    tables[t].cells[c].confidence = reading.confidence;
    ++read;
  }
  return read;
}

// Reads the page from its text layer. When `verify` and the ink or OCR shows the layer cannot be
// trusted, returns false with the reason in `distrust`; `work` then holds only the time spent.
// When OCR contradicted a layer that accounts for the page's ink, `text_turns` gets the quarter
// turns its glyphs stand upright by.
bool read_from_text_layer(const poppler::page& page, const PageGeometry& geometry, TextChars chars,
                          const ExtractOptions& options, OcrContext& ocr, bool verify, FontChecks* fonts,
                          Stopwatch& clock, PageWork& work, std::string& distrust, bool may_draw_colour,
                          int* text_turns = nullptr) {
  PageRaster raster = rasterize_page(page, geometry.width, geometry.height, options.raster);
  const std::vector<cv::Rect> marks =
      may_draw_colour ? drop_coloured_marks(page, raster, kMinTextLayerMarkMm) : std::vector<cv::Rect>{};
  const cv::Size drawn = raster.gray.size();
  work.times.rasterize_ms += clock.lap_ms();
  warn_if_drawn_coarser(raster, options.raster, geometry, work);

  double width = geometry.width, height = geometry.height;
  const int turns = quarter_turns_to_upright(chars);
  turn_page(turns, raster, chars, width, height);
  std::vector<GlyphBox> glyphs = glyph_boxes(chars, raster.scale);

  cv::Mat ink;
  std::vector<GlyphBox> untexted;  // ink of characters the text layer lacks
  if (verify) {
    ink = binarize_page(raster.gray);
    std::vector<GlyphBox> blobs = glyphs_from_ink(ink, raster.scale);
    untexted = ink_without_text(blobs, glyphs, raster.gray.size(), raster.scale.pixels(1.0, 1));
    leave_out_ink_under_marks(untexted, marks, drawn, turns);
    const double covered =
        blobs.empty() ? 1.0 : 1.0 - static_cast<double>(untexted.size()) / static_cast<double>(blobs.size());
    work.times.clean_ms += clock.lap_ms();
    // Without a text layer, a page with characters' ink is a picture of text; one without any (the
    // rules of a table's blank last row, spilled onto a page of its own) has nothing to read.
    if (chars.empty() && !blobs.empty()) {
      distrust = "no text layer";
      return false;
    }
    if (blobs.size() >= kMinBlobsToJudge && covered < options.min_ink_covered) {
      distrust = "text layer accounts for " + percent(covered) + " of the glyph-sized ink";
      return false;
    }
    // Characters without text are still characters: grid finding must not take them for rules.
    glyphs.insert(glyphs.end(), untexted.begin(), untexted.end());
  }

  GridDetection detection = detect_grids(raster.gray, raster.scale, glyphs, options.grid);
  work.times.grid_ms += clock.lap_ms();

  std::vector<char> taken(chars.size(), 0);
  std::vector<Table> tables;
  for (const auto& grid : detection.tables) tables.push_back(read_table(grid, raster.scale, chars, taken));
  work.times.read_ms += clock.lap_ms();

  work.result.mode = PageMode::kText;
  work.debug.decision = "text layer (" + std::to_string(chars.size()) + " glyphs)";
  if (!marks.empty()) work.debug.decision += marks_note(marks.size());
  if (verify && !tables.empty()) {
    const FineCellReader fine{page, geometry, turns, options, ocr, may_draw_colour};
    std::set<std::string> table_fonts;
    for (size_t i = 0; i < chars.size(); ++i)
      if (taken[i]) table_fonts.insert(chars[i].font);
    if (fonts && fonts->all_confirmed(table_fonts)) {
      work.debug.decision += "; its tables' fonts were confirmed by OCR on an earlier page";
    } else {
      auto [check, under_marks, checked_fonts, checked_cells] =
          cross_check_tables(tables, detection.tables, chars, raster.scale, fine);
      if (check.contradicts_text_layer()) {
        work.times.ocr_ms += clock.lap_ms();
        distrust = "OCR of sample cells disagrees with the text layer (" + check.example + ")";
        // The glyphs cover the page's ink, so they run as the page does: OCR must not turn it.
        if (text_turns) *text_turns = turns;
        return false;
      }
      // Kept only now: the boxes are in this page image's pixels, which a page sent to OCR replaces.
      work.debug.checked = std::move(checked_cells);
      work.debug.decision += "; OCR agrees on " +
                             std::to_string(check.numbers_sampled - check.numbers_disagreed) + "/" +
                             std::to_string(check.numbers_sampled) + " sampled numbers, " +
                             std::to_string(check.texts_sampled - check.texts_disagreed) + "/" +
                             std::to_string(check.texts_sampled) + " labels" +
                             (check.example.empty() ? "" : " (" + check.example + ")");
      if (under_marks > 0)
        work.debug.decision +=
            "; " + std::to_string(under_marks) + " sampled cells under a coloured mark passed over";
      if (fonts && check.numbers_disagreed == 0 && check.texts_disagreed == 0) fonts->confirm(checked_fonts);
    }
    std::vector<std::vector<char>> read_by_ocr;
    const int read = read_untexted_cells(tables, detection.tables, untexted, raster.scale, fine,
                                         work.debug.ocr_crops, read_by_ocr);
    work.times.ocr_ms += clock.lap_ms();
    if (read > 0) {
      work.result.mode = PageMode::kMixed;
      work.debug.decision += "; " + std::to_string(read) + " cells without text read by OCR";
      for (size_t t = 0; t < tables.size(); ++t)
        correct_table(tables[t], read_by_ocr[t], profile_of(options));
      if (auto note = corrections_note(tables); !note.empty()) work.debug.decision += "; " + note;
    }
  }

  work.result.width = width;
  work.result.height = height;
  work.result.rotation = (geometry.rotation + 90 * turns) % 360;
  for (const auto& c : chars) work.debug.text_boxes.push_back(raster.scale.to_image(c.box));
  finish_page(work, std::move(tables), chars, taken, std::move(detection), raster, options);
  work.times.read_ms += clock.lap_ms();
  return true;
}

// Reads the page from pixels: drawn at the OCR resolution, cleaned and deskewed, grid found with
// ink blobs standing in for glyphs, cells and the text around tables read by OCR, then corrected.
// Returns what the corrections changed, for the page's decision (corrections_note()).
std::string read_from_pixels(const poppler::page& page, const PageGeometry& geometry,
                             const ExtractOptions& options, OcrContext& ocr, Stopwatch& clock, PageWork& work,
                             std::optional<int> upright_turns, bool may_draw_colour) {
  RasterOptions raster_options = options.raster;
  raster_options.dpi = options.ocr_dpi;
  PageRaster raster = rasterize_page(page, geometry.width, geometry.height, raster_options);
  const size_t marks = may_draw_colour ? drop_coloured_marks(page, raster, kMinScanMarkMm).size() : 0;
  work.times.rasterize_ms += clock.lap_ms();
  work.warnings.clear();  // a text-layer reading that was given up may have warned of its own raster
  warn_if_drawn_coarser(raster, raster_options, geometry, work);
  CleanPage clean = clean_scanned_page(raster.gray, options.cleanup);
  raster.gray = std::move(clean.gray);
  work.debug.skew_degrees = clean.skew_degrees;
  cv::Mat ink = binarize_page(raster.gray);
  OcrEngine& engine = ocr.engine();
  // One labelling of the ink serves both the glyphs grid finding needs and the free text's lines.
  std::vector<ImageRect> blobs = glyph_sized_blobs(ink, raster.scale, kFreeTextMaxGlyphPt);
  std::vector<GlyphBox> glyphs = glyphs_from_blobs(blobs, raster.scale);
  // A scan has no glyph directions: its turn comes from the lines of its ink and a recognizer,
  // unless a text layer that covers the ink said which way is up.
  const int turns =
      upright_turns ? *upright_turns : quarter_turns_for_scan(raster.gray, ink, glyphs, raster.scale, engine);
  double width = geometry.width, height = geometry.height;
  if (turns != 0) {
    TextChars none;
    turn_page(turns, raster, none, width, height);
    ink = turn_image(ink, turns);
    blobs = glyph_sized_blobs(ink, raster.scale, kFreeTextMaxGlyphPt);
    glyphs = glyphs_from_blobs(blobs, raster.scale);
  }
  work.times.clean_ms += clock.lap_ms();

  // Grain and JPEG noise must not pass as faint ink: demand a contrast well above the paper's own.
  GridOptions grid_options = options.grid;
  grid_options.ink_contrast = std::max(grid_options.ink_contrast, 4 * clean.paper_noise);
  // Characters that touch rules, as in columns one character wide, must count as text too: their
  // strokes line up across the rules like a rule of their own.
  std::vector<GlyphBox> touching = glyphs_touching_rules(ink, raster.scale, glyphs);
  glyphs.insert(glyphs.end(), touching.begin(), touching.end());
  GridDetection detection = detect_grids(raster.gray, raster.scale, glyphs, grid_options);
  work.times.grid_ms += clock.lap_ms();

  std::vector<Table> tables;
  for (const auto& grid : detection.tables) {
    tables.push_back(read_table_by_ocr(grid, raster.scale, raster.gray, ink, ocr));
    correct_table(tables.back(), std::vector<char>(grid.cells.size(), 1), profile_of(options));
    for (size_t i = 0; i < grid.cells.size(); ++i)
      if (!tables.back().cells[i].text.empty())
        work.debug.ocr_crops.push_back({grid.cell_rect(grid.cells[i]), tables.back().cells[i].confidence});
  }
  TextChars chars = read_free_text(raster.gray, blobs, detection.tables, raster.scale, engine);
  work.times.ocr_ms += clock.lap_ms();

  work.result.mode = PageMode::kOcr;
  work.result.width = width;
  work.result.height = height;
  work.result.rotation = (geometry.rotation + 90 * turns) % 360;
  std::string note = corrections_note(tables);
  if (marks > 0) note = marks_note(marks).substr(2) + (note.empty() ? "" : "; " + note);
  std::vector<char> taken(chars.size(), 0);
  finish_page(work, std::move(tables), chars, taken, std::move(detection), raster, options);
  work.times.read_ms += clock.lap_ms();
  return note;
}

}  // namespace

OcrPolicy ocr_policy_from_string(const std::string& name) {
  if (name == "auto") return OcrPolicy::kAuto;
  if (name == "always") return OcrPolicy::kAlways;
  if (name == "never") return OcrPolicy::kNever;
  throw std::invalid_argument("unknown OCR policy '" + name + "' (auto, always or never)");
}

const DomainProfile& profile_of(const ExtractOptions& options) {
  return options.profile ? *options.profile : *default_profile();
}

OcrContext make_ocr_context(const ExtractOptions& options) {
  TesseractOptions tesseract = options.tesseract;
  tesseract.text_language = profile_of(options).text_language;
  tesseract.number_language = profile_of(options).number_language;
  return OcrContext([tesseract] { return std::make_unique<TesseractEngine>(tesseract); },
                    options.ocr_reading);
}

PageWork process_page(const poppler::document& doc, int index, const ExtractOptions& options, OcrContext& ocr,
                      FontChecks* fonts, const PageContentLoad& content) {
  PageWork work;
  Stopwatch clock;
  std::unique_ptr<poppler::page> page(doc.create_page(index));
  if (!page) throw std::runtime_error("page " + std::to_string(index + 1) + " cannot be read");
  work.result.page = index + 1;

  PageGeometry geometry = read_page_geometry(*page);
  TextChars chars = read_text_layer(*page);
  std::string distrust = distrust_by_code_points(chars, options);
  work.times.load_ms = clock.lap_ms();

  int text_turns = -1;  // set when a text layer that covers the ink tells which way is up
  switch (options.ocr) {
    case OcrPolicy::kNever:
      if (!distrust.empty()) chars.clear();  // an unreadable layer is no text at all
      read_from_text_layer(*page, geometry, std::move(chars), options, ocr, false, fonts, clock, work,
                           distrust, content.may_draw_colour);
      if (!distrust.empty()) {
        work.result.mode = PageMode::kNone;
        work.debug.decision = distrust + "; OCR turned off: cells left empty";
      }
      return work;
    case OcrPolicy::kAlways:
      distrust = "OCR asked for every page";
      break;
    case OcrPolicy::kAuto:
      // A page without a text layer that draws no picture is looked at first: with no characters'
      // ink there is nothing for OCR to read, and its rules are read as drawn.
      if ((distrust.empty() || (chars.empty() && !content.draws_images)) &&
          read_from_text_layer(*page, geometry, chars, options, ocr, true, fonts, clock, work, distrust,
                               content.may_draw_colour, &text_turns)) {
        if (chars.empty())
          work.debug.decision = "no text layer and no characters' ink: nothing for OCR to read";
        return work;
      }
      break;
  }
  const std::string corrected = read_from_pixels(
      *page, geometry, options, ocr, clock, work,
      text_turns >= 0 ? std::optional<int>(text_turns) : std::nullopt, content.may_draw_colour);
  work.debug.decision = distrust + "; read by OCR";
  if (work.result.rotation != geometry.rotation)
    work.debug.decision +=
        ", turned " + std::to_string((work.result.rotation - geometry.rotation + 360) % 360) + "° to read";
  if (!corrected.empty()) work.debug.decision += "; " + corrected;
  return work;
}

}  // namespace gridlift
