#include "tools/score/sequence_alignment.h"

#include <algorithm>

namespace gridlift {

std::vector<std::pair<int, int>> align_sequences(const std::vector<std::vector<double>>& similarity) {
  const size_t n = similarity.size();
  const size_t m = n ? similarity[0].size() : 0;
  std::vector<std::vector<double>> best(n + 1, std::vector<double>(m + 1, 0.0));
  for (size_t i = 1; i <= n; ++i)
    for (size_t j = 1; j <= m; ++j) {
      double s = similarity[i - 1][j - 1];
      best[i][j] = std::max({best[i - 1][j], best[i][j - 1], s > 0 ? best[i - 1][j - 1] + s : 0.0});
    }
  std::vector<std::pair<int, int>> pairs;
  for (size_t i = n, j = m; i > 0 && j > 0;) {
    double s = similarity[i - 1][j - 1];
    if (s > 0 && best[i][j] == best[i - 1][j - 1] + s) {
      pairs.emplace_back(static_cast<int>(i - 1), static_cast<int>(j - 1));
      --i;
      --j;
    } else if (best[i][j] == best[i - 1][j]) {
      --i;
    } else {
      --j;
    }
  }
  std::reverse(pairs.begin(), pairs.end());
  return pairs;
}

}  // namespace gridlift
