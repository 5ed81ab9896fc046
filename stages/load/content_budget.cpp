#include "stages/load/content_budget.h"

#include <Lexer.h>
#include <Object.h>
#include <PDFDoc.h>
#include <Page.h>
#include <goo/GooString.h>

#include <algorithm>
#include <cmath>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace gridlift {
namespace {

// Forms within forms are followed this deep; deeper, colour is assumed.
constexpr int kMaxFormDepth = 4;

bool all_equal(const std::vector<double>& values, size_t count) {
  if (values.size() < count) return false;
  for (size_t i = values.size() - count + 1; i < values.size(); ++i)
    if (std::abs(values[i] - values[values.size() - count]) > 0.01) return false;
  return true;
}

// Whether an image XObject's samples are gray: DeviceGray, CalGray, a one-channel ICC profile, or
// a stencil mask.
bool gray_image(const Object& image) {
  Dict* dict = image.streamGetDict();
  if (!dict) return false;
  if (Object mask = dict->lookup("ImageMask"); mask.isBool() && mask.getBool()) return true;
  Object space = dict->lookup("ColorSpace");
  if (space.isName("DeviceGray") || space.isName("CalGray") || space.isName("G")) return true;
  if (space.isArray() && space.arrayGetLength() == 2) {
    Object family = space.arrayGet(0);
    if (family.isName("CalGray")) return true;
    if (family.isName("ICCBased")) {
      Object profile = space.arrayGet(1);
      if (profile.isStream()) {
        Object channels = profile.streamGetDict()->lookup("N");
        return channels.isInt() && channels.getInt() == 1;
      }
    }
  }
  return false;
}

struct Lexed {
  int open_states = 0;
  bool colour = false;
  bool images = false;
};

// Lexes one content stream (a page's, or a form's with `resources`): its deepest nesting of
// graphics states, and whether it draws anything in colour.
Lexed lex_content(Object* content, XRef* xref, Dict* resources, int depth) {
  Lexed out;
  Lexer lexer(xref, content);
  int open = 0;
  std::vector<double> numbers;  // the operands since the last operator
  bool name_operand = false;
  std::string last_name;
  for (Object token = lexer.getObj(); !token.isEOF() && !token.isError(); token = lexer.getObj()) {
    if (token.isNum()) {
      numbers.push_back(token.getNum());
      continue;
    }
    if (token.isName()) {
      name_operand = true;
      last_name = token.getName();
      continue;
    }
    if (!token.isCmd()) continue;
    const char* op = token.getCmd();
    const std::string_view cmd(op);
    if (cmd == "q") {
      out.open_states = std::max(out.open_states, ++open);
    } else if (cmd == "Q") {
      open = std::max(0, open - 1);
    } else if (cmd == "BI") {
      out.images = out.colour = true;  // inline images: not looked into
    } else if (cmd == "Do" && (!out.colour || !out.images)) {
      Object xobjects = resources ? resources->lookup("XObject") : Object();
      Object xobject = xobjects.isDict() ? xobjects.dictLookup(last_name.c_str()) : Object();
      Dict* dict = xobject.isStream() ? xobject.streamGetDict() : nullptr;
      Object subtype = dict ? dict->lookup("Subtype") : Object();
      if (subtype.isName("Image")) {
        out.images = true;
        out.colour = out.colour || !gray_image(xobject);
      } else if (subtype.isName("Form") && depth < kMaxFormDepth) {
        Object own = dict->lookup("Resources");
        const Lexed form = lex_content(&xobject, xref, own.isDict() ? own.getDict() : resources, depth + 1);
        out.colour = out.colour || form.colour;
        out.images = out.images || form.images;
      } else {
        out.images = out.colour = true;  // unknown: assume the worst
      }
    } else if (!out.colour) {
      if (cmd == "rg" || cmd == "RG") {
        out.colour = !all_equal(numbers, 3);
      } else if (cmd == "k" || cmd == "K") {
        out.colour = numbers.size() < 4 || !all_equal({numbers.end() - 4, numbers.end() - 1}, 3);
      } else if (cmd == "sc" || cmd == "scn" || cmd == "SC" || cmd == "SCN") {
        out.colour = name_operand || (numbers.size() >= 3 && !all_equal(numbers, numbers.size()));
      } else if (cmd == "sh") {
        out.colour = true;  // shadings: not looked into
      }
    }
    numbers.clear();
    name_operand = false;
  }
  return out;
}

PageContentLoad measure_page(Page& page, XRef* xref) {
  PageContentLoad load;
  Object contents = page.getContents();
  if (!contents.isStream() && !contents.isArray()) return load;  // the renderer will say what is wrong
  const Lexed lexed = lex_content(&contents, xref, page.getResourceDict(), 0);
  load.open_states = lexed.open_states;
  load.draws_images = lexed.images;
  // Annotations (a seal put on as a stamp) are drawn over the content: not looked into.
  const Object annotations = page.getAnnotsObject(xref);
  load.may_draw_colour = lexed.colour || (annotations.isArray() && annotations.arrayGetLength() > 0);
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
