#pragma once
// One glyph of a page's text layer.

#include <string>
#include <vector>

#include "models/geometry.h"

namespace gridlift {

//! Direction a run of text is written in, as seen on the displayed page.
enum class TextDirection {
  kUpright = 0,      //!< left to right, the normal case
  kTopToBottom = 1,  //!< drawn turned 90 degrees clockwise
  kUpsideDown = 2,   //!< drawn turned 180 degrees
  kBottomToTop = 3,  //!< drawn turned 90 degrees anticlockwise
};

//! A single character with its glyph box, as found in the PDF text layer.
struct TextChar {
  std::string text;  //!< UTF-8 of one code point
  PdfRect box;       //!< glyph box on the displayed page
  TextDirection direction = TextDirection::kUpright;
  double font_size = 0;      //!< nominal font size in points, 0 if unknown
  bool space_after = false;  //!< the PDF put a word break after this glyph
  std::string font;          //!< the font's name in the PDF ("ABCDEF+SimSun"), "" if unknown
};

using TextChars = std::vector<TextChar>;

}  // namespace gridlift
