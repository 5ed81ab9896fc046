#pragma once
// Stage 4b, read from pixels: the cells of a detected grid read by OCR, where the page has no
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
//! CJK characters (chi_sim spaces them out), runs of spaces collapsed, angle brackets that pair
//! with a parenthesis made parentheses (mend_bracket_pairs()) and dashes read for 一 mended
//! first (mend_dashes_read_for_yi()), stray marks at the ends dropped (drop_stray_end_marks()).
std::string tidy_ocr_text(const std::string& raw);

//! A speck or a rule's remnant at a cell's edge reads as a mark no cell of these reports starts or
//! ends with: "|" at either end, a point, colon or comma before Chinese text (". 项目",
//! ":功能分类"). Such marks are dropped; a minus ("-59") and anything inside the text stay, and so
//! does a point after digits ("3."): a number's broken reading, which the second looks judge by.
std::string drop_stray_end_marks(const std::string& text);

//! chi_sim reads 一, a single stroke, as a dash now and then ("-般公共服务", "-、", "(-)"). A
//! dash with a Chinese character or "、" after it and the start, a space, "、" or "(" before it,
//! or alone in brackets, is 一: a dash in a report's labels stands between digits or words, not
//! at the start of a word.
std::string mend_dashes_read_for_yi(const std::string& text);

//! chi_sim reads a full-width "（" as "〈" (U+3008) and "）" as "〉" now and then; a report's labels
//! use parentheses. An angle bracket whose partner is a parenthesis ("〈境)", "(境〉") becomes the
//! parenthesis of that kind; brackets that pair with each other are left as printed.
std::string mend_bracket_pairs(const std::string& text);

//! One cell read from pixels. A blank cell reads "" with confidence 1.
struct CellReading {
  bool blank = true;
  std::string text;
  double confidence = 1.0;
  //! What OCR read, when characters of it were put right by the standard label it is a misreading
  //! of (standard_label_for()); "" otherwise.
  std::string read_as;
};

//! A cell whose reading was put right by a standard label, for the page's log line.
struct LabelFix {
  size_t cell = 0;  //!< index into the table's cells
  std::string read;
  std::string written;
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
//! Cells put right by a standard label are added to `label_fixes` when given.
Table read_table_by_ocr(const TableGrid& grid, const PixelScale& scale, const cv::Mat& gray,
                        const cv::Mat& ink, OcrContext& ocr, std::vector<LabelFix>* label_fixes = nullptr);

}  // namespace gridlift
