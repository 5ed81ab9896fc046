#pragma once
// What extraction saw on one page, kept for the debugging overlay and the HTML report so that
// neither has to detect anything again. Boxes are in pixels of the upright page image.

#include <opencv2/core/mat.hpp>
#include <string>
#include <vector>

#include "models/document.h"
#include "models/geometry.h"
#include "stages/grid/grid_types.h"

namespace gridlift {

//! A cell read by OCR, with Tesseract's confidence (0..1).
struct OcrCrop {
  ImageRect box;
  double confidence = 0;
};

//! A cell the text-layer cross-check read again by OCR.
struct CheckedCell {
  ImageRect box;
  std::string ocr_text;
  bool agrees = true;
};

struct PageDebug {
  PixelScale scale;              //!< of the page image the boxes refer to
  cv::Mat raster;                //!< that image (cleaned and deskewed if read from pixels), only when kept
  GridDebug grid;                //!< every ruling segment found
  std::vector<TableGrid> grids;  //!< the grids behind the page's tables, same order
  std::vector<ImageRect> text_boxes;  //!< the text-layer glyphs the page was read from
  std::vector<OcrCrop> ocr_crops;     //!< cells whose text came from OCR
  std::vector<CheckedCell> checked;   //!< cells compared between text layer and OCR
  //! The sums of the page's tables that did not add up as the page was read, before the document
  //! joined continued tables and repaired misreadings by arithmetic (the JSON lists the checks as
  //! they stand after both). Filled by whoever draws overlays.
  std::vector<ArithmeticCheck> failed_sums;
  double skew_degrees = 0;  //!< deskew applied (counter-clockwise positive), 0 if none
  std::string decision;     //!< why the text came from where it did
};

}  // namespace gridlift
