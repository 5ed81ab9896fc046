#pragma once
// clean: a scanned page made fit for grid finding and OCR. Scans arrive turned by a
// degree or two, on gray or unevenly lit paper, with JPEG noise; grid finding expects straight
// rules on white.

#include <opencv2/core.hpp>

namespace gridlift {

struct CleanupOptions {
  //! Skew is measured and corrected within this many degrees either way; beyond it the page is
  //! taken as drawn (a larger angle is a layout, not a scan error).
  double max_skew_degrees = 5;
  //! Skews smaller than this are left alone: rotating resamples every pixel and blurs thin rules.
  double min_skew_degrees = 0.05;
};

struct CleanPage {
  cv::Mat gray;             //!< CV_8UC1, paper flattened to white, deskewed
  double skew_degrees = 0;  //!< the rotation applied, counter-clockwise positive (0 if none)
  double paper_noise = 0;   //!< standard deviation of the paper's gray levels (grain, JPEG noise)
};

//! Paper flattened to white: each pixel divided by the local background (the page with strokes
//! closed away), so gray paper and uneven lighting drop out and ink keeps its contrast.
cv::Mat flatten_background(const cv::Mat& gray);

//! Dark pixels of a flattened page (255 = ink): Otsu's threshold, which splits ink from paper.
cv::Mat binarize_page(const cv::Mat& gray);

//! The angle, in degrees counter-clockwise, by which text lines and rules of the page whose
//! binarization is `ink` are turned from horizontal; 0 when it cannot be told (blank pages, too
//! little text). Leptonica's sweep-and-search over a reduced binary image.
double measure_skew_degrees(const cv::Mat& ink, double max_degrees);

//! `gray` turned by `degrees` counter-clockwise about its centre, same size, white filled in.
cv::Mat rotate_page(const cv::Mat& gray, double degrees);

//! Standard deviation of the gray levels of the paper: the pixels of `gray` that `ink` leaves out.
double paper_noise(const cv::Mat& gray, const cv::Mat& ink);

//! flatten_background, paper_noise, then deskew within the options' limits.
CleanPage clean_scanned_page(const cv::Mat& gray, const CleanupOptions& options = {});

}  // namespace gridlift
