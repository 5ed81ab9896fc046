#include "stages/verdict/ocr_cross_check.h"

#include <algorithm>
#include <vector>

#include "models/unicode.h"

namespace gridlift {
namespace {

// The digits of a number cell in order ("1,234.50" → "123450"); empty unless the text is a number:
// digits and number punctuation only, at least three digits (short ones tell little). Spaces are
// passed over: OCR often reads a thin comma or point as one.
std::string number_digits(const std::string& text) {
  std::string digits;
  for (size_t i = 0; i < text.size();) {
    char32_t cp = next_code_point(text, i);
    if (cp >= '0' && cp <= '9')
      digits += static_cast<char>(cp);
    else if (cp != '.' && cp != ',' && cp != '-' && cp != '%' && cp != ' ')
      return {};
  }
  return digits.size() >= 3 ? digits : std::string{};
}

// Han ideographs only: punctuation and kana say little about a font's mapping.
std::vector<char32_t> han_of(const std::string& text) {
  std::vector<char32_t> out;
  for (size_t i = 0; i < text.size();) {
    char32_t cp = next_code_point(text, i);
    if ((cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF)) out.push_back(cp);
  }
  return out;
}

// A label of Chinese long enough to judge, in a cell wider than tall: a narrow column stacks its
// characters one per line, which OCR of a block reads poorly and would count against the layer.
bool is_label(const Cell& cell) {
  size_t n = han_of(cell.text).size();
  return n >= 3 && n <= 12 && cell.bbox.width() >= cell.bbox.height();
}

// Up to `count` of `candidates`, spread evenly over them.
std::vector<size_t> spread(const std::vector<size_t>& candidates, int count) {
  std::vector<size_t> picked;
  const size_t n = candidates.size(), k = std::min(n, static_cast<size_t>(std::max(count, 0)));
  for (size_t i = 0; i < k; ++i) picked.push_back(candidates[(2 * i + 1) * n / (2 * k)]);
  return picked;
}

std::string quoted(const std::string& layer, const std::string& seen) {
  return "text layer '" + layer + "' vs OCR '" + seen + "'";
}

}  // namespace

void CrossCheck::add(const CrossCheck& other) {
  numbers_sampled += other.numbers_sampled;
  numbers_disagreed += other.numbers_disagreed;
  texts_sampled += other.texts_sampled;
  texts_disagreed += other.texts_disagreed;
  numbers_read_otherwise.insert(other.numbers_read_otherwise.begin(), other.numbers_read_otherwise.end());
  if (example.empty()) example = other.example;
}

bool CrossCheck::contradicts_text_layer() const {
  const bool numbers_lie = numbers_sampled >= 2 && 4 * numbers_disagreed >= 3 * numbers_sampled &&
                           numbers_read_otherwise.size() >= 2;
  const bool labels_lie = texts_sampled >= 2 && texts_disagreed == texts_sampled;
  return numbers_lie || labels_lie;
}

CrossCheck cross_check_by_ocr(const Table& table, const CellOcr& read_cell, int max_numbers, int max_texts) {
  std::vector<size_t> numbers, labels;
  for (size_t i = 0; i < table.cells.size(); ++i) {
    if (!number_digits(table.cells[i].text).empty())
      numbers.push_back(i);
    else if (is_label(table.cells[i]))
      labels.push_back(i);
  }
  CrossCheck check;
  auto disagree = [&](size_t i, const std::string& seen) {
    if (check.example.empty()) check.example = quoted(table.cells[i].text, seen);
  };
  // A cell OCR finds blank tells nothing about the mapping (text under a picture, a clipped cell).
  for (size_t i : spread(numbers, max_numbers)) {
    CellReading reading = read_cell(i);
    if (reading.blank) continue;
    ++check.numbers_sampled;
    // Every digit OCR saw, in order: its other marks ('?' for '%', a space for a comma) are no evidence.
    const bool agrees = ascii_digits(reading.text) == number_digits(table.cells[i].text);
    check.sampled_cells.push_back({i, reading.text, agrees});
    if (!agrees) {
      ++check.numbers_disagreed;
      check.numbers_read_otherwise.insert(table.cells[i].text);
      disagree(i, reading.text);
    }
  }
  for (size_t i : spread(labels, max_texts)) {
    CellReading reading = read_cell(i);
    if (reading.blank) continue;
    ++check.texts_sampled;
    std::vector<char32_t> expected = han_of(table.cells[i].text), seen = han_of(reading.text);
    size_t found = 0;
    for (char32_t cp : expected) found += std::find(seen.begin(), seen.end(), cp) != seen.end();
    const bool agrees = 2 * found >= expected.size();
    check.sampled_cells.push_back({i, reading.text, agrees});
    if (!agrees) {
      ++check.texts_disagreed;
      disagree(i, reading.text);
    }
  }
  return check;
}

}  // namespace gridlift
