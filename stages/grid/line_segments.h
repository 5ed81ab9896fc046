#pragma once
// Grid finding, step 1: ink and ruled line segments of a page image. Pure functions over pixels.

#include <opencv2/core/mat.hpp>
#include <vector>

#include "models/geometry.h"
#include "stages/grid/grid_options.h"
#include "stages/grid/grid_types.h"

namespace gridlift {

//! Ink mask (255 = ink) by a local-mean threshold, so light rules on tinted fills still count.
cv::Mat binarize_ink(const cv::Mat& gray, const GridOptions& options, const PixelScale& scale);

//! Horizontal and vertical rule segments in `ink`: runs at least min_line_length long after
//! bridging small gaps, no thicker than max_line_thickness.
std::vector<LineSegment> find_line_segments(const cv::Mat& ink, const GridOptions& options,
                                            const PixelScale& scale);

}  // namespace gridlift
