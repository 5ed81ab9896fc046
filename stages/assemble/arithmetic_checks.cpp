#include "stages/assemble/arithmetic_checks.h"

#include <algorithm>
#include <cstdlib>
#include <regex>

#include "stages/export/table_grid_text.h"
#include "stages/read/standard_labels.h"

namespace gridlift {
namespace {

using Grid = std::vector<std::vector<std::string>>;

std::string without_spaces(const std::string& s) {
  std::string out;
  for (char c : s)
    if (c != ' ') out += c;
  return out;
}

bool within_rounding(long long sum, long long total, size_t addends) {
  long long tolerance = std::max<long long>(2, static_cast<long long>((addends + 1) / 2));
  return std::llabs(sum - total) <= tolerance;
}

// Columns where at least 70% of the filled body cells (and at least `min_filled` of them) pass
// `test`.
template <typename Test>
std::vector<int> columns_where(const Grid& g, int first_body_row, int min_filled, Test test) {
  std::vector<int> cols;
  if (g.empty()) return cols;
  for (size_t c = 0; c < g[0].size(); ++c) {
    int passing = 0, filled = 0;
    for (size_t r = static_cast<size_t>(first_body_row); r < g.size(); ++r) {
      if (g[r][c].empty()) continue;
      ++filled;
      passing += test(g[r][c]) ? 1 : 0;
    }
    if (filled >= min_filled && passing * 10 >= filled * 7) cols.push_back(static_cast<int>(c));
  }
  return cols;
}

// Columns of amounts (numbers with decimals).
std::vector<int> amount_columns(const Grid& g, int first_body_row) {
  return columns_where(g, first_body_row, 1, [](const std::string& t) {
    return t.find('.') != std::string::npos && amount_in_cents(t).has_value();
  });
}

// Columns holding 科目编码. Tables such as 基本支出决算明细表 set several code / name / amount groups
// side by side.
std::vector<int> code_columns(const Grid& g, int first_body_row) {
  return columns_where(g, first_body_row, 2, is_subject_code);
}

// First row holding an amount: rows above it are the header.
int first_body_row(const Grid& g) {
  for (size_t r = 0; r < g.size(); ++r)
    for (const auto& t : g[r])
      if (t.find('.') != std::string::npos && amount_in_cents(t)) return static_cast<int>(r);
  return static_cast<int>(g.size());
}

// A row whose label (any text left of the amount columns) says 合计: the table's grand total.
bool labelled_total(const std::vector<std::string>& row, int first_amount_column) {
  for (int c = 0; c < first_amount_column && c < static_cast<int>(row.size()); ++c)
    if (without_spaces(row[static_cast<size_t>(c)]).find("合计") != std::string::npos) return true;
  return false;
}

// The header cells of a table as a tree: a cell's children start on the row below it and lie
// within its columns. Index npos is the root above the top row.
struct HeaderTree {
  static constexpr size_t kRoot = static_cast<size_t>(-1);
  std::vector<const Cell*> cells;

  HeaderTree(const Table& table, int body) {
    for (const auto& c : table.cells)
      if (c.row < body) cells.push_back(&c);
  }

  bool contains(size_t outer, const Cell& inner) const {
    const Cell& o = *cells[outer];
    return inner.row == o.row + o.row_span && inner.col >= o.col &&
           inner.col + inner.col_span <= o.col + o.col_span;
  }

  size_t parent_of(size_t i) const {
    for (size_t p = 0; p < cells.size(); ++p)
      if (contains(p, *cells[i])) return p;
    return kRoot;
  }

  std::vector<size_t> children_of(size_t p) const {
    std::vector<size_t> out;
    for (size_t i = 0; i < cells.size(); ++i)
      if (p == kRoot ? parent_of(i) == kRoot : contains(p, *cells[i])) out.push_back(i);
    return out;
  }

