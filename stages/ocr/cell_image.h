#pragma once
// read from pixels: one cell's ink made ready for OCR. Pure OpenCV, no Tesseract:
// what is left of the rulings is removed, specks dropped, blank cells told apart, and the ink
// classified as a number (narrow glyphs only) or text. A number stacked one glyph per line by a
// narrow column is laid back out as one line.

#include <opencv2/core.hpp>
#include <string>

#include "models/geometry.h"
#include "stages/ocr/ocr_engine.h"

namespace gridlift {

struct CellImage {
  bool blank = true;
  cv::Mat gray;  //!< dark text on white with a margin; empty if blank
  LineScript script = LineScript::kText;
  int lines = 0;         //!< text lines found in the cell
  int glyph_height = 0;  //!< height of the tallest blob, in pixels
  //! A stacked number laid out on one line: its glyphs top to bottom, 'g' for a full-height one
  //! (a digit, "%") and the mark itself for a small one (".", ",", "-"), told by its shape. The
  //! recognizer may skip a point two pixels wide; the layout does not. Empty otherwise.
  std::string stacked_glyphs;
  //! Dashes only ("-", "----": the placeholder for nil): how many. The recognizers cannot count a
  //! run of identical marks, so such a cell is read by counting them.
  int dashes = 0;
  ImageRect ink;  //!< the ink kept, in page pixels
  //! The page's gray around the ink, the rules whitened and nothing else dropped, for a cell not
  //! laid out anew from stacked lines (empty for those). The hairlines of a light face (the
  //! diagonal of a "4", the waist of an "8") break into specks at 200 dpi, which the ink leaves
  //! out; Tesseract's own thresholding of the gray keeps them.
  cv::Mat unmasked;
  //! Text in several lines, each a line of characters, laid side by side on one line as a stacked
  //! word is: chi_sim reads tightly set lines of a narrow header better so. Empty otherwise.
  cv::Mat one_line;
};

//! `gray` is the cleaned page, `ink` its binarize_page() (255 = ink), `cell` the cell's box between
//! the centres of its rules, all in the pixels of `scale`.
CellImage prepare_cell_image(const cv::Mat& gray, const cv::Mat& ink, const ImageRect& cell,
                             const PixelScale& scale);

//! The recognizer's `reading` of a stacked number laid onto its `stacked_glyphs`: its full-height
//! characters in order, each small mark where the layout has it. Unchanged when the reading's
//! full-height characters (digits, "%") do not match the layout's in number.
std::string place_stacked_marks(const std::string& reading, const std::string& stacked_glyphs);

}  // namespace gridlift
