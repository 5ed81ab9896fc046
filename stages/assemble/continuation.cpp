#include "stages/assemble/continuation.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <optional>
#include <string>

namespace gridlift {
namespace {

// Left edge of every column relative to the table's left, and the table's width.
std::vector<double> column_layout(const Table& t) {
  std::vector<double> edges(static_cast<size_t>(t.n_cols) + 1, std::numeric_limits<double>::quiet_NaN());
  for (const auto& c : t.cells)
    if (std::isnan(edges[static_cast<size_t>(c.col)]) || c.bbox.x0 < edges[static_cast<size_t>(c.col)])
      edges[static_cast<size_t>(c.col)] = c.bbox.x0;
  edges.back() = t.bbox.x1;
  for (auto& e : edges) e -= t.bbox.x0;
  return edges;
}

bool same_columns(const Table& a, const Table& b, double tolerance) {
  if (a.n_cols != b.n_cols) return false;
  auto ea = column_layout(a), eb = column_layout(b);
  for (size_t i = 0; i < ea.size(); ++i) {
    // A column whose every cell spans from further left has no edge of its own: skip it.
    if (std::isnan(ea[i]) || std::isnan(eb[i])) continue;
    if (std::abs(ea[i] - eb[i]) > tolerance) return false;
  }
  return true;
}

}  // namespace

void link_continuations(std::vector<PageResult>& pages, double tolerance) {
  for (size_t p = 1; p < pages.size(); ++p) {
    auto& previous = pages[p - 1];
    auto& current = pages[p];
    if (previous.page + 1 != current.page || previous.tables.empty() || current.tables.empty()) continue;
    Table& first = current.tables.front();
    const Table& last = previous.tables.back();
    if (first.title.empty() && same_columns(first, last, tolerance)) first.continues = last.id;
  }
}

int drop_empty_continuations(std::vector<PageResult>& pages) {
  std::map<std::string, std::optional<std::string>> removed;  // id -> what it continued
  for (auto& page : pages)
    std::erase_if(page.tables, [&](const Table& t) {
      const bool empty =
          std::all_of(t.cells.begin(), t.cells.end(), [](const Cell& c) { return c.text.empty(); });
      if (!t.continues || !empty) return false;
      removed[t.id] = t.continues;
      return true;
    });
  for (auto& page : pages)
    for (auto& t : page.tables)
      for (int hops = 0; t.continues && removed.count(*t.continues) && hops < 1000; ++hops)
        t.continues = removed[*t.continues];
  if (removed.empty()) return 0;
  // Ids count the tables of a page from 1: those after a removed one move up.
  std::map<std::string, std::string> renamed;
  for (auto& page : pages)
    for (size_t k = 0; k < page.tables.size(); ++k) {
      const std::string id = "p" + std::to_string(page.page) + "-t" + std::to_string(k + 1);
      if (page.tables[k].id != id) renamed[page.tables[k].id] = id;
      page.tables[k].id = id;
    }
  for (auto& page : pages)
    for (auto& t : page.tables)
      if (t.continues && renamed.count(*t.continues)) t.continues = renamed[*t.continues];
  return static_cast<int>(removed.size());
}

}  // namespace gridlift
