#include "models/document_json.h"

#include <cmath>
#include <limits>
#include <set>
#include <sstream>
#include <stdexcept>
#include <tuple>
#include <type_traits>

namespace gridlift {
namespace {

using ojson = nlohmann::ordered_json;

// Coordinates are written to 1/100 pt: finer digits are rendering noise and would make
// outputs differ across platforms.
double round2(double v) {
  return std::round(v * 100.0) / 100.0;
}

ojson rect_json(const PdfRect& r) {
  return ojson::array({round2(r.x0), round2(r.y0), round2(r.x1), round2(r.y1)});
}

PdfRect rect_from(const nlohmann::json& j) {
  if (j.is_null()) return {};
  if (!j.is_array() || j.size() != 4) throw std::runtime_error("bbox must be [x0, y0, x1, y1]");
  return {j[0].get<double>(), j[1].get<double>(), j[2].get<double>(), j[3].get<double>()};
}

ojson cell_json(const Cell& c) {
  ojson j;
  j["row"] = c.row;
  j["col"] = c.col;
  j["row_span"] = c.row_span;
  j["col_span"] = c.col_span;
  j["text"] = c.text;
  j["bbox"] = rect_json(c.bbox);
  j["confidence"] = round2(c.confidence);
  return j;
}

ojson table_json(const Table& t) {
  ojson j;
  j["id"] = t.id;
  j["bbox"] = rect_json(t.bbox);
  j["title"] = t.title;
  j["continues"] = t.continues ? ojson(*t.continues) : ojson(nullptr);
  j["n_rows"] = t.n_rows;
  j["n_cols"] = t.n_cols;
  j["cells"] = ojson::array();
  for (const auto& c : t.cells) j["cells"].push_back(cell_json(c));
  // Only where a rule changed something: most tables, all of a text layer's, have nothing to say.
  if (!t.corrections.empty()) {
    j["corrections"] = ojson::array();
    for (const auto& c : t.corrections)
      j["corrections"].push_back(ojson{{"rule", c.rule},
                                       {"cell", ojson::array({c.row, c.col})},
                                       {"before", c.before},
                                       {"after", c.after},
                                       {"why", c.why}});
  }
  return j;
}

ojson page_json(const PageResult& p) {
  ojson j;
  j["page"] = p.page;
  j["width"] = round2(p.width);
  j["height"] = round2(p.height);
  j["rotation"] = p.rotation;
  j["mode"] = to_string(p.mode);
  j["tables"] = ojson::array();
  for (const auto& t : p.tables) j["tables"].push_back(table_json(t));
  j["blocks"] = ojson::array();
  for (const auto& b : p.blocks) j["blocks"].push_back(ojson{{"bbox", rect_json(b.bbox)}, {"text", b.text}});
  return j;
}

ojson position_json(const std::pair<int, int>& rc) {
  return ojson::array({rc.first, rc.second});
}

// Every whole number the reader takes: a number outside int's range (2.9e62, found by the
// result_json fuzzer) would make the conversion undefined, so it is refused with the field's name.
int whole_number(const nlohmann::json& v, const char* what) {
  if (v.is_number()) {
    const double value = v.get<double>();
    if (!(value >= std::numeric_limits<int>::min() && value <= std::numeric_limits<int>::max()))
      throw std::runtime_error(std::string(what) + " is out of range");
  }
  return v.get<int>();
}

std::pair<int, int> position_from(const nlohmann::json& j) {
  if (!j.is_array() || j.size() != 2) throw std::runtime_error("cell position must be [row, col]");
  return {whole_number(j[0], "row"), whole_number(j[1], "col")};
}

template <typename T>
T value_or(const nlohmann::json& j, const char* key, T fallback) {
  auto it = j.find(key);
  if (it == j.end() || it->is_null()) return fallback;
  if constexpr (std::is_same_v<T, int>) return whole_number(*it, key);
  return it->get<T>();
}

const nlohmann::json& required(const nlohmann::json& j, const char* key) {
  auto it = j.find(key);
  if (it == j.end()) throw std::runtime_error(std::string("missing field '") + key + "'");
  return *it;
}

Cell cell_from(const nlohmann::json& j) {
  Cell c;
  c.row = whole_number(required(j, "row"), "row");
  c.col = whole_number(required(j, "col"), "col");
  c.row_span = value_or(j, "row_span", 1);
  c.col_span = value_or(j, "col_span", 1);
  c.text = value_or<std::string>(j, "text", "");
  c.bbox = rect_from(j.value("bbox", nlohmann::json()));
  c.confidence = value_or(j, "confidence", 1.0);
  if (c.row < 0 || c.col < 0 || c.row_span < 1 || c.col_span < 1)
    throw std::runtime_error("cell has a negative position or a span below 1");
  return c;
}

Table table_from(const nlohmann::json& j) {
  Table t;
  t.id = value_or<std::string>(j, "id", "");
  t.bbox = rect_from(j.value("bbox", nlohmann::json()));
  t.title = value_or<std::string>(j, "title", "");
  if (auto it = j.find("continues"); it != j.end() && !it->is_null()) t.continues = it->get<std::string>();
  t.n_rows = whole_number(required(j, "n_rows"), "n_rows");
  t.n_cols = whole_number(required(j, "n_cols"), "n_cols");
  for (const auto& c : required(j, "cells")) t.cells.push_back(cell_from(c));
  for (const auto& c : j.value("corrections", nlohmann::json::array())) {
    Correction correction;
    correction.rule = value_or<std::string>(c, "rule", "");
    std::tie(correction.row, correction.col) = position_from(required(c, "cell"));
    correction.before = value_or<std::string>(c, "before", "");
    correction.after = value_or<std::string>(c, "after", "");
    correction.why = value_or<std::string>(c, "why", "");
    t.corrections.push_back(std::move(correction));
  }
  return t;
}

PageResult page_from(const nlohmann::json& j) {
  PageResult p;
  p.page = whole_number(required(j, "page"), "page");
  p.width = value_or(j, "width", 0.0);
  p.height = value_or(j, "height", 0.0);
  p.rotation = value_or(j, "rotation", 0);
  p.mode = page_mode_from_string(value_or<std::string>(j, "mode", "text"));
  for (const auto& t : j.value("tables", nlohmann::json::array())) p.tables.push_back(table_from(t));
  for (const auto& b : j.value("blocks", nlohmann::json::array()))
    p.blocks.push_back({rect_from(b.value("bbox", nlohmann::json())), value_or<std::string>(b, "text", "")});
  return p;
}

}  // namespace

const char* to_string(PageMode mode) {
  switch (mode) {
    case PageMode::kText:
      return "text";
    case PageMode::kOcr:
      return "ocr";
    case PageMode::kMixed:
      return "mixed";
    case PageMode::kNone:
      return "none";
  }
  return "none";
}

PageMode page_mode_from_string(const std::string& name) {
  if (name == "text") return PageMode::kText;
  if (name == "ocr") return PageMode::kOcr;
  if (name == "mixed") return PageMode::kMixed;
  if (name == "none") return PageMode::kNone;
  throw std::runtime_error("unknown page mode '" + name + "'");
}

nlohmann::ordered_json to_json(const DocumentResult& doc) {
  ojson j;
  j["format"] = doc.format;
  j["source"] = doc.source;
  j["sha256"] = doc.sha256;
  j["pages"] = ojson::array();
  for (const auto& p : doc.pages) j["pages"].push_back(page_json(p));
  j["checks"] = ojson::array();
  for (const auto& c : doc.checks) {
    ojson cj;
    cj["table"] = c.table;
    cj["kind"] = c.kind;
    cj["cells"] = ojson::array();
    for (const auto& rc : c.cells) cj["cells"].push_back(position_json(rc));
    cj["total"] = position_json(c.total);
    cj["ok"] = c.ok;
    if (!c.failure.empty()) cj["failure"] = c.failure;
    if (c.suspect) cj["suspect"] = position_json(*c.suspect);
    j["checks"].push_back(cj);
  }
  return j;
}

DocumentResult document_from_json(const nlohmann::json& j) {
  if (!j.is_object()) throw std::runtime_error("top level is not a JSON object");
  DocumentResult doc;
  doc.format = value_or<std::string>(j, "format", "");
  if (doc.format != "tables/1")
    throw std::runtime_error("format is '" + doc.format + "', expected 'tables/1'");
  doc.source = value_or<std::string>(j, "source", "");
  doc.sha256 = value_or<std::string>(j, "sha256", "");
  std::set<int> page_numbers;
  for (const auto& p : required(j, "pages")) {
    doc.pages.push_back(page_from(p));
    // Pages are told apart by number (the scorer pairs truth and result pages so): a number twice
    // would make one page stand for two.
    if (!page_numbers.insert(doc.pages.back().page).second)
      throw std::runtime_error("page " + std::to_string(doc.pages.back().page) + " appears twice");
  }
  for (const auto& c : j.value("checks", nlohmann::json::array())) {
    ArithmeticCheck check;
    check.table = value_or<std::string>(c, "table", "");
    check.kind = value_or<std::string>(c, "kind", "");
    for (const auto& rc : c.value("cells", nlohmann::json::array())) check.cells.push_back(position_from(rc));
    check.total = position_from(required(c, "total"));
    check.ok = value_or(c, "ok", false);
    check.failure = value_or<std::string>(c, "failure", "");
    if (c.contains("suspect")) check.suspect = position_from(c["suspect"]);
    doc.checks.push_back(check);
  }
  return doc;
}

namespace {

// Text from a PDF or a file name that is not UTF-8 is written with U+FFFD for its bad bytes rather
// than failing the document.
constexpr auto kReplaceBadUtf8 = nlohmann::json::error_handler_t::replace;

// `text` with `indent` put before every line after the first.
void write_indented(std::ostream& out, const std::string& text, const std::string& indent) {
  size_t start = 0;
  for (size_t end = text.find('\n'); end != std::string::npos; end = text.find('\n', start)) {
    out.write(text.data() + start, static_cast<std::streamsize>(end + 1 - start));
    out << indent;
    start = end + 1;
  }
  out.write(text.data() + start, static_cast<std::streamsize>(text.size() - start));
}

}  // namespace

void write_document_json(std::ostream& out, const DocumentResult& doc) {
  // The layout dump(2) gives the whole tree: each page is dumped alone and indented to its depth.
  ojson header;
  header["format"] = doc.format;
  header["source"] = doc.source;
  header["sha256"] = doc.sha256;
  out << "{\n";
  for (const auto& [key, value] : header.items())
    out << "  " << ojson(key).dump(-1, ' ', false, kReplaceBadUtf8) << ": "
        << value.dump(-1, ' ', false, kReplaceBadUtf8) << ",\n";
  if (doc.pages.empty()) {
    out << "  \"pages\": [],\n";
  } else {
    out << "  \"pages\": [\n    ";
    for (size_t i = 0; i < doc.pages.size(); ++i) {
      if (i > 0) out << ",\n    ";
      write_indented(out, page_json(doc.pages[i]).dump(2, ' ', false, kReplaceBadUtf8), "    ");
    }
    out << "\n  ],\n";
  }
  DocumentResult checks_only;
  checks_only.checks = doc.checks;
  out << "  \"checks\": ";
  write_indented(out, to_json(checks_only)["checks"].dump(2, ' ', false, kReplaceBadUtf8), "  ");
  out << "\n}\n";
}

std::string document_to_string(const DocumentResult& doc) {
  std::ostringstream out;
  write_document_json(out, doc);
  return out.str();
}

}  // namespace gridlift
