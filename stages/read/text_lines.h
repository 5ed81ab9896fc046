#pragma once
// read: characters into lines, lines into text, by the joining rules of the result format.

#include <string>
#include <vector>

#include "models/text_char.h"

namespace gridlift {

//! Characters that share a baseline band, left to right.
struct TextLine {
  std::vector<const TextChar*> chars;
  PdfRect box;
  std::string text;  //!< the characters joined, with a space at each word break
};

//! Groups `chars` into lines, top to bottom. Two characters share a line when each one's vertical
//! centre lies inside the other's box, so a stacked column (one glyph per line) stays one line each.
std::vector<TextLine> group_into_lines(std::vector<const TextChar*> chars);

//! The text of one line: a space where the PDF broke words or the gap is wider than a space,
//! never between two CJK characters that merely sit apart (justified or spread headings).
std::string line_text(const std::vector<const TextChar*>& chars);

//! Joins the lines of one cell or paragraph: nothing between CJK text, between the pieces of a
//! number or word that a narrow column broke, or after a lone stacked glyph; a space elsewhere.
std::string join_lines(const std::vector<std::string>& lines);

//! group_into_lines + join_lines: the reading of one cell.
std::string read_text(const std::vector<const TextChar*>& chars);

}  // namespace gridlift
