#pragma once
// load: the facts of one page gridlift needs before any pixel is drawn: its displayed
// size and rotation, and its text layer as one box per character.

#include <poppler/cpp/poppler-page.h>

#include "models/text_char.h"

namespace gridlift {

struct PageGeometry {
  double width = 0;   //!< displayed width in points (after /Rotate)
  double height = 0;  //!< displayed height in points
  int rotation = 0;   //!< the page's /Rotate in degrees, 0/90/180/270
};

PageGeometry read_page_geometry(const poppler::page& page);

//! Every glyph of the page's text layer, in the displayed page's coordinates (poppler applies /Rotate).
//! White-space glyphs are dropped; word breaks survive as `space_after`.
TextChars read_text_layer(const poppler::page& page);

//! Share of characters that cannot be real text (private-use area, U+FFFD, control codes): a text
//! layer made of these comes from fonts without a usable ToUnicode map and must not be trusted.
double garbled_fraction(const TextChars& chars);

}  // namespace gridlift
