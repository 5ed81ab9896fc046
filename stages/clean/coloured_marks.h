#pragma once
// clean: marks in coloured ink over a page. Published reports carry red seals (公章) over
// their totals, red redaction bars and signatures over their text. Drawn in gray, their strokes
// pass for rules (a seal's ring adds rows and columns to the grid it crosses) and for characters
// the text layer lacks (cells read by OCR that hold only the seal). In colour they are plain:
// strongly coloured ink, compact, where black print, gray rules and pale fills are not.

#include <opencv2/core.hpp>
#include <vector>

#include "models/geometry.h"

namespace gridlift {

//! The share of `bgr`'s pixels (CV_8UC3) in strongly coloured ink (channels at least 96 apart, as
//! red or blue ink is and black print, gray rules and pale fills are not).
double coloured_ink_share(const cv::Mat& bgr);

//! A cell whose picture has at least this share of coloured ink lies under a mark: OCR of it reads
//! the mark, and a sample of the text-layer cross-check there is no evidence either way.
inline constexpr double kMarkedInkShare = 0.02;

//! The boxes, in the pixels of `bgr` (a colour picture of the page at `scale`), of its coloured
//! marks: strongly coloured ink (channels at least 96 apart) that, closed over gaps of a
//! millimetre, forms a region at least `min_mm` across both ways and at most eight times longer
//! than wide. A coloured rule is longer; a coloured word of body text is smaller than a seal's
//! `min_mm` on a scan, where the ink is all there is of it. A region inside another (a seal's star
//! in its ring) is not listed apart.
std::vector<cv::Rect> coloured_mark_regions(const cv::Mat& bgr, const PixelScale& scale, double min_mm);

//! `gray` (the page in the same pixels as `bgr`) with the coloured ink inside `marks` dropped:
//! each coloured pixel (channels at least 40 apart: a stamp's faint ink and its strokes' pink edges
//! too) takes its lightest channel. Red ink turns light (its red channel), while black print under
//! it stays darker than the ink around it: a rule the seal crosses is not cut. Measured on the
//! sealed fixtures: making those pixels paper instead cuts the rules and merges cells (structure
//! 0.932 against 1.000).
void drop_coloured_ink(cv::Mat& gray, const cv::Mat& bgr, const std::vector<cv::Rect>& marks);

}  // namespace gridlift
