#include "stages/export/markdown_writer.h"

#include <algorithm>
#include <variant>

#include "models/table_grid_text.h"
#include "stages/export/markup_text.h"

namespace gridlift {
namespace {

bool has_spans(const Table& t) {
  return std::any_of(t.cells.begin(), t.cells.end(),
                     [](const Cell& c) { return c.row_span > 1 || c.col_span > 1; });
}

std::string pipe_table(const Table& t) {
  std::string out;
  auto grid = expand_to_grid(t);
  for (size_t r = 0; r < grid.size(); ++r) {
    out += "|";
    for (const auto& text : grid[r]) {
      out += ' ';
      out += markup_text(text, MarkupPlace::kInline);
      out += " |";
    }
    out += "\n";
    if (r == 0) {
      out += "|";
      for (size_t c = 0; c < grid[r].size(); ++c) out += " --- |";
      out += "\n";
    }
  }
  return out;
}

std::string html_table(const Table& t) {
  std::string out = "<table>\n";
  size_t i = 0;
  for (int r = 0; r < t.n_rows; ++r) {
    out += "<tr>";
    for (; i < t.cells.size() && t.cells[i].row == r; ++i) {
      const Cell& c = t.cells[i];
      out += "<td";
      if (c.row_span > 1) out += " rowspan=\"" + std::to_string(c.row_span) + "\"";
      if (c.col_span > 1) out += " colspan=\"" + std::to_string(c.col_span) + "\"";
      out += '>';
      out += markup_text(c.text, MarkupPlace::kInline);
      out += "</td>";
    }
    out += "</tr>\n";
  }
  return out + "</table>\n";
}

}  // namespace

std::string document_to_markdown(const DocumentResult& doc) {
  std::string out;
  for (const auto& page : doc.pages) {
    out += "<!-- page " + std::to_string(page.page) + " -->\n\n";
    // Blocks and tables interleaved by their top edge: the reading order of a single-column page.
    std::vector<std::variant<const TextBlock*, const Table*>> items;
    for (const auto& b : page.blocks) items.emplace_back(&b);
    for (const auto& t : page.tables) items.emplace_back(&t);
    auto top = [](const auto& item) { return std::visit([](const auto* p) { return p->bbox.y0; }, item); };
    std::stable_sort(items.begin(), items.end(),
                     [&](const auto& a, const auto& b) { return top(a) < top(b); });
    for (const auto& item : items) {
      if (auto* block = std::get_if<const TextBlock*>(&item)) {
        out += markup_text((*block)->text, MarkupPlace::kParagraph) + "\n\n";
      } else {
        const Table& t = *std::get<const Table*>(item);
        out += "<!-- table " + t.id + (t.continues ? " continues " + *t.continues : "") + " -->\n\n";
        out += (has_spans(t) ? html_table(t) : pipe_table(t)) + "\n";
      }
    }
  }
  return out;
}

}  // namespace gridlift
