#pragma once
// assemble: tables split across pages.

#include <vector>

#include "models/page.h"

namespace gridlift {

//! Sets `continues` on each table that opens a page with no caption of its own and has the same
//! column layout (count and widths within `tolerance` points) as the last table of the page before.
void link_continuations(std::vector<PageResult>& pages, double tolerance = 3.0);

//! Removes each continuation with no text in any cell (a table's blank last rows spilled onto the
//! next page: they add nothing to the table, and as a table of their own they are noise). A part
//! continuing a removed one continues what that one did, and the ids of the tables after a removed
//! one on its page move up (p4-t2 becomes p4-t1). Returns how many were removed.
int drop_empty_continuations(std::vector<PageResult>& pages);

}  // namespace gridlift
