#include "stages/grid/rule_framed_tables.h"

#include <algorithm>
#include <limits>
#include <string>

#include "stages/grid/median.h"

namespace gridlift {
namespace {

int em_of(const GlyphBox& g) {
  return g.em > 0 ? g.em : g.box.height();
}

//! A horizontal rule that may frame a table: where it runs, at which height.
struct Rule {
  int y = 0, x0 = 0, x1 = 0;
};

//! Glyphs set further apart than a word space: the text of one cell on one line.
struct Chunk {
  int x0 = 0, x1 = 0;
};

//! One line of text: its height range and its chunks, left to right.
struct TextLine {
  int y0 = 0, y1 = 0;
  int em = 1;
  std::vector<Chunk> chunks;
  std::vector<Chunk> glyphs;  //!< each glyph's x range, left to right
};

bool inside_any(int x, int y, const std::vector<TableGrid>& grids, int margin) {
  return std::any_of(grids.begin(), grids.end(), [&](const TableGrid& g) {
    return x >= g.bbox.x0 - margin && x < g.bbox.x1 + margin && y >= g.bbox.y0 - margin &&
           y < g.bbox.y1 + margin;
  });
}

bool overlaps_any(const ImageRect& r, const std::vector<TableGrid>& grids) {
  return std::any_of(grids.begin(), grids.end(), [&](const TableGrid& g) {
    return std::min(r.x1, g.bbox.x1) > std::max(r.x0, g.bbox.x0) &&
           std::min(r.y1, g.bbox.y1) > std::max(r.y0, g.bbox.y0);
  });
}

// Long horizontal rules outside the lattices, a double rule counted once, top to bottom.
std::vector<Rule> framing_rules(const std::vector<LineSegment>& segments,
                                const std::vector<TableGrid>& lattices, int min_length, int margin,
                                int same_rule) {
  std::vector<Rule> rules;
  for (const auto& s : segments) {
    if (!s.horizontal || s.box.width() < min_length) continue;
    const int y = s.box.center_y();
    if (inside_any(s.box.center_x(), y, lattices, margin)) continue;
    rules.push_back({y, s.box.x0, s.box.x1});
  }
  std::sort(rules.begin(), rules.end(), [](const Rule& a, const Rule& b) { return a.y < b.y; });
  std::vector<Rule> merged;
  for (const Rule& r : rules) {
    if (!merged.empty() && r.y - merged.back().y <= same_rule &&
        std::min(r.x1, merged.back().x1) > std::max(r.x0, merged.back().x0)) {
      merged.back().x0 = std::min(merged.back().x0, r.x0);
      merged.back().x1 = std::max(merged.back().x1, r.x1);
      continue;
    }
    merged.push_back(r);
  }
  return merged;
}

// Rules of one table run over the same width: their ends agree within `tolerance`. Each stack is
// sorted top to bottom; a rule belongs to the first stack whose width it matches.
std::vector<std::vector<Rule>> stacks_of_rules(const std::vector<Rule>& rules, int tolerance) {
  std::vector<std::vector<Rule>> stacks;
  for (const Rule& r : rules) {
    auto same_width = [&](const std::vector<Rule>& stack) {
      const Rule& last = stack.back();
      const int tol = std::max(tolerance, (last.x1 - last.x0) * 3 / 100);
      return std::abs(last.x0 - r.x0) <= tol && std::abs(last.x1 - r.x1) <= tol;
    };
    auto found = std::find_if(stacks.begin(), stacks.end(), same_width);
    if (found == stacks.end())
      stacks.push_back({r});
    else
      found->push_back(r);
  }
  return stacks;
}

// The lines of text of `glyphs` (indices into the page's glyphs), each cut into chunks at gaps
// wider than `gap_em` of the line's em; top to bottom.
std::vector<TextLine> text_lines(const std::vector<GlyphBox>& glyphs, std::vector<size_t> members,
                                 double gap_em) {
  std::sort(members.begin(), members.end(),
            [&](size_t a, size_t b) { return glyphs[a].box.center_y() < glyphs[b].box.center_y(); });
  std::vector<std::vector<size_t>> lines;
  int line_y0 = 0, line_y1 = 0;
  for (size_t i : members) {
    const ImageRect& b = glyphs[i].box;
    const int overlap = std::min(b.y1, line_y1) - std::max(b.y0, line_y0);
    if (!lines.empty() && overlap * 2 >= std::min(b.height(), line_y1 - line_y0)) {
      lines.back().push_back(i);
      line_y0 = std::min(line_y0, b.y0);
      line_y1 = std::max(line_y1, b.y1);
    } else {
      lines.push_back({i});
      line_y0 = b.y0;
      line_y1 = b.y1;
    }
  }
  std::vector<TextLine> out;
  for (auto& line : lines) {
    std::sort(line.begin(), line.end(),
              [&](size_t a, size_t b) { return glyphs[a].box.x0 < glyphs[b].box.x0; });
    std::vector<int> ems;
    for (size_t i : line) ems.push_back(em_of(glyphs[i]));
    const int em = std::max(1, median(ems));
    const int gap = std::max(1, static_cast<int>(gap_em * em));
    TextLine text{glyphs[line.front()].box.y0, glyphs[line.front()].box.y1, em, {}, {}};
    for (size_t i : line) {
      const ImageRect& b = glyphs[i].box;
      text.glyphs.push_back({b.x0, b.x1});
      text.y0 = std::min(text.y0, b.y0);
      text.y1 = std::max(text.y1, b.y1);
      if (!text.chunks.empty() && b.x0 - text.chunks.back().x1 <= gap)
        text.chunks.back().x1 = std::max(text.chunks.back().x1, b.x1);
      else
        text.chunks.push_back({b.x0, b.x1});
    }
    out.push_back(std::move(text));
  }
  return out;
}

// Column separators: in each x range that at most `allowed` of `body` cover with a chunk, between
// the leftmost and the rightmost text and at least `min_gap` wide, the middle of its widest part
// that no line of `others` (the header) covers either: a header centred over a column of
// right-aligned numbers reaches into the gap before them, and belongs to their column.
std::vector<int> column_separators(const std::vector<const TextLine*>& body,
                                   const std::vector<const TextLine*>& others, int x0, int x1, int min_gap,
                                   int allowed) {
  if (x1 <= x0) return {};
  std::vector<int> covered(static_cast<size_t>(x1 - x0), 0), covered_by_others(covered.size(), 0);
  int left = x1, right = x0;
  for (const TextLine* line : body)
    for (const Chunk& c : line->chunks) {
      const int a = std::max(c.x0, x0), b = std::min(c.x1, x1);
      for (int x = a; x < b; ++x) ++covered[static_cast<size_t>(x - x0)];
      left = std::min(left, a);
      right = std::max(right, b);
    }
  for (const TextLine* line : others)
    for (const Chunk& c : line->chunks)
      for (int x = std::max(c.x0, x0); x < std::min(c.x1, x1); ++x)
        covered_by_others[static_cast<size_t>(x - x0)] = 1;
  auto separator_in = [&](int from, int to) {
    int best_from = from, best_length = 0;
    for (int x = from; x < to;) {
      if (covered_by_others[static_cast<size_t>(x - x0)]) {
        ++x;
        continue;
      }
      int end = x;
      while (end < to && !covered_by_others[static_cast<size_t>(end - x0)]) ++end;
      if (end - x > best_length) {
        best_from = x;
        best_length = end - x;
      }
      x = end;
    }
    return best_length > 0 ? best_from + best_length / 2 : (from + to) / 2;
  };
  std::vector<int> separators;
  int start = -1;
  for (int x = left; x <= right; ++x) {
    const bool open = x < right && covered[static_cast<size_t>(x - x0)] <= allowed;
    if (open && start < 0) start = x;
    if (!open && start >= 0) {
      if (x - start >= min_gap) separators.push_back(separator_in(start, x));
      start = -1;
    }
  }
  return separators;
}

// The cells of one row. Two columns are one cell on this line where one chunk of its text reaches
// over the middle of what both columns hold in the body (a header over both), and at the separator
// one of its glyphs straddles it or the text runs on with no more than a word space (a label too
// long for its column). A header that only leans into the gap beside its column joins nothing.
std::vector<GridCell> row_cells(const TextLine& line, int row, const std::vector<int>& col_edges,
                                const std::vector<int>& content_middles) {
  const int cols = static_cast<int>(col_edges.size()) - 1;
  const int word_space = std::max(1, line.em * 3 / 10);
  std::vector<char> joined(static_cast<size_t>(std::max(0, cols - 1)), 0);  // column k with k + 1
  for (int k = 0; k + 1 < cols; ++k) {
    const int separator = col_edges[static_cast<size_t>(k + 1)];
    const int left_middle = content_middles[static_cast<size_t>(k)];
    const int right_middle = content_middles[static_cast<size_t>(k + 1)];
    const bool spans = std::any_of(line.chunks.begin(), line.chunks.end(), [&](const Chunk& c) {
      return c.x0 <= left_middle && c.x1 >= right_middle;
    });
    if (!spans) continue;
    int left = -1, right = -1;  // nearest glyph edges on each side
    for (const Chunk& g : line.glyphs) {
      if (g.x0 < separator && g.x1 > separator) {
        joined[static_cast<size_t>(k)] = 1;
        break;
      }
      if (g.x1 <= separator) left = std::max(left, g.x1);
      if (g.x0 >= separator && right < 0) right = g.x0;
    }
    if (left >= 0 && right >= 0 && right - left <= word_space) joined[static_cast<size_t>(k)] = 1;
  }
  std::vector<GridCell> cells;
  for (int c = 0; c < cols;) {
    int end = c;
    while (end + 1 < cols && joined[static_cast<size_t>(end)]) ++end;
    cells.push_back({row, c, 1, end - c + 1});
    c = end + 1;
  }
  return cells;
}

// The middle of what each column holds on the body's lines (chunks placed by their middles); the
// column's own middle where it holds nothing.
std::vector<int> content_middles(const std::vector<const TextLine*>& body,
                                 const std::vector<int>& col_edges) {
  const size_t cols = col_edges.size() - 1;
  std::vector<int> lo(cols, std::numeric_limits<int>::max()), hi(cols, std::numeric_limits<int>::min());
  for (const TextLine* line : body)
    for (const Chunk& c : line->chunks) {
      const auto k = static_cast<size_t>(TableGrid::interval_at((c.x0 + c.x1) / 2, col_edges));
      lo[k] = std::min(lo[k], c.x0);
      hi[k] = std::max(hi[k], c.x1);
    }
  std::vector<int> middles(cols);
  for (size_t k = 0; k < cols; ++k)
    middles[k] = lo[k] <= hi[k] ? (lo[k] + hi[k]) / 2 : (col_edges[k] + col_edges[k + 1]) / 2;
  return middles;
}

struct Region {
  std::vector<Rule> rules;       // top to bottom: its top rule and the rules inside it, and its bottom
                                 // rule unless it is open below
  int bottom = 0;                // its lower edge: the bottom rule, or under its last line
  std::vector<TextLine> header;  // the lines above its second rule, when it has one
  std::vector<TextLine> body;
};

struct Candidate {
  ImageRect box;
  bool taken = false;
  TableGrid grid;
  std::string reason;
};

// A region judged: a table grid, or why not.
bool grid_of_region(const Region& region, int min_gap, int slack, TableGrid& grid, std::string& reason) {
  std::vector<const TextLine*> body, all;
  for (const auto& l : region.body) body.push_back(&l);
  for (const auto& l : region.header) all.push_back(&l);
  all.insert(all.end(), body.begin(), body.end());
  if (all.size() < 2 || body.empty()) {
    reason = "ruled across, not a table: fewer than two lines of text";
    return false;
  }
  int x0 = region.rules.front().x0, x1 = region.rules.front().x1;
  for (const Rule& r : region.rules) {
    x0 = std::min(x0, r.x0);
    x1 = std::max(x1, r.x1);
  }
  for (const TextLine* l : all) {
    x0 = std::min(x0, l->chunks.front().x0 - 1);
    x1 = std::max(x1, l->chunks.back().x1 + 1);
  }
  const int allowed = static_cast<int>(body.size() / 10);
  std::vector<const TextLine*> header(all.begin(), all.begin() + static_cast<long>(region.header.size()));
  const std::vector<int> separators = column_separators(body, header, x0, x1, min_gap, allowed);
  if (separators.empty()) {
    reason = "ruled across, not a table: its lines share no column gap";
    return false;
  }
  grid.col_edges = {x0};
  grid.col_edges.insert(grid.col_edges.end(), separators.begin(), separators.end());
  grid.col_edges.push_back(x1);
  // Text in two columns or more on at least half of the body's lines: prose between two page
  // rules can show a gap (a short last line), but not on most of its lines.
  size_t spread = 0;
  for (const TextLine* l : body) {
    const int first = grid.col_at(l->chunks.front().x0);
    const int last = grid.col_at(l->chunks.back().x1 - 1);
    spread += l->chunks.size() >= 2 && last > first;
  }
  if (spread * 2 < body.size()) {
    reason = "ruled across, not a table: " + std::to_string(spread) + " of " + std::to_string(body.size()) +
             " lines use more than one column";
    return false;
  }
  // Rows: a line each; between two lines the rule that runs there, else the middle of the gap.
  grid.row_edges = {region.rules.front().y};
  for (size_t i = 0; i + 1 < all.size(); ++i) {
    int edge = (all[i]->y1 + all[i + 1]->y0) / 2;
    for (const Rule& r : region.rules)
      if (r.y >= all[i]->y1 - slack && r.y <= all[i + 1]->y0 + slack) edge = r.y;
    // Lines that overlap a little (a raised superscript) still give rows of a pixel or more.
    grid.row_edges.push_back(std::max(edge, grid.row_edges.back() + 1));
  }
  grid.row_edges.push_back(std::max({region.bottom, all.back()->y1, grid.row_edges.back() + 1}));
  const std::vector<int> middles = content_middles(body, grid.col_edges);
  for (size_t i = 0; i < all.size(); ++i) {
    std::vector<GridCell> cells = row_cells(*all[i], static_cast<int>(i), grid.col_edges, middles);
    grid.cells.insert(grid.cells.end(), cells.begin(), cells.end());
  }
  grid.bbox = {grid.col_edges.front(), grid.row_edges.front(), grid.col_edges.back(), grid.row_edges.back()};
  reason = "ruled across only: " + std::to_string(grid.n_rows()) + " rows from its lines, " +
           std::to_string(grid.n_cols()) + " columns from its text's gaps";
  return true;
}

// The text between two neighbouring rules of a stack, or below its last rule.
struct Band {
  int top = 0, bottom = 0;  // the rules above and below; for the open band, under its last line
  bool open = false;        // below the stack's last rule, bounded by where its text stops
  std::vector<TextLine> lines;
};

// Half its lines or more hold two cells or more: a table's rows do, while a caption, a paragraph,
// a chart's axis labels or a sidebar of names and addresses do not.
bool holds_cells(const Band& band) {
  const auto rows = std::count_if(band.lines.begin(), band.lines.end(),
                                  [](const TextLine& l) { return l.chunks.size() >= 2; });
  return rows > 0 && static_cast<size_t>(rows) * 2 >= band.lines.size();
}

// A header between two rules: a line or two, over a band of three lines or more (so a table with a
// rule under every row, whose bands hold a line or two each, has none after its first).
bool is_header_band(const std::vector<Band>& bands, size_t i) {
  return bands[i].lines.size() <= 2 && i + 1 < bands.size() && bands[i + 1].lines.size() >= 3;
}

// Where a table without a bottom rule goes on below its last rule: the lines that follow one
// another at the table's own spacing while they hold cells (a lone label, such as a section
// heading, may stand between two such lines); trailing lone lines are not the table's.
std::vector<TextLine> lines_running_on(const std::vector<TextLine>& below, int from_y, int pitch) {
  std::vector<TextLine> taken;
  int last_y1 = from_y;
  for (const TextLine& line : below) {
    if (line.y0 - last_y1 > pitch) break;
    if (line.chunks.size() < 2 && !taken.empty() && taken.back().chunks.size() < 2) break;
    taken.push_back(line);
    last_y1 = line.y1;
  }
  while (!taken.empty() && taken.back().chunks.size() < 2) taken.pop_back();
  return taken;
}

}  // namespace

std::vector<TableGrid> find_rule_framed_tables(const std::vector<LineSegment>& segments,
                                               const std::vector<TableGrid>& lattices,
                                               const std::vector<GlyphBox>& glyphs,
                                               const GridOptions& options, const PixelScale& scale,
                                               std::vector<RegionDecision>& decisions) {
  std::vector<size_t> text;
  std::vector<int> ems;
  for (size_t i = 0; i < glyphs.size(); ++i)
    if (glyphs[i].ink.empty() && !glyphs[i].box.empty()) {
      text.push_back(i);
      ems.push_back(em_of(glyphs[i]));
    }
  if (text.empty()) return {};
  const int em = std::max(1, median(ems));
  const int margin = scale.pixels(options.joint_tolerance_pt, 2);
  const std::vector<Rule> rules =
      framing_rules(segments, lattices, scale.pixels(options.min_framing_rule_pt, 1), margin, em * 6 / 10);

  std::vector<Candidate> candidates;
  for (const auto& stack : stacks_of_rules(rules, 2 * em)) {
    if (stack.size() < 2) continue;
    // Text belongs to the stack when its middle is within the rules' width, give or take half an
    // em: a table beside this one may end a few points from its rules.
    const int x0 = stack.front().x0 - em / 2, x1 = stack.front().x1 + em / 2;
    auto lines_between = [&](int top, int bottom) {
      std::vector<size_t> members;
      for (size_t g : text) {
        const ImageRect& b = glyphs[g].box;
        if (b.center_y() > top && b.center_y() < bottom && b.center_x() >= x0 && b.center_x() < x1)
          members.push_back(g);
      }
      return text_lines(glyphs, members, options.cell_gap_em);
    };
    std::vector<Band> bands;
    for (size_t i = 0; i + 1 < stack.size(); ++i)
      bands.push_back({stack[i].y, stack[i + 1].y, false, lines_between(stack[i].y, stack[i + 1].y)});
    // Below the last rule, up to the next rule that crosses the stack's width.
    int limit = std::numeric_limits<int>::max();
    for (const Rule& r : rules)
      if (r.y > stack.back().y && std::min(r.x1, x1) > std::max(r.x0, x0)) limit = std::min(limit, r.y);
    std::vector<int> heights;
    for (const Band& band : bands)
      for (const TextLine& l : band.lines) heights.push_back(l.y1 - l.y0);
    const int pitch = std::max(em, median(heights));
    Band open{stack.back().y, stack.back().y, true,
              lines_running_on(lines_between(stack.back().y, limit), stack.back().y, pitch)};
    if (!open.lines.empty()) {
      open.bottom = open.lines.back().y1 + pitch / 4;
      bands.push_back(std::move(open));
    }
    // A run of bands that hold cells (a caption or a paragraph between two tables holds one) is
    // one region, and a header band after its first starts the next one.
    for (size_t b = 0; b < bands.size();) {
      if (!holds_cells(bands[b])) {
        ++b;
        continue;
      }
      size_t end = b;
      while (end + 1 < bands.size() && holds_cells(bands[end + 1]) && !is_header_band(bands, end + 1)) ++end;
      Region region;
      for (size_t k = b; k <= end; ++k) {
        region.rules.push_back(stack[k]);
        auto& target = (k == b && end > b) ? region.header : region.body;
        target.insert(target.end(), bands[k].lines.begin(), bands[k].lines.end());
      }
      if (!bands[end].open) region.rules.push_back(stack[end + 1]);
      region.bottom = bands[end].bottom;
      Candidate candidate;
      candidate.box = {stack.front().x0, bands[b].top, stack.front().x1, region.bottom};
      candidate.taken =
          grid_of_region(region, std::max(1, em / 4), std::max(1, em / 8), candidate.grid, candidate.reason);
      if (candidate.taken) candidate.box = candidate.grid.bbox;
      candidates.push_back(std::move(candidate));
      b = end + 1;
    }
  }
  // A region around other regions is the frame of a page layout or of several tables: the inner
  // ones are the tables. Judged smallest first.
  std::stable_sort(candidates.begin(), candidates.end(), [](const Candidate& a, const Candidate& b) {
    return static_cast<long>(a.box.width()) * a.box.height() <
           static_cast<long>(b.box.width()) * b.box.height();
  });
  std::vector<TableGrid> tables;
  for (auto& c : candidates) {
    if (c.taken && overlaps_any(c.grid.bbox, lattices)) {
      c.taken = false;
      c.reason = "ruled across, not a table: overlaps a ruled table";
    }
    if (c.taken && overlaps_any(c.grid.bbox, tables)) {
      c.taken = false;
      c.reason = "ruled across, not a table: frames smaller tables ruled across";
    }
    decisions.push_back({c.box, c.taken, c.reason});
    if (c.taken) tables.push_back(std::move(c.grid));
  }
  return tables;
}

}  // namespace gridlift
