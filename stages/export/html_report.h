#pragma once
// NAME.report.html: one self-contained file per document (images embedded, no network, no external
// scripts) showing each page's overlay beside the tables extracted from it. Hovering a table cell
// highlights its box on the page and the reverse; a click pins the highlight and brings the
// partner into view. Cells read with low confidence, and totals whose arithmetic check fails,
// are marked in both places.

#include <filesystem>
#include <functional>
#include <opencv2/core/mat.hpp>
#include <string>
#include <vector>

#include "models/document.h"

namespace gridlift {

//! What the report shows of a page besides its result.
struct ReportPageNote {
  double skew_degrees = 0;
  std::string decision;               //!< why its text came from where it did
  std::vector<std::string> warnings;  //!< what the reading may have lost, e.g. a lowered dpi
};

//! Cells under this confidence are marked as doubtful.
inline constexpr double kLowConfidence = kTrustedConfidence;

//! An overlay made ready to embed: at most `max_width` pixels wide, JPEG, base64.
std::string report_page_image(const cv::Mat& overlay, int max_width = 1400);

//! Writes the report of `doc` to `path` (through a temporary name). `notes[i]` and `page_image(i)`
//! (a report_page_image(), or "" for none) belong to doc.pages[i]; each image is asked for once,
//! in page order, so a long document's images can wait on disk rather than in memory.
//! Throws std::runtime_error naming the file on failure.
void write_html_report(const DocumentResult& doc, const std::vector<ReportPageNote>& notes,
                       const std::function<std::string(size_t)>& page_image,
                       const std::filesystem::path& path);

}  // namespace gridlift
