#pragma once
// load: what a page's content stream would ask of the renderer, read before the page is
// drawn, so that a page built to exhaust memory is refused with its reason instead of taking the
// process (or a batch worker) down with it.

#include <filesystem>
#include <string>
#include <vector>

namespace gridlift {

struct ContentBudget {
  //! Graphics states a page may leave open at once. Every `q` not yet closed by its `Q` costs
  //! Poppler about 6 KB in each pass over the page (text, render, cell renders): 200,000 of them
  //! take 1.2 GB. Acrobat stops at 28 (ISO 32000-1 annex C); real producers' sloppy streams leave
  //! a few hundred at most.
  int max_open_states = 5000;
};

//! The deepest nesting of graphics states (`q` without its `Q`) in a page's own content stream, and
//! whether the page may draw in colour: a colour set other than gray (rg, k, sc… with unequal
//! components, a pattern), a shading, an inline image, an image XObject that is not gray, or a
//! form that does any of these, or annotations (a stamp). Unknown counts as colour.
struct PageContentLoad {
  int open_states = 0;
  bool may_draw_colour = true;
  //! Whether the page draws a picture (an image XObject, in a form or not, or an inline image): a
  //! page without one and without a text layer cannot be a scan.
  bool draws_images = true;
};

//! One entry per page of `path` named in `page_indexes` (0-based), in their order. Lexes each
//! page's content streams without drawing them (Form XObjects are entered only to see their
//! colours: Poppler closes the graphics states they leave open). A page whose content cannot be lexed counts
//! 0: the renderer reports its damage. Throws std::runtime_error if the file cannot be opened.
std::vector<PageContentLoad> measure_page_contents(const std::filesystem::path& path,
                                                   const std::vector<int>& page_indexes);

//! Why a page with this load must not be drawn under `budget`; "" if it may be.
std::string content_refusal(const PageContentLoad& load, const ContentBudget& budget);

}  // namespace gridlift
