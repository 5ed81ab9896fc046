#include "stages/ocr/cell_ocr.h"

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>
#include <tbb/task_arena.h>
#include <cctype>
#include <cmath>
#include <cstring>
#include <opencv2/imgproc.hpp>
#include <sstream>
#include <vector>

#include "models/number_text.h"
#include "models/thread_handoff.h"
#include "models/unicode.h"
#include "stages/correct/ocr_marks.h"
#include "stages/ocr/cell_image.h"
#include "stages/read/cell_reader.h"
#include "stages/read/text_lines.h"

namespace gridlift {
namespace {

// The number recognizer's reading of `gray` (at `dpi`) at the other of 200 and 300 dpi.
OcrText read_number_at_other_scale(const cv::Mat& gray, int dpi, OcrEngine& engine) {
  const double other_dpi = dpi >= 250 ? 200.0 : 300.0;
  cv::Mat scaled;
  cv::resize(gray, scaled, cv::Size(), other_dpi / dpi, other_dpi / dpi,
             other_dpi < dpi ? cv::INTER_AREA : cv::INTER_CUBIC);
  return engine.read(scaled, LineScript::kNumber, static_cast<int>(other_dpi));
}

std::string tidy_line(const std::string& line) {
  const std::u32string cps = code_points(line);
  std::string out;
  char32_t previous = 0;
  for (size_t i = 0; i < cps.size(); ++i) {
    if (is_space(cps[i])) {
      size_t j = i;
      while (j < cps.size() && is_space(cps[j])) ++j;
      const bool edge = previous == 0 || j == cps.size();
      if (!edge && !(is_cjk(previous) && is_cjk(cps[j]))) out += ' ';
      i = j - 1;
      continue;
    }
    append_utf8(out, cps[i]);
    previous = cps[i];
  }
  return out;
}

// A reading as the correction list will leave its marks: the chain judges candidates by it, so
// that a rule's remnant ("|2.77") does not make a number look malformed.
std::string as_judged(const std::string& raw) {
  return mend_ocr_marks(tidy_ocr_text(raw));
}

// Digits with at most one other character (a stray mark the recognizer saw as a letter).
bool reads_as_number(const std::string& text) {
  int digits = 0, others = 0;
  for (size_t i = 0; i < text.size();) {
    char32_t cp = next_code_point(text, i);
    if (cp >= '0' && cp <= '9')
      ++digits;
    else if (cp > 0x7F || !std::strchr(kNumberCharacters, static_cast<int>(cp)))
      ++others;
  }
  return digits > 0 && others <= 1;
}

}  // namespace

// A reading of a doubtful cell that is a well-formed number is not given up for a surer one that
// is not ("1,22", "2.7.").
bool better_number_look(const OcrText& look, const OcrText& reading, const OcrOptions& options) {
  const bool look_formed = well_formed_number(as_judged(look.text));
  const bool reading_formed = well_formed_number(as_judged(reading.text));
  if (look_formed != reading_formed) return look_formed && look.confidence >= options.doubtful_number;
  return look.confidence > reading.confidence;
}

bool letters_stand_for_digits(const std::string& as_text, const std::string& as_number) {
  if (as_text.size() != as_number.size() || !well_formed_number(as_number)) return false;
  int letters = 0, digits = 0;
  for (size_t i = 0; i < as_text.size(); ++i) {
    const unsigned char t = static_cast<unsigned char>(as_text[i]),
                        n = static_cast<unsigned char>(as_number[i]);
    if (t >= 0x80 || n >= 0x80) return false;
    digits += std::isdigit(n) ? 1 : 0;
    if (t == n) continue;
    if (!std::isalpha(t) || !std::isdigit(n)) return false;
    ++letters;
  }
  return letters == 1 && digits >= 2;  // more letters than one: a word after all, or a guess
}

bool number_settles_lone_glyph(const OcrText& as_text, const OcrText& as_number, const OcrOptions& options) {
  return as_text.confidence < options.doubtful_number && as_number.confidence >= options.second_look_number &&
         well_formed_number(as_judged(as_number.text));
}

bool text_overrules_number(const OcrText& as_number, const OcrText& as_text) {
  const bool same_number =
      reads_as_number(as_text.text) && ascii_digits(as_text.text) == ascii_digits(as_number.text);
  return !same_number && !letters_stand_for_digits(as_text.text, as_number.text) &&
         as_text.confidence > as_number.confidence;
}

std::string tidy_ocr_text(const std::string& raw) {
  std::vector<std::string> lines;
  std::istringstream in(raw);
  for (std::string line; std::getline(in, line);)
    if (auto tidy = tidy_line(line); !tidy.empty()) lines.push_back(std::move(tidy));
  return join_lines(lines);
}

CellReading read_cell_by_ocr(const cv::Mat& gray, const cv::Mat& ink, const ImageRect& cell,
                             const PixelScale& scale, OcrEngine& engine, const OcrOptions& options) {
  CellReading result;
  CellImage image = prepare_cell_image(gray, ink, cell, scale);
  if (image.dashes > 0) {
    result.blank = false;
    result.text = std::string(static_cast<size_t>(image.dashes), '-');
    return result;
  }
  if (image.blank) return result;
  const int dpi = static_cast<int>(std::lround(scale.dpi));
  OcrText reading = engine.read(image.gray, image.script, dpi);
  if (!image.one_line.empty() && reading.confidence < options.sure_text) {
    OcrText as_one_line = engine.read(image.one_line, LineScript::kText, dpi);
    if (as_one_line.confidence > reading.confidence) reading = std::move(as_one_line);
  }
  const bool number = image.script == LineScript::kNumber;
  auto doubtful = [&] {
    return number ? reading.confidence < options.second_look_number ||
                        !well_formed_number(as_judged(reading.text))
                  : reading.confidence < options.doubtful_number;
  };
  if (number && doubtful()) {
    OcrText second = read_number_at_other_scale(image.gray, dpi, engine);
    if (better_number_look(second, reading, options)) reading = std::move(second);
  }
  if (doubtful() && !image.unmasked.empty()) {
    OcrText third = engine.read(image.unmasked, image.script, dpi);
    if (!number && reads_as_number(third.text)) {
      OcrText as_number = engine.read(image.unmasked, LineScript::kNumber, dpi);
      if (as_number.confidence > third.confidence) third = std::move(as_number);
    }
    if (better_number_look(third, reading, options)) reading = std::move(third);
  }
  if (number && reading.confidence < options.doubtful_number) {
    OcrText as_text = engine.read(image.gray, LineScript::kText, dpi);
    if (text_overrules_number(reading, as_text)) reading = std::move(as_text);
  } else if (!number && reads_as_number(reading.text)) {
    // Shape said text (a wide "4", a digit broken in two), the reading says number: the
    // number recognizer settles it, as it reads digits more surely than chi_sim.
    OcrText as_number = engine.read(image.gray, LineScript::kNumber, dpi);
    if (as_number.confidence > reading.confidence || letters_stand_for_digits(reading.text, as_number.text))
      reading = std::move(as_number);
  } else if (!number && reading.confidence < options.doubtful_number &&
             image.ink.width() * 10 <= image.ink.height() * 13) {
    // Ink no wider than one glyph, which the shape test took for text: a light face's lone digit
    // in pieces, perhaps.
    OcrText as_number = engine.read(image.gray, LineScript::kNumber, dpi);
    if (number_settles_lone_glyph(reading, as_number, options)) reading = std::move(as_number);
  }
  result.blank = false;
  result.text = tidy_ocr_text(reading.text);
  if (!image.stacked_glyphs.empty()) result.text = place_stacked_marks(result.text, image.stacked_glyphs);
  result.confidence = reading.confidence;
  return result;
}

Table read_table_by_ocr(const TableGrid& grid, const PixelScale& scale, const cv::Mat& gray,
                        const cv::Mat& ink, OcrContext& ocr) {
  Table table = table_on_grid(grid, scale);  // blank cells stay "" with confidence 1
  // Each cell writes only its own slot, so the result does not depend on how cells are shared
  // out. Chunks of 8 cells (~50-100 ms of OCR) keep the hand-over cost small.
  // Isolated: while this thread waits for the loop's last chunk it must not take up another
  // page's task from the flow graph, whose work (a new document for this thread's cache) would
  // pull the page out from under the caller.
  // The handoffs tell ThreadSanitizer what TBB's spawn and join guarantee (models/thread_handoff.h):
  // the page's images and grid reach every chunk, and every chunk's cells reach the caller.
  publish_handoff(&grid);
  tbb::this_task_arena::isolate([&] {
    tbb::parallel_for(
        tbb::blocked_range<size_t>(0, grid.cells.size(), 8), [&](const tbb::blocked_range<size_t>& r) {
          receive_handoff(&grid);
          OcrEngine& engine = ocr.engine();
          for (size_t i = r.begin(); i != r.end(); ++i) {
            CellReading reading =
                read_cell_by_ocr(gray, ink, grid.cell_rect(grid.cells[i]), scale, engine, ocr.options());
            table.cells[i].text = std::move(reading.text);
            table.cells[i].confidence = reading.confidence;
          }
          publish_handoff(&table);
        });
  });
  receive_handoff(&table);
  return table;
}

}  // namespace gridlift
