#pragma once
// The median the grid stage measures typical sizes by (rules, glyphs, cells, lines).

#include <algorithm>
#include <vector>

namespace gridlift {

//! The upper median of `values`; T{} when there are none.
template <typename T>
T median(std::vector<T> values) {
  if (values.empty()) return T{};
  const auto middle = values.begin() + static_cast<long>(values.size() / 2);
  std::nth_element(values.begin(), middle, values.end());
  return *middle;
}

}  // namespace gridlift
