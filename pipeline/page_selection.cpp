#include "pipeline/page_selection.h"

#include <algorithm>
#include <sstream>
#include <stdexcept>

#include "models/unicode.h"

namespace gridlift {
namespace {

int page_number(const std::string& text, const std::string& spec) {
  if (!is_ascii_digits(text) || text.size() > 9)
    throw std::invalid_argument("bad page range '" + spec + "': expected e.g. 3, 3-5, 1,4,7-9 or 5-");
  int n = std::stoi(text);
  if (n < 1) throw std::invalid_argument("bad page range '" + spec + "': pages count from 1");
  return n;
}

}  // namespace

PageSelection PageSelection::parse(const std::string& spec) {
  PageSelection selection;
  if (spec.empty()) return selection;
  std::stringstream parts(spec);
  std::string part;
  while (std::getline(parts, part, ',')) {
    Range range;
    auto dash = part.find('-');
    if (dash == std::string::npos) {
      range.first = range.last = page_number(part, spec);
    } else {
      range.first = page_number(part.substr(0, dash), spec);
      std::string rest = part.substr(dash + 1);
      range.last = rest.empty() ? -1 : page_number(rest, spec);
      if (range.last != -1 && range.last < range.first)
        throw std::invalid_argument("bad page range '" + spec + "': " + part + " runs backwards");
    }
    selection.ranges_.push_back(range);
  }
  return selection;
}

std::vector<int> PageSelection::resolve(int page_count) const {
  std::vector<int> pages;
  if (ranges_.empty()) {
    for (int i = 0; i < page_count; ++i) pages.push_back(i);
    return pages;
  }
  for (const auto& r : ranges_) {
    int last = r.last == -1 ? page_count : std::min(r.last, page_count);
    for (int p = r.first; p <= last; ++p) pages.push_back(p - 1);
  }
  std::sort(pages.begin(), pages.end());
  pages.erase(std::unique(pages.begin(), pages.end()), pages.end());
  return pages;
}

}  // namespace gridlift
