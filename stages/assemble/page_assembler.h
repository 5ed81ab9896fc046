#pragma once
// assemble: one page's tables and free text into its PageResult.

#include <vector>

#include "models/page.h"
#include "stages/read/text_lines.h"

namespace gridlift {

//! Names the tables p<page>-t<k> in reading order, gives each its caption, and turns the free
//! lines into blocks. `page` must already carry number, size, rotation and mode.
void assemble_page(PageResult& page, std::vector<Table> tables, const std::vector<TextLine>& free_lines,
                   double body_height);

}  // namespace gridlift
