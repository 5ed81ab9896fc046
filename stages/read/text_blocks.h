#pragma once
// read: text outside tables as blocks (paragraphs, captions, page numbers).

#include <vector>

#include "models/table.h"
#include "models/text_char.h"
#include "stages/read/text_lines.h"

namespace gridlift {

//! Lines of the characters not `taken` by a table, top to bottom.
std::vector<TextLine> free_lines(const TextChars& chars, const std::vector<char>& taken);

//! Consecutive lines become one block (a paragraph) while the gap between them is under a line's
//! height, they overlap horizontally and have one size; a line ending two ems short of the block's
//! right edge ends it, and a line indented by an em starts a new one. Blocks come top to bottom.
std::vector<TextBlock> build_blocks(const std::vector<TextLine>& lines);

}  // namespace gridlift