  // The amount columns that stand for header cell `i` in a sum: its own column, else its 小计
  // column, else the columns of its children, else every amount column under it.
  void columns_of(size_t i, const std::vector<int>& amounts, std::vector<int>& out) const {
    const Cell& c = *cells[i];
    auto is_amount = [&](int col) { return std::find(amounts.begin(), amounts.end(), col) != amounts.end(); };
    if (c.col_span == 1) {
      if (is_amount(c.col)) out.push_back(c.col);
      return;
    }
    auto kids = children_of(i);
    for (size_t k : kids)
      if (without_spaces(cells[k]->text) == "小计" && cells[k]->col_span == 1) {
        if (is_amount(cells[k]->col)) out.push_back(cells[k]->col);
        return;
      }
    if (!kids.empty()) {
      for (size_t k : kids) columns_of(k, amounts, out);
      return;
    }
    for (int col = c.col; col < c.col + c.col_span; ++col)
      if (is_amount(col)) out.push_back(col);
  }
};

void add_check(std::vector<ArithmeticCheck>& out, const Table& t, const Grid& g, const char* kind,
               const std::vector<std::pair<int, int>>& addends, std::pair<int, int> total) {
  auto total_value = amount_in_cents(g[static_cast<size_t>(total.first)][static_cast<size_t>(total.second)]);
  if (!total_value) return;
  long long sum = 0;
  bool any_nonzero = *total_value != 0;
  std::vector<std::pair<int, int>> used;
  for (auto [r, c] : addends) {
    const std::string& text = g[static_cast<size_t>(r)][static_cast<size_t>(c)];
    auto v = amount_in_cents(text);
    if (!v) {
      if (!text.empty() && text != "-") return;  // not an amount: no promise to check
      continue;                                  // blank counts as zero
    }
    sum += *v;
    any_nonzero = any_nonzero || *v != 0;
    used.emplace_back(r, c);
  }
  if (!any_nonzero || used.empty()) return;
  out.push_back({t.id, kind, used, total, within_rounding(sum, *total_value, used.size())});
}

}  // namespace

std::optional<long long> amount_in_cents(const std::string& raw) {
  static const std::regex kAmount(R"(^(-?)(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?$)");
  std::string text = without_spaces(raw);
  std::smatch m;
  if (!std::regex_match(text, m, kAmount)) return std::nullopt;
  std::string whole = m[2].str();
  std::erase(whole, ',');
  if (whole.size() > 15) return std::nullopt;
  std::string fraction = m[3].str();
  while (fraction.size() < 2) fraction += '0';
  long long cents = std::stoll(whole) * 100 + std::stoll(fraction);
  return m[1].str().empty() ? cents : -cents;
}

std::vector<ArithmeticCheck> find_arithmetic_checks(const Table& table) {
  std::vector<ArithmeticCheck> out;
  const Grid g = expand_to_grid(table);
  const int body = first_body_row(g);
  const int rows = static_cast<int>(g.size());
  if (body >= rows) return out;
  const std::vector<int> amounts = amount_columns(g, body);
  if (amounts.empty()) return out;

  // Column sums along the 科目编码 hierarchy; each amount column follows the nearest code column
  // on its left.
  const std::vector<int> codes = code_columns(g, body);
  for (int cc : codes) {
    std::vector<int> group;
    for (int c : amounts)
      if (c > cc &&
          std::none_of(codes.begin(), codes.end(), [&](int other) { return other > cc && other < c; }))
        group.push_back(c);
    auto code = [&](int r) { return g[static_cast<size_t>(r)][static_cast<size_t>(cc)]; };
    size_t top_level = 99;
    for (int r = body; r < rows; ++r)
      if (is_subject_code(code(r))) top_level = std::min(top_level, code(r).size());
    for (int r = body; r < rows; ++r) {
      const std::string parent = code(r);
      std::vector<int> children;
      if (is_subject_code(parent)) {
        for (int k = r + 1; k < rows && (code(k).empty() || code(k).rfind(parent, 0) == 0); ++k)
          if (code(k).size() == parent.size() + 2) children.push_back(k);
      } else if (labelled_total(g[static_cast<size_t>(r)], group.empty() ? 0 : group.front())) {
        for (int k = body; k < rows; ++k)
          if (is_subject_code(code(k)) && code(k).size() == top_level) children.push_back(k);
      }
      if (children.empty()) continue;
      for (int c : group) {
        std::vector<std::pair<int, int>> addends;
        for (int k : children) addends.emplace_back(k, c);
        add_check(out, table, g, "column-sum", addends, {r, c});
      }
    }
  }

  // Row sums along the header tree: a column headed 合计 or 小计 equals its sibling groups.
  HeaderTree header(table, body);
  for (size_t t = 0; t < header.cells.size(); ++t) {
    const Cell& total = *header.cells[t];
    const std::string label = without_spaces(total.text);
    if ((label != "合计" && label != "小计") || total.col_span != 1) continue;
    if (std::find(amounts.begin(), amounts.end(), total.col) == amounts.end()) continue;
    std::vector<int> parts;
    for (size_t s : header.children_of(header.parent_of(t)))
      if (s != t) header.columns_of(s, amounts, parts);
    if (parts.size() < 2) continue;
    for (int r = body; r < rows; ++r) {
      std::vector<std::pair<int, int>> addends;
      for (int k : parts) addends.emplace_back(r, k);
      add_check(out, table, g, "row-sum", addends, {r, total.col});
    }
  }
  return out;
}

}  // namespace gridlift
