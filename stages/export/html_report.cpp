#include "stages/export/html_report.h"

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <cstdio>
#include <map>
#include <stdexcept>

#include "stages/export/base64.h"
#include "stages/export/html_escape.h"
#include "stages/export/output_files.h"

namespace gridlift {
namespace {

std::string number(double value, const char* format = "%.2f") {
  char text[32];
  std::snprintf(text, sizeof text, format, value);
  return text;
}

// The page's extracted table cells are keyed "<table id>/<index>" in both the table and the picture.
std::string cell_key(const Table& table, size_t index) {
  return table.id + "/" + std::to_string(index);
}

// Totals whose check fails, by cell key, with the kind of check and of failure for the tooltip.
std::map<std::string, std::string> failed_totals(const DocumentResult& doc) {
  std::map<std::string, std::string> failed;
  for (const auto& check : doc.checks) {
    if (check.ok) continue;
    for (const auto& page : doc.pages)
      for (const auto& table : page.tables)
        if (table.id == check.table)
          for (size_t i = 0; i < table.cells.size(); ++i)
            if (table.cells[i].row == check.total.first && table.cells[i].col == check.total.second)
              failed[cell_key(table, i)] =
                  check.kind + (check.failure == "printed"   ? " check fails on the printed figures"
                                : check.failure == "misread" ? " check fails: a misreading is suspected"
                                                             : " check fails");
  }
  return failed;
}

std::string cell_classes(const Cell& cell, bool failed) {
  std::string classes;
  if (cell.row_span > 1 || cell.col_span > 1) classes += " span";
  if (cell.confidence < kLowConfidence && !cell.text.empty()) classes += " low";
  if (failed) classes += " bad";
  return classes;
}

std::string cell_tooltip(const Table& table, const Cell& cell, const std::string& failed_kind) {
  std::string tip = table.id + " row " + std::to_string(cell.row) + " col " + std::to_string(cell.col);
  if (cell.row_span > 1 || cell.col_span > 1)
    tip += " (spans " + std::to_string(cell.row_span) + "x" + std::to_string(cell.col_span) + ")";
  tip += ", confidence " + number(cell.confidence);
  if (!failed_kind.empty()) tip += ", " + failed_kind;
  // What was read before a rule put it right, so that an archivist can judge the correction.
  for (const Correction& c : table.corrections)
    if (c.row == cell.row && c.col == cell.col)
      tip +=
          "; corrected by " + c.rule + ": read “" + c.before + "”, written “" + c.after + "” (" + c.why + ")";
  return tip;
}

constexpr const char* kStyle = R"(
body{font:14px/1.4 system-ui,"Noto Sans CJK SC",sans-serif;margin:0;color:#222;background:#f4f4f2}
header{padding:12px 20px;background:#fff;border-bottom:1px solid #ccc}
h1{font-size:20px;margin:0 0 4px}
.key span{display:inline-block;padding:0 6px;margin-right:8px;border-radius:3px}
section.page{margin:16px 20px;background:#fff;border:1px solid #ccc;padding:10px 14px}
h2{font-size:16px;margin:0 0 4px}
.mode{font-size:12px;padding:1px 6px;border-radius:3px;background:#ddd;margin-left:6px}
.mode-ocr{background:#fde2b8}.mode-mixed{background:#e3d7f7}.mode-text{background:#d5ecd5}.mode-none{background:#f3c9c9}
.why{color:#555;font-size:12px;margin:0 0 8px}
.warn{color:#8a4b00;font-size:12px;margin:0 0 8px}
.layout{display:flex;gap:16px;align-items:flex-start}
.sheet{flex:0 0 46%;margin:0;position:sticky;top:0}
.frame{position:relative}
.frame img{display:block;width:100%;height:auto;border:1px solid #bbb}
.frame svg{position:absolute;left:0;top:0;width:100%;height:100%}
rect.cell{fill:transparent;stroke:none;pointer-events:all;cursor:pointer}
rect.cell.low{stroke:#d0021b;stroke-width:1.5;stroke-dasharray:3 2;vector-effect:non-scaling-stroke}
rect.cell.bad{stroke:#d0021b;stroke-width:3;vector-effect:non-scaling-stroke}
rect.cell.hl,rect.cell.pin{fill:rgba(255,193,7,.45);stroke:#e65100;stroke-width:2.5;vector-effect:non-scaling-stroke}
.tables{flex:1;min-width:0;overflow-x:auto}
table.extracted{border-collapse:collapse;margin:0 0 18px;font-size:12px}
table.extracted caption{text-align:left;font-weight:600;padding:2px 0}
table.extracted td{border:1px solid #999;padding:2px 5px;white-space:pre-wrap;cursor:pointer}
td.span{background:#f7eef7}
td.low{background:#fde0dc}
td.bad{outline:2px solid #d0021b;outline-offset:-2px}
td.hl,td.pin{background:#ffd54f}
.blocks{font-size:12px;color:#444}
)";

// Hover highlights a cell in both places; a click pins it (a second click, or a click elsewhere,
// unpins) and brings its partner to the middle of the window if it is out of sight.
constexpr const char* kScript = R"(
(function(){
  function all(key){return document.querySelectorAll('[data-cell="'+key+'"]');}
  function mark(key,cls,on){all(key).forEach(function(e){e.classList.toggle(cls,on);});}
  function cellOf(e){return e.target.closest?e.target.closest('[data-cell]'):null;}
  var pinned=null;
  document.addEventListener('mouseover',function(e){var c=cellOf(e);if(c)mark(c.dataset.cell,'hl',true);});
  document.addEventListener('mouseout',function(e){var c=cellOf(e);if(c)mark(c.dataset.cell,'hl',false);});
  document.addEventListener('click',function(e){
    var c=cellOf(e);
    if(pinned)mark(pinned,'pin',false);
    if(!c||c.dataset.cell===pinned){pinned=null;return;}
    pinned=c.dataset.cell;mark(pinned,'pin',true);
    all(pinned).forEach(function(p){
      if(p===c)return;
      var r=p.getBoundingClientRect();
      if(r.bottom<0||r.top>innerHeight||r.right<0||r.left>innerWidth)p.scrollIntoView({block:'center',inline:'nearest'});
    });
  });
})();
)";

void write_table(std::ostream& out, const Table& table, const std::map<std::string, std::string>& failed) {
  out << "<table class=\"extracted\" data-table=\"" << html_escape(table.id) << "\"><caption>"
      << html_escape(table.id);
  if (!table.title.empty()) out << " · " << html_escape(table.title);
  if (table.continues) out << " · continues " << html_escape(*table.continues);
  out << "</caption>\n";
  size_t next = 0;
  for (int row = 0; row < table.n_rows; ++row) {
    out << "<tr>";
    for (; next < table.cells.size() && table.cells[next].row == row; ++next) {
      const Cell& cell = table.cells[next];
      const std::string key = cell_key(table, next);
      const auto bad = failed.find(key);
      const std::string failed_kind = bad == failed.end() ? "" : bad->second;
      out << "<td data-cell=\"" << html_escape(key) << "\"";
      if (cell.row_span > 1) out << " rowspan=\"" << cell.row_span << "\"";
      if (cell.col_span > 1) out << " colspan=\"" << cell.col_span << "\"";
      if (auto classes = cell_classes(cell, !failed_kind.empty()); !classes.empty())
        out << " class=\"" << classes.substr(1) << "\"";
      out << " title=\"" << html_escape(cell_tooltip(table, cell, failed_kind)) << "\">"
          << html_escape(cell.text) << "</td>";
    }
    out << "</tr>\n";
  }
  out << "</table>\n";
}

void write_page(std::ostream& out, const PageResult& page, const ReportPageNote& note,
                const std::string& image, const std::map<std::string, std::string>& failed) {
  out << "<section class=\"page\" id=\"page-" << page.page << "\" data-page=\"" << page.page
      << "\">\n<h2>Page " << page.page << "<span class=\"mode mode-" << to_string(page.mode) << "\">"
      << to_string(page.mode) << "</span></h2>\n<p class=\"why\">" << html_escape(note.decision);
  if (note.skew_degrees != 0) out << " · deskewed " << number(note.skew_degrees) << "°";
  if (page.rotation != 0) out << " · turned " << page.rotation << "°";
  out << "</p>\n";
  for (const auto& warning : note.warnings) out << "<p class=\"warn\">" << html_escape(warning) << "</p>\n";
  out << "<div class=\"layout\">\n<figure class=\"sheet\"><div class=\"frame\">";
  if (!image.empty())
    out << "<img alt=\"page " << page.page << "\" src=\"data:image/jpeg;base64," << image << "\">";
  out << "<svg viewBox=\"0 0 " << number(page.width) << " " << number(page.height)
      << "\" preserveAspectRatio=\"none\" xmlns=\"http://www.w3.org/2000/svg\">\n";
  for (const auto& table : page.tables) {
    for (size_t i = 0; i < table.cells.size(); ++i) {
      const Cell& cell = table.cells[i];
      const std::string key = cell_key(table, i);
      const auto bad = failed.find(key);
      const std::string failed_kind = bad == failed.end() ? "" : bad->second;
      out << "<rect class=\"cell" << cell_classes(cell, !failed_kind.empty()) << "\" data-cell=\""
          << html_escape(key) << "\" x=\"" << number(cell.bbox.x0) << "\" y=\"" << number(cell.bbox.y0)
          << "\" width=\"" << number(cell.bbox.width()) << "\" height=\"" << number(cell.bbox.height())
          << "\"><title>" << html_escape(cell_tooltip(table, cell, failed_kind) + ": " + cell.text)
          << "</title></rect>\n";
    }
  }
  out << "</svg></div></figure>\n<div class=\"tables\">\n";
  for (const auto& table : page.tables) write_table(out, table, failed);
  if (page.tables.empty()) out << "<p>No ruled table found on this page.</p>\n";
  if (!page.blocks.empty()) {
    out << "<div class=\"blocks\"><b>Text outside tables</b>\n";
    for (const auto& block : page.blocks) out << "<p>" << html_escape(block.text) << "</p>\n";
    out << "</div>\n";
  }
  out << "</div></div>\n</section>\n";
}

}  // namespace

std::string report_page_image(const cv::Mat& overlay, int max_width) {
  cv::Mat small = overlay;
  if (overlay.cols > max_width) {
    const double factor = static_cast<double>(max_width) / overlay.cols;
    cv::resize(overlay, small, cv::Size(), factor, factor, cv::INTER_AREA);
  }
  std::vector<uchar> jpeg;
  if (!cv::imencode(".jpg", small, jpeg, {cv::IMWRITE_JPEG_QUALITY, 82}))
    throw std::runtime_error("cannot encode the page image for the report");
  return base64_encode(std::string_view(reinterpret_cast<const char*>(jpeg.data()), jpeg.size()));
}

void write_html_report(const DocumentResult& doc, const std::vector<ReportPageNote>& notes,
                       const std::function<std::string(size_t)>& page_image,
                       const std::filesystem::path& path) {
  write_file_atomically(path, [&](std::ostream& out) {
    size_t tables = 0, cells = 0, low = 0, checks_failed = 0;
    for (const auto& page : doc.pages) {
      tables += page.tables.size();
      for (const auto& table : page.tables) {
        cells += table.cells.size();
        for (const auto& cell : table.cells) low += cell.confidence < kLowConfidence && !cell.text.empty();
      }
    }
    for (const auto& check : doc.checks) checks_failed += !check.ok;
    const auto failed = failed_totals(doc);

    out << "<!DOCTYPE html>\n<html lang=\"zh\"><head><meta charset=\"utf-8\">\n"
        << "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; img-src data:; "
           "style-src 'unsafe-inline'; script-src 'unsafe-inline'\">\n"
        << "<title>" << html_escape(doc.source) << " · gridlift report</title>\n<style>" << kStyle
        << "</style></head>\n<body>\n<header><h1>" << html_escape(doc.source) << "</h1>\n<p>"
        << doc.pages.size() << " pages, " << tables << " tables, " << cells << " cells, " << low
        << " read with confidence under " << number(kLowConfidence)
        << "; arithmetic checks: " << doc.checks.size() - checks_failed << " of " << doc.checks.size()
        << " add up. sha256 " << html_escape(doc.sha256) << "</p>\n"
        << "<p class=\"key\"><span class=\"mode-text\">hover or click a cell: its box on the page</span>"
           "<span style=\"background:#fde0dc\">low confidence</span>"
           "<span style=\"outline:2px solid #d0021b\">total that does not add up</span>"
           "<span style=\"background:#f7eef7\">spanning cell</span>"
           "on the page: red/blue rulings, green cells, magenta spans, OCR tinted red (unsure) to green "
           "(sure), cross-checked cells boxed green (agree) or red</p>\n</header>\n";
    for (size_t i = 0; i < doc.pages.size(); ++i)
      write_page(out, doc.pages[i], i < notes.size() ? notes[i] : ReportPageNote{}, page_image(i), failed);
    out << "<script>" << kScript << "</script>\n</body></html>\n";
  });
}

}  // namespace gridlift
