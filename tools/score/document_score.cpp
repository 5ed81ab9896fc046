#include "tools/score/document_score.h"

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>
#include <tuple>

#include "models/document_json.h"
#include "models/printable_text.h"
#include "models/unicode.h"
#include "tools/score/table_score.h"

namespace gridlift {
namespace {

double ratio(double num, double den) {
  return den > 0 ? num / den : 1.0;
}

void add_table(ScoreTally& tally, const TableScore& s) {
  tally.cells_compared += s.cells_compared;
  tally.cells_exact += s.cells_exact;
  tally.numeric_total += s.numeric_total;
  tally.numeric_exact += s.numeric_exact;
  tally.silent_numbers += s.silent_numbers;
  tally.silent_text += s.silent_text;
  tally.structure_sum += s.structure;
}

bool truth_name(const std::filesystem::path& p, const std::string& suffix, std::string& stem) {
  std::string name = p.filename().string();
  if (name.size() <= suffix.size() || name.compare(name.size() - suffix.size(), suffix.size(), suffix) != 0)
    return false;
  stem = name.substr(0, name.size() - suffix.size());
  return true;
}

DocumentResult load_document(const std::filesystem::path& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot open " + path.string());
  try {
    return document_from_json(nlohmann::json::parse(in));
  } catch (const std::exception& e) {
    throw std::runtime_error(path.string() + ": " + e.what());
  }
}

std::string fixed3(double v) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%.3f", v);
  return buf;
}

std::string quoted(const std::string& text) {
  return "\"" + printable_text(text) + "\"";
}

// "p3-t1 row 5 col 2: truth "643.95", read "643.9" (confidence 0.91)".
std::string describe_difference(const CellDifference& d) {
  if (d.row < 0) return d.table + ": no result table answers this truth table";
  std::string where = d.table + " row " + std::to_string(d.row) + " col " + std::to_string(d.col);
  if (!d.in_result) return where + " of the truth: " + quoted(d.truth) + ", no result row or column here";
  char confidence[32];
  std::snprintf(confidence, sizeof confidence, " (confidence %.2f)", d.confidence);
  return where + ": truth " + quoted(d.truth) + ", read " + quoted(d.read) + confidence;
}

}  // namespace

void ScoreTally::add(const ScoreTally& o) {
  truth_tables += o.truth_tables;
  matched_tables += o.matched_tables;
  extra_tables += o.extra_tables;
  cells_compared += o.cells_compared;
  cells_exact += o.cells_exact;
  numeric_total += o.numeric_total;
  numeric_exact += o.numeric_exact;
  silent_numbers += o.silent_numbers;
  silent_text += o.silent_text;
  result_numbers += o.result_numbers;
  result_numbers_covered += o.result_numbers_covered;
  structure_sum += o.structure_sum;
}

double ScoreTally::table_recall() const {
  return ratio(matched_tables, truth_tables);
}
double ScoreTally::cell_accuracy() const {
  return ratio(cells_exact, cells_compared);
}
double ScoreTally::numeric_accuracy() const {
  return ratio(numeric_exact, numeric_total);
}
double ScoreTally::structure_accuracy() const {
  return ratio(structure_sum, truth_tables);
}
double ScoreTally::check_coverage() const {
  return ratio(result_numbers_covered, result_numbers);
}

namespace {

// Digits and number marks with a non-zero digit ("2,939.71", "201", "06"), as printed.
bool non_zero_number(const std::string& raw) {
  const std::string text = without_spaces(raw);
  static const std::regex kNumber(R"(^-?[\d,]+(\.\d+)?%?$)");
  return std::regex_match(text, kNumber) && text.find_first_of("123456789") != std::string::npos;
}

void count_check_coverage(const DocumentResult& result, ScoreTally& tally) {
  std::set<std::tuple<std::string, int, int>> covered;
  for (const auto& check : result.checks) {
    covered.insert({check.table, check.total.first, check.total.second});
    for (const auto& [r, c] : check.cells) covered.insert({check.table, r, c});
  }
  for (const auto& page : result.pages)
    for (const auto& table : page.tables)
      for (const auto& cell : table.cells)
        if (non_zero_number(cell.text)) {
          ++tally.result_numbers;
          tally.result_numbers_covered += covered.count({table.id, cell.row, cell.col}) ? 1 : 0;
        }
}

}  // namespace

ScoreTally score_document(const DocumentResult& truth, const DocumentResult& result,
                          std::vector<CellDifference>* differences) {
  ScoreTally tally;
  count_check_coverage(result, tally);
  std::map<int, const PageResult*> result_pages;
  for (const auto& p : result.pages) result_pages[p.page] = &p;
  for (const auto& truth_page : truth.pages) {
    tally.truth_tables += static_cast<int>(truth_page.tables.size());
    auto found = result_pages.find(truth_page.page);
    const std::vector<Table> none;
    const auto& candidates = found == result_pages.end() ? none : found->second->tables;
    // Greedy by similarity over all pairs: the clearest matches are settled first.
    struct Pair {
      double similarity;
      size_t truth, result;
    };
    std::vector<Pair> pairs;
    for (size_t i = 0; i < truth_page.tables.size(); ++i)
      for (size_t j = 0; j < candidates.size(); ++j)
        if (double s = content_similarity(truth_page.tables[i], candidates[j]); s > 0)
          pairs.push_back({s, i, j});
    std::stable_sort(pairs.begin(), pairs.end(),
                     [](const Pair& a, const Pair& b) { return a.similarity > b.similarity; });
    std::vector<int> match(truth_page.tables.size(), -1);
    std::vector<char> used(candidates.size(), 0);
    for (const auto& p : pairs) {
      if (match[p.truth] >= 0 || used[p.result]) continue;
      match[p.truth] = static_cast<int>(p.result);
      used[p.result] = 1;
    }
    for (size_t i = 0; i < truth_page.tables.size(); ++i) {
      if (match[i] < 0) {
        add_table(tally, score_missing_table(truth_page.tables[i]));
        if (differences) differences->push_back({truth_page.tables[i].id, -1, -1, false, "", "", 1.0});
      } else {
        ++tally.matched_tables;
        TableScore scored = score_table(truth_page.tables[i], candidates[static_cast<size_t>(match[i])]);
        add_table(tally, scored);
        if (differences)
          differences->insert(differences->end(), scored.differences.begin(), scored.differences.end());
      }
    }
    tally.extra_tables += static_cast<int>(std::count(used.begin(), used.end(), 0));
  }
  return tally;
}

