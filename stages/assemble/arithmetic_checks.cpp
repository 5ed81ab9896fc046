#include "stages/assemble/arithmetic_checks.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <regex>
#include <string_view>

#include "models/table_grid_text.h"
#include "models/unicode.h"

namespace gridlift {
namespace {

using Grid = std::vector<std::vector<std::string>>;

// The unit of a printed amount's last digit, in cents: 1 for "2.71", 10 for "109.3", 100 for
// "127,886,849" (a table in whole 元, or 万元 to one decimal).
long long printed_unit(const std::string& text) {
  const size_t point = text.find('.');
  if (point == std::string::npos) return 100;
  return text.size() - point - 1 >= 2 ? 1 : 10;
}

// Each printed term is rounded to its own last digit: the sum may be off by half a unit for each
// of them (at least two cents, as in a table of two-decimal amounts).
bool within_rounding(long long sum, long long total, long long half_units) {
  return std::llabs(sum - total) <= std::max<long long>(2, half_units);
}

// An amount as tables print them: with decimals or thousands separators. A column of these is a
// column of money; bare integers in it ("370") are amounts too, but bare integers alone may be
// codes, years or counts.
bool printed_as_amount(const std::string& text) {
  return (text.find('.') != std::string::npos || text.find(',') != std::string::npos) &&
         amount_in_cents(text).has_value();
}

bool two_digits(const std::string& text) {
  return text.size() == 2 && std::isdigit(static_cast<unsigned char>(text[0])) &&
         std::isdigit(static_cast<unsigned char>(text[1]));
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

// Columns of amounts: mostly numbers, at least one of them printed as an amount, and not codes.
std::vector<int> amount_columns(const Grid& g, int first_body_row, const std::vector<int>& not_amounts) {
  std::vector<int> out;
  auto numeric = [](const std::string& t) { return amount_in_cents(t).has_value(); };
  for (int c : columns_where(g, first_body_row, 1, numeric)) {
    if (std::find(not_amounts.begin(), not_amounts.end(), c) != not_amounts.end()) continue;
    for (size_t r = static_cast<size_t>(first_body_row); r < g.size(); ++r)
      if (printed_as_amount(g[r][static_cast<size_t>(c)])) {
        out.push_back(c);
        break;
      }
  }
  return out;
}

// Columns holding 科目编码. Tables such as 基本支出决算明细表 set several code / name / amount groups
// side by side.
std::vector<int> code_columns(const Grid& g, int first_body_row, const DomainProfile& profile) {
  return columns_where(g, first_body_row, 2,
                       [&](const std::string& t) { return profile.is_subject_code(t); });
}

// First row holding an amount printed as one, or a 科目编码 (a table left blank, as templates are):
// rows above it are the header.
int first_body_row(const Grid& g, const DomainProfile& profile) {
  for (size_t r = 0; r < g.size(); ++r)
    for (const auto& t : g[r])
      if (printed_as_amount(t) || profile.is_subject_code(t)) return static_cast<int>(r);
  return static_cast<int>(g.size());
}

// A 科目编码 column and the columns right of it that continue its codes two digits at a time:
// codes split over 类 / 款 / 项 columns ("201" | "06" | "01" is 2010601).
struct CodeColumns {
  int first = 0;
  std::vector<int> parts;  //!< the 款 and 项 columns, in order; empty when codes are whole
  int last() const { return parts.empty() ? first : parts.back(); }
};

CodeColumns code_parts(const Grid& g, int body, int code_column) {
  CodeColumns out{code_column, {}};
  const int cols = g.empty() ? 0 : static_cast<int>(g[0].size());
  for (int c = code_column + 1; c < cols && out.parts.size() < 2; ++c) {
    int filled = 0, parts = 0;
    for (size_t r = static_cast<size_t>(body); r < g.size(); ++r) {
      const std::string& t = g[r][static_cast<size_t>(c)];
      if (t.empty()) continue;
      ++filled;
      parts += two_digits(t) ? 1 : 0;
    }
    if (filled < 2 || parts * 10 < filled * 7) break;
    out.parts.push_back(c);
  }
  return out;
}

// Each row's whole code, "" where it has none. Split codes are joined; a 类 or 款 left blank under
// the row that printed it is carried down, as a reader does.
std::vector<std::string> row_codes(const Grid& g, int body, const CodeColumns& columns,
                                   const DomainProfile& profile) {
  std::vector<std::string> out(g.size());
  std::vector<std::string> carried(columns.parts.size() + 1);
  for (size_t r = static_cast<size_t>(body); r < g.size(); ++r) {
    std::vector<std::string> here{g[r][static_cast<size_t>(columns.first)]};
    for (int c : columns.parts) here.push_back(g[r][static_cast<size_t>(c)]);
    if (!here[0].empty() && !profile.is_subject_code(here[0])) continue;  // a label or total: no code
    size_t last = here.size();
    while (last > 0 && here[last - 1].empty()) --last;
    if (last == 0) continue;
    std::string code;
    bool whole = true;
    for (size_t i = 0; i < last; ++i) {
      const std::string& part = here[i].empty() ? carried[i] : here[i];
      if (part.empty() || (i > 0 && !two_digits(part))) whole = false;
      code += part;
    }
    if (!whole || !profile.is_subject_code(code)) continue;
    for (size_t i = 0; i < carried.size(); ++i)
      carried[i] = i < last ? (here[i].empty() ? carried[i] : here[i]) : "";
    out[r] = code;
  }
  return out;
}

// A row whose label (any text left of the amount columns) says it is the total (合计): the
// table's grand total.
bool labelled_total(const std::vector<std::string>& row, int first_amount_column,
                    const DomainProfile& profile) {
  for (int c = 0; c < first_amount_column && c < static_cast<int>(row.size()); ++c)
    if (contains_any(without_spaces(row[static_cast<size_t>(c)]), profile.row_total_words)) return true;
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
  void columns_of(size_t i, const std::vector<int>& amounts, const DomainProfile& profile,
                  std::vector<int>& out) const {
    const Cell& c = *cells[i];
    auto is_amount = [&](int col) { return std::find(amounts.begin(), amounts.end(), col) != amounts.end(); };
    if (c.col_span == 1) {
      if (is_amount(c.col)) out.push_back(c.col);
      return;
    }
    auto kids = children_of(i);
    for (size_t k : kids)
      if (is_one_of(without_spaces(cells[k]->text), profile.subtotal_words) && cells[k]->col_span == 1) {
        if (is_amount(cells[k]->col)) out.push_back(cells[k]->col);
        return;
      }
    if (!kids.empty()) {
      for (size_t k : kids) columns_of(k, amounts, profile, out);
      return;
    }
    for (int col = c.col; col < c.col + c.col_span; ++col)
      if (is_amount(col)) out.push_back(col);
  }
};

// The unit a column prints its amounts to: its finest. A whole number in a column of ".00" amounts
// is exact to the cent ("22,118,861" among "0.00"), not rounded to the 元.
long long column_unit(const Grid& g, int column) {
  long long unit = 100;
  for (const auto& row : g) {
    const std::string text = without_spaces(row[static_cast<size_t>(column)]);
    if (amount_in_cents(text)) unit = std::min(unit, printed_unit(text));
  }
  return unit;
}

// What every check reads a table by: its text grid, where its body starts, its code columns, its
// amount columns and the unit each column prints to (column_unit).
struct TableLayout {
  const DomainProfile& profile;
  Grid g;
  int body = 0;
  std::vector<CodeColumns> code_groups;
  std::vector<int> amounts;
  std::vector<long long> units;
};

TableLayout lay_out(const Table& table, const DomainProfile& profile) {
  TableLayout out{profile, expand_to_grid(table), 0, {}, {}, {}};
  out.body = first_body_row(out.g, profile);
  if (out.body >= static_cast<int>(out.g.size())) return out;
  std::vector<int> not_amounts;
  for (int cc : code_columns(out.g, out.body, profile)) {
    if (!out.code_groups.empty() && cc <= out.code_groups.back().last()) continue;
    out.code_groups.push_back(code_parts(out.g, out.body, cc));
    for (int c = cc; c <= out.code_groups.back().last(); ++c) not_amounts.push_back(c);
  }
  out.amounts = amount_columns(out.g, out.body, not_amounts);
  for (int c = 0; c < (out.g.empty() ? 0 : static_cast<int>(out.g[0].size())); ++c)
    out.units.push_back(column_unit(out.g, c));
  return out;
}

void add_check(std::vector<ArithmeticCheck>& out, const Table& t, const TableLayout& layout, const char* kind,
               const std::vector<std::pair<int, int>>& addends, std::pair<int, int> total) {
  const Grid& g = layout.g;
  auto total_value = amount_in_cents(g[static_cast<size_t>(total.first)][static_cast<size_t>(total.second)]);
  if (!total_value) return;
  long long sum = 0;
  bool any_nonzero = *total_value != 0;
  long long half_units = layout.units[static_cast<size_t>(total.second)] / 2;
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
    half_units += layout.units[static_cast<size_t>(c)] / 2;
    used.emplace_back(r, c);
  }
  if (!any_nonzero || used.empty()) return;
  out.push_back({t.id, kind, used, total, within_rounding(sum, *total_value, half_units), {}, std::nullopt});
}

// The 项 every 款 of the functional classification (codes 2xx) opens with, under the same
// number everywhere: 2010101 and 2080101 are both 行政运行, 2130150 and 2050150 both 事业运行.
// `last_two` is the code's item number ("" for a code too short to have one).
bool is_numbered_item(const std::string& code, const std::string& last_two, const std::u32string& name,
                      const DomainProfile& profile) {
  if (last_two.empty() || code.size() != profile.item_code_digits ||
      code.rfind(profile.item_code_prefix, 0) != 0)
    return false;
  return std::any_of(profile.numbered_items.begin(), profile.numbered_items.end(),
                     [&](const NumberedItem& item) {
                       return item.number == last_two && comparable_label(item.name) == name;
                     });
}

// The classification vouches for a row's code when the name printed beside it is one of the
// code's standard names; for a code ending in 99, when the name starts with 其他 (the standard
// keeps 99 for the "other" subject of every 类 and 款); or for a 项 numbered as every 款 numbers it. A code
// or name the vocabulary does not know, or a name it gives another code, proves nothing: the vocabulary is a
// part of the classification, and its names changed over the years (30202 was 咨询费, now 印刷费), so a
// disagreement is no evidence of a misreading. No check is made then.
void add_subject_code_check(std::vector<ArithmeticCheck>& out, const Table& t, const TableLayout& layout,
                            int row, const CodeColumns& columns, const std::string& code) {
  const auto& cells = layout.g[static_cast<size_t>(row)];
  int name_column = -1;
  for (int c = columns.last() + 1; c < static_cast<int>(cells.size()) && name_column < 0; ++c) {
    const std::u32string cps = code_points(cells[static_cast<size_t>(c)]);
    if (std::any_of(cps.begin(), cps.end(), is_han)) name_column = c;
  }
  if (name_column < 0) return;
  const DomainProfile& profile = layout.profile;
  const std::u32string name = comparable_label(cells[static_cast<size_t>(name_column)]);
  const auto names = profile.index.names_of_code.find(code);
  const bool named = names != profile.index.names_of_code.end() && names->second.count(name);
  const std::string last_two = code.size() > 3 ? code.substr(code.size() - 2) : "";
  const std::u32string other_prefix = code_points(profile.other_subject_prefix);
  const bool other = last_two == "99" && !other_prefix.empty() && name.rfind(other_prefix, 0) == 0;
  if (!named && !other && !is_numbered_item(code, last_two, name, profile)) return;
  std::vector<std::pair<int, int>> code_cells{{row, columns.first}};
  for (int c : columns.parts)
    if (!cells[static_cast<size_t>(c)].empty()) code_cells.emplace_back(row, c);
  out.push_back({t.id, "subject-code", code_cells, {row, name_column}, true, {}, std::nullopt});
}

// How deep a label stands in a numbered list: 1 for "一、财政拨款收入", 2 for "1、一般公共预算" or
// "1. 一般公共预算资金", 0 for a label that is not a list item.
int list_level(const std::string& label) {
  const std::u32string cps = code_points(without_spaces(label));
  size_t numeral = 0;
  while (numeral < cps.size() &&
         std::u32string_view(U"一二三四五六七八九十").find(cps[numeral]) != std::u32string_view::npos)
    ++numeral;
  if (numeral > 0 && numeral < cps.size() && cps[numeral] == U'、') return 1;
  size_t digits = 0;
  while (digits < cps.size() && cps[digits] >= U'0' && cps[digits] <= U'9') ++digits;
  if (digits > 0 && digits <= 2 && digits + 1 < cps.size() &&
      (cps[digits] == U'、' || cps[digits] == U'.' || cps[digits] == U'．'))
    return 2;
  return 0;
}

bool total_label(const std::string& label, const DomainProfile& profile) {
  return contains_any(without_spaces(label), profile.list_total_words);
}

// Sums down a numbered list of labels, as 收支总表 and 收入支出决算总表 print them, in each amount
// column right of the labels (up to the next label column):
// - an item 一、 with items 1、 2、 … right below it equals their sum;
// - a total row (合计, 总计) equals the items 一、 二、 … since the previous total, or, with none
//   in between, the previous total plus the rows in between (收入总计 = 本年收入合计 + 年初结转和结余).
// A total with any other row that holds an amount in its span is left unchecked: what it sums is
// not shown.
void add_list_sums(std::vector<ArithmeticCheck>& out, const Table& t, const TableLayout& layout) {
  const Grid& g = layout.g;
  const int body = layout.body;
  const std::vector<int>& amounts = layout.amounts;
  const int rows = static_cast<int>(g.size());
  const int cols = rows > 0 ? static_cast<int>(g[0].size()) : 0;
  for (int label = 0; label < cols; ++label) {
    int items = 0;
    for (int r = body; r < rows; ++r)
      items += list_level(g[static_cast<size_t>(r)][static_cast<size_t>(label)]) == 1;
    if (items < 2) continue;
    std::vector<int> group;
    for (int c = label + 1; c < cols; ++c) {
      if (std::find(amounts.begin(), amounts.end(), c) != amounts.end()) {
        group.push_back(c);
        continue;
      }
      bool has_text = false;
      for (int r = body; r < rows && !has_text; ++r)
        has_text = !g[static_cast<size_t>(r)][static_cast<size_t>(c)].empty();
      if (has_text) break;  // the next label column: its own list
    }
    auto text = [&](int r, int c) -> const std::string& {
      return g[static_cast<size_t>(r)][static_cast<size_t>(c)];
    };
    for (int c : group) {
      auto holds_amount = [&](int r) { return amount_in_cents(text(r, c)).has_value(); };
      int previous_total = -1;
      for (int r = body; r < rows; ++r) {
        const std::string& name = text(r, label);
        const int level = list_level(name);
        if (level == 1) {
          std::vector<std::pair<int, int>> children;
          for (int k = r + 1; k < rows && list_level(text(k, label)) == 2; ++k) children.emplace_back(k, c);
          if (!children.empty()) add_check(out, t, layout, "list-sum", children, {r, c});
        }
        if (!total_label(name, layout.profile) || level != 0) continue;
        std::vector<std::pair<int, int>> firsts, others;
        for (int k = previous_total + 1; k < r; ++k) {
          if (k < body) continue;
          const int item = list_level(text(k, label));
          if (item == 1)
            firsts.emplace_back(k, c);
          else if (item == 0 && holds_amount(k))
            others.emplace_back(k, c);
        }
        if (!firsts.empty() && others.empty()) {
          add_check(out, t, layout, "list-sum", firsts, {r, c});
        } else if (firsts.empty() && previous_total >= 0 && !others.empty()) {
          others.insert(others.begin(), {previous_total, c});
          add_check(out, t, layout, "list-sum", others, {r, c});
        }
        previous_total = r;
      }
    }
  }
}

void add_subject_codes(std::vector<ArithmeticCheck>& out, const Table& table, const TableLayout& layout) {
  for (const CodeColumns& columns : layout.code_groups) {
    const std::vector<std::string> codes = row_codes(layout.g, layout.body, columns, layout.profile);
    for (int r = layout.body; r < static_cast<int>(layout.g.size()); ++r)
      // Only a code whose own cell is printed is checked: a 类 carried down is the row above's.
      if (!codes[static_cast<size_t>(r)].empty() &&
          !layout.g[static_cast<size_t>(r)][static_cast<size_t>(columns.first)].empty())
        add_subject_code_check(out, table, layout, r, columns, codes[static_cast<size_t>(r)]);
  }
}

void add_sums(std::vector<ArithmeticCheck>& out, const Table& table, const TableLayout& layout) {
  const Grid& g = layout.g;
  const int body = layout.body;
  const int rows = static_cast<int>(g.size());
  const auto& code_groups = layout.code_groups;
  const std::vector<int>& amounts = layout.amounts;
  if (body >= rows || amounts.empty()) return;

  // Column sums along the 科目编码 hierarchy; each amount column follows the nearest code column
  // on its left.
  for (size_t i = 0; i < code_groups.size(); ++i) {
    const CodeColumns& columns = code_groups[i];
    const int next = i + 1 < code_groups.size() ? code_groups[i + 1].first : 1 << 30;
    std::vector<int> group;
    for (int c : amounts)
      if (c > columns.last() && c < next) group.push_back(c);
    const std::vector<std::string> codes = row_codes(g, body, columns, layout.profile);
    auto code = [&](int r) -> const std::string& { return codes[static_cast<size_t>(r)]; };
    size_t top_level = 99;
    for (int r = body; r < rows; ++r)
      if (!code(r).empty()) top_level = std::min(top_level, code(r).size());
    for (int r = body; r < rows; ++r) {
      const std::string& parent = code(r);
      std::vector<int> children;
      if (!parent.empty()) {
        for (int k = r + 1; k < rows && (code(k).empty() || code(k).rfind(parent, 0) == 0); ++k)
          if (code(k).size() == parent.size() + 2) children.push_back(k);
      } else if (labelled_total(g[static_cast<size_t>(r)], group.empty() ? 0 : group.front(),
                                layout.profile)) {
        for (int k = body; k < rows; ++k)
          if (code(k).size() == top_level) children.push_back(k);
      }
      if (children.empty()) continue;
      for (int c : group) {
        std::vector<std::pair<int, int>> addends;
        for (int k : children) addends.emplace_back(k, c);
        add_check(out, table, layout, "column-sum", addends, {r, c});
      }
    }
  }

  // Row sums along the header tree: a column headed 合计 or 小计 equals its sibling groups.
  HeaderTree header(table, body);
  // A column the header names beside a 合计 but the body leaves blank adds zero: it still makes
  // the 合计 a sum (合计 = 一般公共预算 + 政府性基金预算 + 国有资本经营预算, the last two empty).
  std::vector<int> summable = amounts;
  for (int c = 0; c < (rows > 0 ? static_cast<int>(g[0].size()) : 0); ++c) {
    bool blank = true;
    for (int r = body; r < rows && blank; ++r) {
      const std::string& text = g[static_cast<size_t>(r)][static_cast<size_t>(c)];
      blank = text.empty() || text == "-";
    }
    if (blank) summable.push_back(c);
  }
  for (size_t t = 0; t < header.cells.size(); ++t) {
    const Cell& total = *header.cells[t];
    const std::string label = without_spaces(total.text);
    if (!is_one_of(label, layout.profile.column_total_words) || total.col_span != 1) continue;
    if (std::find(amounts.begin(), amounts.end(), total.col) == amounts.end()) continue;
    std::vector<int> parts;
    for (size_t s : header.children_of(header.parent_of(t)))
      if (s != t) header.columns_of(s, summable, layout.profile, parts);
    if (parts.size() < 2) continue;
    for (int r = body; r < rows; ++r) {
      std::vector<std::pair<int, int>> addends;
      for (int k : parts) addends.emplace_back(r, k);
      add_check(out, table, layout, "row-sum", addends, {r, total.col});
    }
  }
  add_list_sums(out, table, layout);
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

std::vector<ArithmeticCheck> find_arithmetic_checks(const Table& table, const DomainProfile& profile) {
  std::vector<ArithmeticCheck> out;
  add_sums(out, table, lay_out(table, profile));
  return out;
}

std::vector<ArithmeticCheck> find_subject_code_checks(const Table& table, const DomainProfile& profile) {
  std::vector<ArithmeticCheck> out;
  add_subject_codes(out, table, lay_out(table, profile));
  return out;
}

std::vector<ArithmeticCheck> find_table_checks(const Table& table, const DomainProfile& profile) {
  std::vector<ArithmeticCheck> out;
  const TableLayout layout = lay_out(table, profile);
  add_sums(out, table, layout);
  add_subject_codes(out, table, layout);
  return out;
}

}  // namespace gridlift
