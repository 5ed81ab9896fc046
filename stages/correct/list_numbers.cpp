#include "stages/correct/list_numbers.h"

#include <algorithm>
#include <map>
#include <optional>
#include <vector>

#include "models/unicode.h"

namespace gridlift {
namespace {

constexpr std::u32string_view kDigits = U"一二三四五六七八九";
constexpr char32_t kTen = U'十', kEnumerationComma = U'、';

int digit_value(char32_t cp) {
  const size_t at = kDigits.find(cp);
  return at == std::u32string_view::npos ? 0 : static_cast<int>(at) + 1;
}

bool is_stray_quote(char32_t cp) {
  return cp == U'“' || cp == U'”' || cp == U'‘' || cp == U'’' || cp == U'"' || cp == U'\'' || cp == U'`';
}

// A cell that looks like an item of a numbered list: its number as read (0 if not a numeral) and
// the label after it.
struct ListItem {
  size_t cell = 0;
  int number = 0;
  std::u32string label;
  int others_before = 0;  //!< cells of other text above it in its column
};

std::optional<ListItem> as_list_item(const std::string& text) {
  const std::u32string cps = code_points(text);
  size_t start = 0;
  while (start < cps.size() && is_space(cps[start])) ++start;
  std::u32string prefix;
  for (size_t i = start; i < cps.size() && i < start + 7; ++i) {
    if (cps[i] != kEnumerationComma) {
      if (!is_space(cps[i])) prefix.push_back(cps[i]);
      continue;
    }
    // An empty prefix, a comma opening the cell, is an item whose numeral was lost (四、 read 、).
    if (prefix.size() > 5) return std::nullopt;
    // Digits number the list a level down (一、财政拨款收入 over 1、 2、 3、): not this list's items.
    if (!prefix.empty() && std::all_of(prefix.begin(), prefix.end(), [](char32_t c) {
          return (c >= U'0' && c <= U'9') || (c >= U'０' && c <= U'９');
        }))
      return std::nullopt;
    size_t label = i + 1;
    while (label < cps.size() && is_space(cps[label])) ++label;
    return ListItem{0, chinese_numeral_value(prefix), cps.substr(label)};
  }
  // The numeral and its comma read as one quote mark.
  if (start + 1 < cps.size() && is_stray_quote(cps[start]) && is_han(cps[start + 1]))
    return ListItem{0, 0, cps.substr(start + 1)};
  return std::nullopt;
}

// The number item `i` must have, if its well-read neighbours settle it. `anchored[k]` says
// item k's number agrees with another item's (the same difference of number and place).
std::optional<int> settled_number(const std::vector<ListItem>& items, const std::vector<char>& anchored,
                                  size_t i) {
  constexpr long kMaxReach = 3;  // items from the last well-read one a list is continued over
  std::optional<size_t> before, after;
  for (size_t k = i; k-- > 0;)
    if (anchored[k]) {
      before = k;
      break;
    }
  for (size_t k = i + 1; k < items.size(); ++k)
    if (anchored[k]) {
      after = k;
      break;
    }
  auto offset = [&](size_t k) { return items[k].number - static_cast<long>(k); };
  auto has_partner = [&](size_t k, bool earlier) {
    for (size_t m = 0; m < items.size(); ++m)
      if (m != k && anchored[m] && (earlier ? m < k : m > k) && offset(m) == offset(k)) return true;
    return false;
  };
  long number = 0;
  if (before && after) {
    if (offset(*before) != offset(*after)) return std::nullopt;  // two lists, or a break in one
    number = offset(*before) + static_cast<long>(i);
  } else if (items[i].number > 0) {
    return std::nullopt;  // a numeral the list does not enclose may be the start of another list
  } else if (before) {
    // Continued only over items: a label in between may be an item whose number was lost.
    if (static_cast<long>(i - *before) > kMaxReach || !has_partner(*before, true) ||
        items[*before].others_before != items[i].others_before)
      return std::nullopt;
    number = offset(*before) + static_cast<long>(i);
  } else if (after) {
    if (static_cast<long>(*after - i) > kMaxReach || !has_partner(*after, false) ||
        items[*after].others_before != items[i].others_before)
      return std::nullopt;
    number = offset(*after) + static_cast<long>(i);
  } else {
    return std::nullopt;
  }
  if (number < 1 || number > 99) return std::nullopt;
  return static_cast<int>(number);
}

}  // namespace

int chinese_numeral_value(std::u32string_view numeral) {
  if (numeral.empty() || numeral.size() > 3) return 0;
  const size_t ten = numeral.find(kTen);
  if (ten == std::u32string_view::npos) return numeral.size() == 1 ? digit_value(numeral[0]) : 0;
  if (ten > 1 || numeral.size() - ten > 2) return 0;
  // "一十五" is never printed (it is 十五); read, it is a "二十五" that lost a stroke.
  const int tens = ten == 0 ? 1 : digit_value(numeral[0]);
  if (tens == 1 && ten == 1) return 0;
  const int units = ten + 1 < numeral.size() ? digit_value(numeral[ten + 1]) : 0;
  if (tens == 0 || (ten + 1 < numeral.size() && units == 0)) return 0;
  return tens * 10 + units;
}

std::string chinese_numeral(int value) {
  std::string out;
  if (value < 1 || value > 99) return out;
  const int tens = value / 10, units = value % 10;
  if (tens > 1) append_utf8(out, kDigits[static_cast<size_t>(tens - 1)]);
  if (tens > 0) append_utf8(out, kTen);
  if (units > 0) append_utf8(out, kDigits[static_cast<size_t>(units - 1)]);
  return out;
}

int mend_list_numbers(Table& table) {
  // Cells are row-major (models/table.h), so each column's items come in row order.
  std::map<int, std::vector<ListItem>> columns;
  std::map<int, int> others;  // cells of other text so far, by column
  for (size_t c = 0; c < table.cells.size(); ++c) {
    const int col = table.cells[c].col;
    if (auto item = as_list_item(table.cells[c].text)) {
      item->cell = c;
      item->others_before = others[col];
      columns[col].push_back(std::move(*item));
    } else if (!table.cells[c].text.empty()) {
      ++others[col];
    }
  }

  int mended = 0;
  for (auto& [col, items] : columns) {
    // An item is anchored by the others its number agrees with (the same difference of number and
    // place). Where some item has two such partners, one is not enough: two misreads off by one
    // the same way (三 read 二, 十三 read 十二) agree with each other.
    std::vector<int> partners(items.size(), 0);
    for (size_t i = 0; i < items.size(); ++i)
      for (size_t m = 0; m < items.size(); ++m)
        partners[i] += m != i && items[i].number > 0 && items[m].number > 0 &&
                       items[m].number - items[i].number == static_cast<int>(m) - static_cast<int>(i);
    const int needed = *std::max_element(partners.begin(), partners.end()) >= 2 ? 2 : 1;
    std::vector<char> anchored(items.size(), 0);
    for (size_t i = 0; i < items.size(); ++i) anchored[i] = partners[i] >= needed;
    for (size_t i = 0; i < items.size(); ++i) {
      if (anchored[i]) continue;
      const std::optional<int> number = settled_number(items, anchored, i);
      if (!number || *number == items[i].number) continue;
      std::string text = chinese_numeral(*number);
      append_utf8(text, kEnumerationComma);
      table.cells[items[i].cell].text = text + to_utf8(items[i].label);
      ++mended;
    }
  }
  return mended;
}

}  // namespace gridlift
