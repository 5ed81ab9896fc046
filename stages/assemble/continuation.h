#pragma once
// Stage 5, assemble: tables split across pages.

#include <vector>

#include "models/page.h"

namespace gridlift {

//! Sets `continues` on each table that opens a page with no caption of its own and has the same
//! column layout (count and widths within `tolerance` points) as the last table of the page before.
void link_continuations(std::vector<PageResult>& pages, double tolerance = 3.0);

}  // namespace gridlift
