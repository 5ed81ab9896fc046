#include "tools/score/table_score.h"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include "models/table_grid_text.h"
#include "tools/score/cell_text_normalization.h"
#include "tools/score/sequence_alignment.h"

namespace gridlift {
namespace {

using Grid = std::vector<std::vector<std::string>>;

Grid normalized_grid(const Table& t) {
  Grid g = expand_to_grid(t);
  for (auto& row : g)
    for (auto& text : row) text = normalize_cell_text(text);
  return g;
}

// Dice similarity of two multisets of strings; two empty sets are weakly alike, so empty rows
// (an empty table body) still align with each other but never outweigh text.
double dice(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  std::map<std::string, int> count;
  size_t na = 0, nb = 0;
  for (const auto& s : a)
    if (!s.empty()) ++count[s], ++na;
  int common = 0;
  for (const auto& s : b) {
    if (s.empty()) continue;
    ++nb;
    if (auto it = count.find(s); it != count.end() && it->second > 0) --it->second, ++common;
  }
  if (na == 0 && nb == 0) return 0.25;
  return 2.0 * common / static_cast<double>(na + nb);
}

std::vector<std::string> column(const Grid& g, size_t c) {
  std::vector<std::string> out;
  for (const auto& row : g) out.push_back(c < row.size() ? row[c] : std::string());
  return out;
}

std::vector<std::string> all_texts(const Grid& g) {
  std::vector<std::string> out;
  for (const auto& row : g) out.insert(out.end(), row.begin(), row.end());
  return out;
}

std::vector<std::pair<int, int>> align(size_t n, size_t m, const auto& similarity_of) {
  std::vector<std::vector<double>> sim(n, std::vector<double>(m));
  for (size_t i = 0; i < n; ++i)
    for (size_t j = 0; j < m; ++j) sim[i][j] = similarity_of(i, j);
  return align_sequences(sim);
}

double span_f1(const Table& truth, const Table& result) {
  auto spans = [](const Table& t) {
    std::set<std::tuple<int, int, int, int>> s;
    for (const auto& c : t.cells)
      if (c.row_span > 1 || c.col_span > 1) s.insert({c.row, c.col, c.row_span, c.col_span});
    return s;
  };
  auto a = spans(truth), b = spans(result);
  if (a.empty() && b.empty()) return 1.0;
  size_t common = 0;
  for (const auto& s : a) common += b.count(s);
  return 2.0 * static_cast<double>(common) / static_cast<double>(a.size() + b.size());
}

// Each grid position's confidence: that of the cell covering it.
std::vector<std::vector<double>> confidence_grid(const Table& t) {
  std::vector<std::vector<double>> g(static_cast<size_t>(std::max(t.n_rows, 0)),
                                     std::vector<double>(static_cast<size_t>(std::max(t.n_cols, 0)), 1.0));
  for (const auto& c : t.cells)
    for (int r = c.row; r < c.row + c.row_span && r < t.n_rows; ++r)
      for (int k = c.col; k < c.col + c.col_span && k < t.n_cols; ++k)
        if (r >= 0 && k >= 0) g[static_cast<size_t>(r)][static_cast<size_t>(k)] = c.confidence;
  return g;
}

}  // namespace

double content_similarity(const Table& truth, const Table& result) {
  return dice(all_texts(normalized_grid(truth)), all_texts(normalized_grid(result)));
}

TableScore score_table(const Table& truth, const Table& result) {
  const Grid t = normalized_grid(truth), r = normalized_grid(result);
  const size_t tc = static_cast<size_t>(std::max(truth.n_cols, 0)),
               rc = static_cast<size_t>(std::max(result.n_cols, 0));
  auto rows = align(t.size(), r.size(), [&](size_t i, size_t j) { return dice(t[i], r[j]); });
  auto cols = align(tc, rc, [&](size_t a, size_t b) { return dice(column(t, a), column(r, b)); });

  std::vector<int> row_of(t.size(), -1), col_of(tc, -1);
  std::vector<char> result_row_used(r.size(), 0), result_col_used(rc, 0);
  for (auto [i, j] : rows) row_of[static_cast<size_t>(i)] = j, result_row_used[static_cast<size_t>(j)] = 1;
  for (auto [a, b] : cols) col_of[static_cast<size_t>(a)] = b, result_col_used[static_cast<size_t>(b)] = 1;

  const auto confidence = confidence_grid(result);
  TableScore score;
  for (size_t i = 0; i < t.size(); ++i)
    for (size_t a = 0; a < tc; ++a) {
      const std::string& truth_text = t[i][a];
      bool aligned = row_of[i] >= 0 && col_of[a] >= 0;
      const std::string none;
      const std::string& result_text =
          aligned ? r[static_cast<size_t>(row_of[i])][static_cast<size_t>(col_of[a])] : none;
      if (!truth_text.empty() || !result_text.empty()) {
        ++score.cells_compared;
        if (truth_text == result_text) {
          ++score.cells_exact;
        } else if (aligned) {
          const auto row = static_cast<size_t>(row_of[i]), col = static_cast<size_t>(col_of[a]);
          score.differences.push_back(
              {result.id, row_of[i], col_of[a], true, truth_text, result_text, confidence[row][col]});
        } else {
          score.differences.push_back(
              {truth.id, static_cast<int>(i), static_cast<int>(a), false, truth_text, "", 1.0});
        }
      }
      if (!result_text.empty() && truth_text != result_text &&
          confidence[static_cast<size_t>(row_of[i])][static_cast<size_t>(col_of[a])] >= kTrustedConfidence)
        ++(is_numeric_text(truth_text) || is_numeric_text(result_text) ? score.silent_numbers
                                                                       : score.silent_text);
      if (is_numeric_text(truth_text)) {
        ++score.numeric_total;
        if (truth_text == result_text) ++score.numeric_exact;
      }
    }
  // Result text in rows or columns that align with nothing in the truth is extra, hence wrong.
  for (size_t j = 0; j < r.size(); ++j)
    for (size_t b = 0; b < rc; ++b)
      if ((!result_row_used[j] || !result_col_used[b]) && !r[j][b].empty()) {
        ++score.cells_compared;
        score.differences.push_back(
            {result.id, static_cast<int>(j), static_cast<int>(b), true, "", r[j][b], confidence[j][b]});
        if (confidence[j][b] >= kTrustedConfidence)
          ++(is_numeric_text(r[j][b]) ? score.silent_numbers : score.silent_text);
      }

  double same_rows = truth.n_rows == result.n_rows ? 1.0 : 0.0;
  double same_cols = truth.n_cols == result.n_cols ? 1.0 : 0.0;
  score.structure = (same_rows + same_cols + span_f1(truth, result)) / 3.0;
  return score;
}

TableScore score_missing_table(const Table& truth) {
  TableScore score;
  for (const auto& row : normalized_grid(truth))
    for (const auto& text : row) {
      if (!text.empty()) ++score.cells_compared;
      if (is_numeric_text(text)) ++score.numeric_total;
    }
  return score;
}

}  // namespace gridlift
