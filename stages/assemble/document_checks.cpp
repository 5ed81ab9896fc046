#include "stages/assemble/document_checks.h"

#include <map>

#include "models/table_grid_text.h"
#include "stages/assemble/arithmetic_checks.h"

namespace gridlift {
namespace {

struct Origin {
  const Table* part;
  int row;  // in the part
};

// Leading rows of `next` that repeat the first rows of `first` (a header printed again).
int repeated_header_rows(const Table& first, const Table& next) {
  const TextGrid a = expand_to_grid(first), b = expand_to_grid(next);
  int k = 0;
  while (k < static_cast<int>(a.size()) && k < static_cast<int>(b.size()) - 1 &&
         a[static_cast<size_t>(k)] == b[static_cast<size_t>(k)])
    ++k;
  return k;
}

// The chain as one table, and where each of its rows came from.
Table join_chain(const std::vector<const Table*>& chain, std::vector<Origin>& origin) {
  Table joined = *chain.front();
  joined.cells.clear();
  joined.n_rows = 0;
  for (size_t i = 0; i < chain.size(); ++i) {
    const Table& part = *chain[i];
    const int skip = i == 0 ? 0 : repeated_header_rows(*chain.front(), part);
    const int offset = joined.n_rows - skip;
    for (const Cell& c : part.cells) {
      if (c.row < skip) continue;
      Cell moved = c;
      moved.row += offset;
      joined.cells.push_back(moved);
    }
    for (int r = skip; r < part.n_rows; ++r) origin.push_back({&part, r});
    joined.n_rows += part.n_rows - skip;
  }
  return joined;
}

}  // namespace

DocumentChecks check_document(const std::vector<PageResult>& pages, const DomainProfile& profile) {
  std::map<std::string, const Table*> by_id;
  std::map<std::string, const Table*> continuation_of;  // table id -> the table continuing it
  for (const auto& p : pages)
    for (const auto& t : p.tables) {
      by_id[t.id] = &t;
      if (t.continues) continuation_of[*t.continues] = &t;
    }
  DocumentChecks result;
  for (const auto& p : pages)
    for (const auto& t : p.tables) {
      if (t.continues && by_id.count(*t.continues)) continue;  // checked with the table it continues
      std::vector<const Table*> chain{&t};
      for (auto it = continuation_of.find(t.id); it != continuation_of.end() && chain.size() < 1000;
           it = continuation_of.find(it->second->id))
        if (it->second->n_cols == t.n_cols)
          chain.push_back(it->second);
        else
          break;
      // A table on its own is a chain of one: joining it changes nothing.
      std::vector<Origin> origin;
      const Table joined = join_chain(chain, origin);
      for (auto& check : find_table_checks(joined, profile)) {
        const Table* part = origin[static_cast<size_t>(check.total.first)].part;
        bool one_part = true;
        for (auto& [r, c] : check.cells) {
          one_part = one_part && origin[static_cast<size_t>(r)].part == part;
          r = origin[static_cast<size_t>(r)].row;
        }
        check.total.first = origin[static_cast<size_t>(check.total.first)].row;
        if (!one_part) {
          ++result.spanning_page_breaks;
          continue;
        }
        check.table = part->id;
        result.checks.push_back(std::move(check));
      }
    }
  return result;
}

}  // namespace gridlift
