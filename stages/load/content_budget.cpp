#include "stages/load/content_budget.h"

#include <Lexer.h>
#include <Object.h>
#include <PDFDoc.h>
#include <Page.h>
#include <goo/GooString.h>

#include <algorithm>
#include <memory>
#include <stdexcept>

namespace gridlift {
namespace {

PageContentLoad measure_page(Page& page, XRef* xref) {
  PageContentLoad load;
  Object contents = page.getContents();
  if (!contents.isStream() && !contents.isArray()) return load;
  Lexer lexer(xref, &contents);
  int open = 0;
  for (Object token = lexer.getObj(); !token.isEOF() && !token.isError(); token = lexer.getObj()) {
    if (!token.isCmd()) continue;
    if (token.isCmd("q")) {
      load.open_states = std::max(load.open_states, ++open);
    } else if (token.isCmd("Q")) {
      open = std::max(0, open - 1);
    }
  }
  return load;
}

}  // namespace

std::vector<PageContentLoad> measure_page_contents(const std::filesystem::path& path,
                                                   const std::vector<int>& page_indexes) {
  PDFDoc doc(std::make_unique<GooString>(path.string()));
  if (!doc.isOk())
    throw std::runtime_error("poppler cannot open it (error " + std::to_string(doc.getErrorCode()) + ")");
  std::vector<PageContentLoad> loads;
  loads.reserve(page_indexes.size());
  const int pages = doc.getNumPages();
  for (int index : page_indexes) {
    Page* page = index >= 0 && index < pages ? doc.getPage(index + 1) : nullptr;
    loads.push_back(page ? measure_page(*page, doc.getXRef()) : PageContentLoad{});
  }
  return loads;
}

std::string content_refusal(const PageContentLoad& load, const ContentBudget& budget) {
  if (load.open_states <= budget.max_open_states) return {};
  return "its content leaves " + std::to_string(load.open_states) +
         " graphics states open at once (q without Q), more than the " +
         std::to_string(budget.max_open_states) + " gridlift draws: drawing it would take about " +
         std::to_string(load.open_states * 6 / 1000) + " MB a pass; not read";
}

}  // namespace gridlift
