#include "stages/correct/sum_repair.h"

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <tuple>

#include "models/unicode.h"
#include "stages/assemble/arithmetic_checks.h"
#include "stages/assemble/check_verdicts.h"
#include "stages/assemble/document_checks.h"

namespace gridlift {
namespace {

using Position = std::pair<int, int>;
// A check is the same check before and after a repair when it sums the same cells to the same total.
using CheckKey = std::tuple<std::string, std::string, Position, std::vector<Position>>;

// Rereadings tried per table, at most: a table whose sums fail everywhere (a misread layout, not a
// misread number) is not worth a second's arithmetic.
constexpr int kMaxTriesPerTable = 400;

CheckKey key_of(const ArithmeticCheck& c) {
  return {c.table, c.kind, c.total, c.cells};
}

bool involves(const ArithmeticCheck& check, Position p) {
  return check.total == p || std::find(check.cells.begin(), check.cells.end(), p) != check.cells.end();
}

std::string describe(const ArithmeticCheck& c) {
  return c.kind + " to (" + std::to_string(c.total.first) + ", " + std::to_string(c.total.second) + ")";
}

// How column `col` prints its other amounts: the decimal counts it uses and whether it groups
// thousands. A column with no other amount allows every count.
struct ColumnStyle {
  std::vector<int> decimals;
  bool separators = false;
};

ColumnStyle column_style(const Table& table, size_t except) {
  std::set<int> decimals;
  ColumnStyle style;
  for (size_t i = 0; i < table.cells.size(); ++i) {
    const Cell& c = table.cells[i];
    if (i == except || c.col != table.cells[except].col) continue;
    const std::string text = without_spaces(c.text);
    if (!amount_in_cents(text)) continue;
    const size_t point = text.find('.');
    decimals.insert(point == std::string::npos ? 0 : static_cast<int>(text.size() - point - 1));
    style.separators = style.separators || text.find(',') != std::string::npos;
  }
  style.decimals =
      decimals.empty() ? std::vector<int>{0, 1, 2} : std::vector<int>(decimals.begin(), decimals.end());
  return style;
}

std::string grouped(const std::string& whole) {
  std::string out;
  for (size_t i = 0; i < whole.size(); ++i) {
    if (i > 0 && (whole.size() - i) % 3 == 0) out += ',';
    out += whole[i];
  }
  return out;
}

struct Repair {
  size_t cell = 0;
  std::string text;
  std::set<CheckKey> fixed;        //!< checks that hold now and did not before
  std::vector<std::string> proof;  //!< those of them the cell is a term of, described
};

// What reading `text` for cell `index` does to `table`'s checks, if it is a repair: see sum_repair.h.
std::optional<Repair> try_reading(Table& table, size_t index, const std::string& text,
                                  const std::set<CheckKey>& held_before, const DomainProfile& profile) {
  Cell& cell = table.cells[index];
  const Position at{cell.row, cell.col};
  const std::string read = cell.text;
  cell.text = text;
  const std::vector<ArithmeticCheck> after = find_table_checks(table, profile);
  cell.text = read;

  Repair repair{index, text, {}, {}};
  std::set<CheckKey> held_after;
  for (const auto& check : after) {
    if (check.ok) held_after.insert(key_of(check));
    if (!involves(check, at)) continue;
    if (!check.ok) return std::nullopt;  // a check of the cell still fails: no repair
  }
  for (const auto& key : held_before)
    if (!held_after.count(key)) return std::nullopt;  // it would break a check that held
  for (const auto& check : after)
    if (check.ok && !held_before.count(key_of(check))) {
      repair.fixed.insert(key_of(check));
      if (involves(check, at)) repair.proof.push_back(describe(check));
    }
  if (repair.proof.size() < 2) return std::nullopt;  // one sum only: it would prove what it drove
  return repair;
}

bool overlaps(const std::set<CheckKey>& a, const std::set<CheckKey>& b) {
  return std::any_of(a.begin(), a.end(), [&](const CheckKey& k) { return b.count(k) > 0; });
}

// One repair of `table` the checks settle, or nullopt.
std::optional<Repair> settled_repair(Table& table, PageMode mode, int& tries, const DomainProfile& profile) {
  const std::vector<ArithmeticCheck> checks = find_table_checks(table, profile);
  std::set<CheckKey> held;
  std::set<Position> in_failed;
  for (const auto& check : checks) {
    if (check.ok) {
      held.insert(key_of(check));
      continue;
    }
    in_failed.insert(check.total);
    in_failed.insert(check.cells.begin(), check.cells.end());
  }
  std::vector<Repair> found;
  for (size_t i = 0; i < table.cells.size(); ++i) {
    const Cell& cell = table.cells[i];
    // A percentage is no term of a sum; its marks are not the repair's to move.
    if (!read_by_ocr(cell, mode) || ascii_digits(cell.text).empty() ||
        cell.text.find('%') != std::string::npos)
      continue;
    if (!in_failed.count({cell.row, cell.col}) && !malformed_number(cell.text)) continue;
    const ColumnStyle style = column_style(table, i);
    for (const std::string& text : readings_of_the_same_digits(cell.text, style.decimals, style.separators)) {
      if (++tries > kMaxTriesPerTable) return std::nullopt;
      if (auto repair = try_reading(table, i, text, held, profile)) found.push_back(std::move(*repair));
    }
  }
  // Of readings that mend the same checks, none is taken: the arithmetic does not tell which.
  std::optional<Repair> best;
  for (size_t a = 0; a < found.size(); ++a) {
    bool alone = true;
    for (size_t b = 0; b < found.size() && alone; ++b)
      alone = a == b || !overlaps(found[a].fixed, found[b].fixed);
    if (alone && (!best || found[a].proof.size() > best->proof.size())) best = found[a];
  }
  return best;
}

std::set<CheckKey> holding(const std::vector<ArithmeticCheck>& checks) {
  std::set<CheckKey> out;
  for (const auto& c : checks)
    if (c.ok) out.insert(key_of(c));
  return out;
}

}  // namespace

std::vector<std::string> readings_of_the_same_digits(const std::string& text,
                                                     const std::vector<int>& decimals, bool separators) {
  const std::string digits = ascii_digits(text);
  std::vector<std::string> out;
  if (digits.empty() || digits.size() > 15) return out;
  const std::string bare = without_spaces(text);
  const bool minus = !bare.empty() && bare.front() == '-';
  for (int k : decimals) {
    if (k < 0 || k > 2 || (k > 0 && static_cast<size_t>(k) >= digits.size())) continue;
    const std::string whole = digits.substr(0, digits.size() - static_cast<size_t>(k));
    if (whole.size() > 1 && whole[0] == '0') continue;  // "025": no table prints a leading zero
    std::string amount = separators && whole.size() >= 4 ? grouped(whole) : whole;
    if (k > 0) amount += "." + digits.substr(whole.size());
    for (const bool sign : {false, true}) {
      if (sign && !minus) continue;
      std::string reading = sign ? "-" + amount : amount;
      if (reading != bare && std::find(out.begin(), out.end(), reading) == out.end())
        out.push_back(std::move(reading));
    }
  }
  return out;
}

int repair_by_arithmetic(std::vector<PageResult>& pages, const DomainProfile& profile) {
  const std::set<CheckKey> held_in_document = holding(check_document(pages, profile).checks);
  std::vector<std::pair<Table*, Table>> before;  // each repaired table as it was
  int repaired = 0;
  for (auto& page : pages)
    for (auto& table : page.tables) {
      int tries = 0;
      bool kept = false;
      while (auto repair = settled_repair(table, page.mode, tries, profile)) {
        if (!kept) before.emplace_back(&table, table);
        kept = true;
        Cell& cell = table.cells[repair->cell];
        std::string why = "its digits as read, its marks placed so that " +
                          std::to_string(repair->proof.size()) + " sums it is a term of hold: ";
        for (size_t i = 0; i < repair->proof.size(); ++i) why += (i ? ", " : "") + repair->proof[i];
        table.corrections.push_back({kSumRepairRule, cell.row, cell.col, cell.text, repair->text, why});
        cell.text = repair->text;
        cell.confidence = kRepairedConfidence;
        ++repaired;
      }
    }
  if (repaired == 0) return 0;
  // A table continued over pages is checked as one: a repair that holds in its part but breaks a
  // sum across parts is no repair, and none of the document's is kept then.
  const std::set<CheckKey> held_after = holding(check_document(pages, profile).checks);
  if (std::any_of(held_in_document.begin(), held_in_document.end(),
                  [&](const CheckKey& k) { return !held_after.count(k); })) {
    for (auto& [table, as_it_was] : before) *table = std::move(as_it_was);
    return 0;
  }
  return repaired;
}

}  // namespace gridlift
