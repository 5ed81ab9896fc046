#pragma once
// assemble: the caption of a table.

#include <string>
#include <vector>

#include "models/table.h"
#include "stages/read/text_lines.h"

namespace gridlift {

//! The caption of `table`: among the lines above it (within `max_distance` points, not across an
//! earlier table) the largest, if larger than the page's body text (`body_height`); the nearest of
//! those within 5% of that size. Lines between caption and grid such as "单位：万元" are smaller and
//! skipped. When no line is larger than the body text, the nearest line above that names a table
//! (ends in 表, at most 40 characters, no 公开01表 tag, centred over the table and narrower than it)
//! is the caption: Word and WPS
//! reports set "收入决算表" in the body's size. "" if there is none.
std::string find_title(const Table& table, const std::vector<TextLine>& lines,
                       const std::vector<Table>& tables, double body_height, double max_distance = 120);

//! Median glyph height of the page: the size of its body text.
double body_text_height(const std::vector<TextLine>& lines, const std::vector<double>& table_glyph_heights);

}  // namespace gridlift
