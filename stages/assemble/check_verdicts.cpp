#include "stages/assemble/check_verdicts.h"

#include <algorithm>
#include <map>
#include <regex>
#include <string_view>

#include "models/number_text.h"
#include "models/unicode.h"

namespace gridlift {
namespace {

struct TableAt {
  Table* table = nullptr;
  PageMode mode = PageMode::kText;
};

Cell* cell_at(Table& table, std::pair<int, int> position) {
  for (Cell& c : table.cells)
    if (c.row == position.first && c.col == position.second) return &c;
  return nullptr;
}

// Digits (one or two) or a Chinese numeral (up to three characters), a comma, then Chinese text.
bool opens_with_list_number_and_comma(const std::string& text) {
  const std::u32string cps = code_points(text);
  size_t i = 0;
  auto skip_spaces = [&] {
    while (i < cps.size() && is_space(cps[i])) ++i;
  };
  skip_spaces();
  const size_t start = i;
  constexpr std::u32string_view kNumerals = U"一二三四五六七八九十";
  if (i < cps.size() && cps[i] >= U'0' && cps[i] <= U'9') {
    while (i < cps.size() && i - start < 2 && cps[i] >= U'0' && cps[i] <= U'9') ++i;
  } else {
    while (i < cps.size() && i - start < 3 && kNumerals.find(cps[i]) != std::u32string_view::npos) ++i;
  }
  if (i == start) return false;
  skip_spaces();
  if (i >= cps.size() || (cps[i] != U',' && cps[i] != U'，')) return false;
  ++i;
  skip_spaces();
  return i < cps.size() && is_han(cps[i]);
}

}  // namespace

bool read_by_ocr(const Cell& cell, PageMode mode) {
  return mode == PageMode::kOcr || (mode == PageMode::kMixed && cell.confidence < 1.0);
}

bool malformed_number(const std::string& text) {
  static const std::regex kNumberMarks(R"(^[-0-9.,%]*[0-9][-0-9.,%]*$)");
  const std::string bare = without_spaces(text);
  return std::regex_match(bare, kNumberMarks) && !well_formed_number(bare);
}

int judge_failed_checks(std::vector<ArithmeticCheck>& checks, std::vector<PageResult>& pages) {
  std::map<std::string, TableAt> tables;
  for (auto& page : pages)
    for (auto& table : page.tables) tables[table.id] = {&table, page.mode};
  int doubted = 0;
  for (auto& check : checks) {
    if (check.ok) continue;
    const auto found = tables.find(check.table);
    if (found == tables.end()) continue;
    Table& table = *found->second.table;
    std::vector<std::pair<std::pair<int, int>, Cell*>> ocr_terms;
    std::vector<std::pair<int, int>> terms = check.cells;
    terms.push_back(check.total);
    for (const auto& position : terms)
      if (Cell* cell = cell_at(table, position); cell && read_by_ocr(*cell, found->second.mode))
        ocr_terms.emplace_back(position, cell);
    if (ocr_terms.empty()) {
      check.failure = "printed";
      continue;
    }
    check.failure = "misread";
    check.suspect = std::min_element(ocr_terms.begin(), ocr_terms.end(), [](const auto& a, const auto& b) {
                      return a.second->confidence < b.second->confidence;
                    })->first;
    for (auto& [position, cell] : ocr_terms)
      if (cell->confidence > kContradictedConfidence) {
        cell->confidence = kContradictedConfidence;
        ++doubted;
      }
  }
  return doubted;
}

int doubt_malformed_numbers(std::vector<PageResult>& pages) {
  int doubted = 0;
  for (auto& page : pages)
    for (auto& table : page.tables)
      for (auto& cell : table.cells) {
        if (!read_by_ocr(cell, page.mode) || cell.confidence <= kContradictedConfidence) continue;
        if (!malformed_number(cell.text)) continue;
        cell.confidence = kContradictedConfidence;
        ++doubted;
      }
  return doubted;
}

int doubt_misread_list_marks(std::vector<PageResult>& pages) {
  int doubted = 0;
  for (auto& page : pages)
    for (auto& table : page.tables)
      for (auto& cell : table.cells) {
        if (!read_by_ocr(cell, page.mode) || cell.confidence <= kContradictedConfidence) continue;
        if (!opens_with_list_number_and_comma(cell.text)) continue;
        cell.confidence = kContradictedConfidence;
        ++doubted;
      }
  return doubted;
}

}  // namespace gridlift