std::vector<DocumentReport> score_paths(const std::filesystem::path& truth,
                                        const std::filesystem::path& result, const std::string& suffix) {
  namespace fs = std::filesystem;
  std::vector<std::pair<fs::path, std::string>> truths;  // path, relative name
  std::string stem;
  if (fs::is_directory(truth)) {
    for (const auto& entry : fs::recursive_directory_iterator(truth))
      if (entry.is_regular_file() && truth_name(entry.path(), suffix, stem))
        truths.emplace_back(
            entry.path(),
            (fs::relative(entry.path().parent_path(), truth) / stem).lexically_normal().string());
    std::sort(truths.begin(), truths.end(), [](const auto& a, const auto& b) { return a.second < b.second; });
  } else if (fs::exists(truth)) {
    if (!truth_name(truth, suffix, stem) && !truth_name(truth, ".expected.json", stem))
      stem = truth.stem().string();
    truths.emplace_back(truth, stem);
  } else {
    throw std::runtime_error(truth.string() + ": no such truth file or folder");
  }
  std::vector<DocumentReport> reports;
  for (const auto& [truth_path, name] : truths) {
    DocumentReport report;
    report.name = name;
    auto slash = name.find('/');
    report.variant = slash == std::string::npos ? "-" : name.substr(0, slash);
    DocumentResult truth_doc;
    try {
      truth_doc = load_document(truth_path);
    } catch (const std::exception& e) {
      throw std::runtime_error(std::string("truth file unusable: ") + e.what());
    }
    fs::path candidate = result;
    if (fs::is_directory(result)) {
      std::string base = fs::path(name).filename().string();
      candidate = result / (name + ".json");
      if (!fs::exists(candidate)) candidate = result / (base + ".json");
    }
    DocumentResult result_doc;
    try {
      result_doc = load_document(candidate);
    } catch (const std::exception& e) {
      report.problem = e.what();
    }
    report.tally = score_document(truth_doc, report.problem.empty() ? result_doc : DocumentResult{},
                                  &report.differences);
    reports.push_back(std::move(report));
  }
  return reports;
}

std::string score_line(const ScoreTally& t) {
  return "score: tables=" + fixed3(t.table_recall()) + " cell=" + fixed3(t.cell_accuracy()) +
         " numeric=" + fixed3(t.numeric_accuracy()) + " structure=" + fixed3(t.structure_accuracy());
}

void print_report(const std::vector<DocumentReport>& reports, std::ostream& out, bool list_differences) {
  char line[256];
  std::snprintf(line, sizeof line, "%-44s %9s %7s %7s %9s %5s\n", "document", "tables", "cell", "numeric",
                "structure", "extra");
  out << line;
  std::map<std::string, std::pair<ScoreTally, int>> variants;
  ScoreTally overall;
  for (const auto& r : reports) {
    const auto& t = r.tally;
    std::string tables = std::to_string(t.matched_tables) + "/" + std::to_string(t.truth_tables);
    std::snprintf(line, sizeof line, "%-44s %9s %7.3f %7.3f %9.3f %5d\n", r.name.c_str(), tables.c_str(),
                  t.cell_accuracy(), t.numeric_accuracy(), t.structure_accuracy(), t.extra_tables);
    out << line;
    if (!r.problem.empty()) out << "  ! counted as zero: " << r.problem << "\n";
    if (list_differences)
      for (const auto& d : r.differences) out << "  " << describe_difference(d) << "\n";
    variants[r.variant].first.add(t);
    ++variants[r.variant].second;
    overall.add(t);
  }
  out << "\n";
  // Precision beside recall: tables found that answer no truth table (a chart's gridlines, a
  // frame, a shaded bar taken for a table) count here, never in the accuracies above.
  auto honesty = [](const ScoreTally& t) {
    return " extra_tables=" + std::to_string(t.extra_tables) +
           " silent_numbers=" + std::to_string(t.silent_numbers) +
           " silent_text=" + std::to_string(t.silent_text) + " coverage=" + fixed3(t.check_coverage());
  };
  for (const auto& [variant, tally_count] : variants)
    out << "variant " << variant << " (" << tally_count.second
        << " documents): " << score_line(tally_count.first).substr(7) << honesty(tally_count.first) << "\n";
  out << "silent errors (wrong at confidence >= 0.8): " << overall.silent_numbers << " numbers, "
      << overall.silent_text << " texts; checks cover " << overall.result_numbers_covered << " of "
      << overall.result_numbers << " non-zero numbers read\n";
  out << score_line(overall) << "\n";
}

}  // namespace gridlift
