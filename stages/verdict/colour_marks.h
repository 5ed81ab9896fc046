#pragma once
// Stage 3, verdict: marks in coloured ink over a page's text. Published reports carry red seals
// (公章), red redaction marks and signatures over their tables; the text under them is still what
// the PDF prints, but OCR of it reads the mark. A sample of the text-layer cross-check under such a
// mark is no evidence about the text layer either way.

#include <opencv2/core.hpp>

namespace gridlift {

//! The share of `bgr`'s pixels (CV_8UC3) in strongly coloured ink: channels at least 96 apart, as
//! red or blue ink is and black print, gray rules and pale fills are not.
double coloured_ink_share(const cv::Mat& bgr);

//! A cell whose picture has at least this share of coloured ink lies under a mark.
inline constexpr double kMarkedInkShare = 0.02;

}  // namespace gridlift
