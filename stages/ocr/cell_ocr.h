#pragma once
// read from pixels: the cells of a detected grid read by OCR, where the page has no
// usable text layer. Each cell is cropped from the cleaned page, its rulings removed, and read as
// a number or as text (see cell_image.h); lines are joined by the same rules as text-layer cells.

#include <opencv2/core.hpp>
#include <string>
#include <vector>

#include "models/geometry.h"
#include "models/table.h"
#include "stages/grid/grid_types.h"
#include "stages/ocr/ocr_context.h"
#include "stages/ocr/ocr_engine.h"

namespace gridlift {

//! Whether chi_sim's reading `as_text` of a number cell is the number recognizer's well-formed
//! `as_number` but for one Latin letter where that has a digit ("0.0C" beside "0.00"): a digit cut by
//! the rule it touches (its arc goes with the rule's pixels) or broken by a light face reads as a
//! letter to chi_sim, which knows letters, while the two agree on every other character. A letter
//! never stands among the digits of a report's numbers, so the digit is taken.
bool letters_stand_for_digits(const std::string& as_text, const std::string& as_number);

//! Whether chi_sim's reading `as_text` of a cell shaped like a number replaces the number
//! recognizer's doubtful `as_number`: when surer, unless it sees the same digits with a stray mark
//! ("1]1" for "11"), which confirms the number rather than replacing it, or a letter for one of
//! its digits (letters_stand_for_digits()).
bool text_overrules_number(const OcrText& as_number, const OcrText& as_text);

//! Whether the number recognizer's reading `as_number` of one glyph's ink replaces chi_sim's
//! `as_text`: when chi_sim is doubtful (under doubtful_number, 0.6) and the number recognizer sure
//! (second_look_number, 0.9, or more) of
//! a well-formed number. A light face's lone digit breaks into pieces the shape test takes for
//! text (a 4 without its diagonal: chi_sim reads 各 at 0.36, the number recognizer 4 at 0.96).
bool number_settles_lone_glyph(const OcrText& as_text, const OcrText& as_number,
                               const OcrOptions& options = {});

//! Whether another look at a doubtful cell (another scale, the unmasked gray) replaces the
//! reading so far. A well-formed number ("2,939.71", "44") beats a malformed one ("4.", "1,22":
//! a thousands comma takes three digits after it) when not itself doubtful (doubtful_number, 0.6); between
//! two of a kind, the surer wins.
bool better_number_look(const OcrText& look, const OcrText& reading, const OcrOptions& options = {});

//! Tesseract's output made into cell text: lines joined by join_lines(), no space between two
//! CJK characters (chi_sim spaces them out), runs of spaces collapsed. What it misread is put right
//! afterwards, traced, by the correction list (stages/correct/correction_list.h).
std::string tidy_ocr_text(const std::string& raw);

//! One cell read from pixels. A blank cell reads "" with confidence 1.
struct CellReading {
  bool blank = true;
  std::string text;
  double confidence = 1.0;
};

//! Reads the cell `cell` (its box between the centres of its rules, in pixels of `scale`) of the
//! page `gray`, whose binarize_page() is `ink`: as a number or as text by the look of its ink.
//! A reading `options` doubts is looked at again: the number recognizer at another scale, the
//! unmasked cell, the other recognizer, the lines laid on one (up to seven reads of `engine`).
CellReading read_cell_by_ocr(const cv::Mat& gray, const cv::Mat& ink, const ImageRect& cell,
                             const PixelScale& scale, OcrEngine& engine, const OcrOptions& options = {});

//! A table whose cells hold the OCR reading of `gray` (the cleaned page) inside each cell of
//! `grid`, with Tesseract's confidence; blank cells are "" with confidence 1. The cells are read
//! in parallel, each thread with its engine of `ocr`: a page's OCR is most of its time, so
//! on a short document the last page would otherwise keep one core busy and leave the other idle.
//! The cells are as read: the correction list runs after.
Table read_table_by_ocr(const TableGrid& grid, const PixelScale& scale, const cv::Mat& gray,
                        const cv::Mat& ink, OcrContext& ocr);

}  // namespace gridlift
