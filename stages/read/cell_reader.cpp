#include "stages/read/cell_reader.h"

#include <algorithm>

#include "stages/read/text_lines.h"

namespace gridlift {
namespace {

// Index of the lattice interval holding `v`, or -1 outside the edges.
int interval(const std::vector<double>& edges, double v) {
  if (edges.size() < 2 || v < edges.front() || v >= edges.back()) return -1;
  auto it = std::upper_bound(edges.begin(), edges.end(), v);
  return static_cast<int>(it - edges.begin()) - 1;
}

}  // namespace

Table table_on_grid(const TableGrid& grid, const PixelScale& scale) {
  Table table;
  table.n_rows = grid.n_rows();
  table.n_cols = grid.n_cols();
  table.bbox = scale.to_pdf(grid.bbox);
  for (const auto& g : grid.cells) {
    Cell cell;
    cell.row = g.row;
    cell.col = g.col;
    cell.row_span = g.row_span;
    cell.col_span = g.col_span;
    cell.bbox = scale.to_pdf(grid.cell_rect(g));
    table.cells.push_back(std::move(cell));
  }
  return table;
}

Table read_table(const TableGrid& grid, const PixelScale& scale, const TextChars& chars,
                 std::vector<char>& taken) {
  Table table = table_on_grid(grid, scale);
  std::vector<double> row_edges, col_edges;
  for (int y : grid.row_edges) row_edges.push_back(scale.to_points(y));
  for (int x : grid.col_edges) col_edges.push_back(scale.to_points(x));

  // Which cell covers each lattice position.
  std::vector<size_t> owner(static_cast<size_t>(table.n_rows * table.n_cols));
  for (size_t i = 0; i < grid.cells.size(); ++i) {
    const auto& c = grid.cells[i];
    for (int r = c.row; r < c.row + c.row_span; ++r)
      for (int k = c.col; k < c.col + c.col_span; ++k) owner[static_cast<size_t>(r * table.n_cols + k)] = i;
  }
  std::vector<std::vector<const TextChar*>> members(grid.cells.size());
  for (size_t i = 0; i < chars.size(); ++i) {
    int r = interval(row_edges, chars[i].box.center_y());
    int c = interval(col_edges, chars[i].box.center_x());
    if (r < 0 || c < 0) continue;
    members[owner[static_cast<size_t>(r * table.n_cols + c)]].push_back(&chars[i]);
    taken[i] = 1;
  }
  for (size_t i = 0; i < grid.cells.size(); ++i) table.cells[i].text = read_text(members[i]);
  return table;
}

}  // namespace gridlift
