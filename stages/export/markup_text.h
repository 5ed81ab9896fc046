#pragma once
// Text from a PDF written into Markdown: it must read as the text it is, never as markup. The
// Markdown gridlift writes holds both Markdown (paragraphs, pipe tables) and raw HTML (tables with
// spans), and renderers pass raw HTML through, so one escaping serves both: HTML's special
// characters and Markdown's inline punctuation become character references, which CommonMark
// never takes for markup and HTML decodes to the same characters.

#include <string>
#include <string_view>

namespace gridlift {

enum class MarkupPlace {
  kInline,     //!< inside a table cell (pipe or HTML): newlines become spaces
  kParagraph,  //!< a paragraph of its own: lines kept, and what would open a block at a line's
               //!< start (# > - + = * |, "1." "1)", indentation) made literal
};

//! `text` as literal content of Markdown and of HTML (element text or a quoted attribute).
//! Private-use code points (a symbol font's bullets, U+F06C) are left out: without the font they
//! mean nothing and show as boxes. The JSON keeps them.
std::string markup_text(std::string_view text, MarkupPlace place);

}  // namespace gridlift
