#pragma once
// Grid finding, step 2: ruled line segments of a page image. Pure functions over pixels.

#include <opencv2/core/mat.hpp>
#include <vector>

#include "models/geometry.h"
#include "stages/grid/grid_options.h"
#include "stages/grid/grid_types.h"
#include "stages/grid/rule_ink.h"

namespace gridlift {

//! Horizontal rule segments in `ink.horizontal`, vertical ones in `ink.vertical`: runs at least
//! min_line_length long after bridging small gaps, no thicker than max_line_thickness.
std::vector<LineSegment> find_line_segments(const RuleInk& ink, const GridOptions& options,
                                            const PixelScale& scale);

}  // namespace gridlift
