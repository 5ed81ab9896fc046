// The scorer: truth against itself is perfect; each kind of damage lowers the figure it should.

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include <unistd.h>

#include "models/document_json.h"
#include "tests/table_builders.h"
#include "tools/score/cell_text_normalization.h"
#include "tools/score/document_score.h"
#include "tools/score/sequence_alignment.h"

namespace gridlift {
namespace {

using testing::table_of;

DocumentResult doc_with(const Table& t) {
  DocumentResult d;
  PageResult p;
  p.page = 1;
  p.tables.push_back(t);
  d.pages.push_back(p);
  return d;
}

Table truth_table() {
  Table t = table_of({{"项目", "", "决算数"},
                      {"一、财政拨款收入", "1", "650.61"},
                      {"二、事业收入", "2", "2,939.71"},
                      {"合计", "3", "3,590.32"}});
  // "项目" spans two columns in the header.
  t.cells[0].col_span = 2;
  t.cells.erase(t.cells.begin() + 1);
  return t;
}

TEST(Scorer, TruthAgainstItselfIsPerfect) {
  auto tally = score_document(doc_with(truth_table()), doc_with(truth_table()));
  EXPECT_EQ(tally.table_recall(), 1.0);
  EXPECT_EQ(tally.cell_accuracy(), 1.0);
  EXPECT_EQ(tally.numeric_accuracy(), 1.0);
  EXPECT_EQ(tally.structure_accuracy(), 1.0);
  EXPECT_EQ(score_line(tally), "score: tables=1.000 cell=1.000 numeric=1.000 structure=1.000");
}

Cell& cell_of(Table& t, int row, int col) {
  for (auto& c : t.cells)
    if (c.row == row && c.col == col) return c;
  throw std::logic_error("no such cell");
}

TEST(Scorer, AWrongCellIsSilentOnlyWhileItsConfidencePromisesItRight) {
  Table misread = truth_table();
  cell_of(misread, 1, 2).text = "65.061";
  cell_of(misread, 1, 2).confidence = 0.9;
  cell_of(misread, 2, 0).text = "二、事业收人";
  cell_of(misread, 2, 0).confidence = 0.85;
  auto silent = score_document(doc_with(truth_table()), doc_with(misread));
  EXPECT_EQ(silent.silent_numbers, 1);
  EXPECT_EQ(silent.silent_text, 1);

  cell_of(misread, 1, 2).confidence = 0.5;  // flagged: wrong, but it says so
  cell_of(misread, 2, 0).confidence = 0.79;
  auto flagged = score_document(doc_with(truth_table()), doc_with(misread));
  EXPECT_EQ(flagged.silent_numbers, 0);
  EXPECT_EQ(flagged.silent_text, 0);
  EXPECT_LT(flagged.cell_accuracy(), 1.0) << "still wrong, and counted so";
}

TEST(Scorer, CoverageIsTheShareOfNonZeroNumbersSomeCheckCovers) {
  DocumentResult result = doc_with(truth_table());
  result.checks.push_back({"p1-t1", "column-sum", {{1, 2}, {2, 2}}, {3, 2}, true, {}, std::nullopt});
  auto tally = score_document(doc_with(truth_table()), result);
  // Numbers: 1, 2, 3 (a list column) and the three amounts; the check covers the amounts.
  EXPECT_EQ(tally.result_numbers, 6);
  EXPECT_EQ(tally.result_numbers_covered, 3);
  EXPECT_DOUBLE_EQ(tally.check_coverage(), 0.5);
}

TEST(Scorer, DroppedRowLowersCellsAndStructure) {
  Table result = truth_table();
  result.n_rows = 3;
  std::erase_if(result.cells, [](const Cell& c) { return c.row == 2; });
  for (auto& c : result.cells)
    if (c.row == 3) c.row = 2;
  auto tally = score_document(doc_with(truth_table()), doc_with(result));
  EXPECT_EQ(tally.table_recall(), 1.0);
  EXPECT_LT(tally.cell_accuracy(), 1.0);
  EXPECT_LT(tally.numeric_accuracy(), 1.0);
  EXPECT_LT(tally.structure_accuracy(), 1.0);
}

TEST(Scorer, ChangedDigitLowersNumericOnly) {
  Table result = truth_table();
  for (auto& c : result.cells)
    if (c.text == "650.61") c.text = "650.67";
  auto tally = score_document(doc_with(truth_table()), doc_with(result));
  EXPECT_LT(tally.numeric_accuracy(), 1.0);
  EXPECT_LT(tally.cell_accuracy(), 1.0);
  EXPECT_EQ(tally.structure_accuracy(), 1.0);
}

TEST(Scorer, MergedSpanLowersStructure) {
  Table result = truth_table();
  // Merge "1" and "650.61" into one cell spanning two columns.
  for (auto& c : result.cells)
    if (c.text == "1") c.col_span = 2, c.text = "1 650.61";
  std::erase_if(result.cells, [](const Cell& c) { return c.text == "650.61"; });
  auto tally = score_document(doc_with(truth_table()), doc_with(result));
  EXPECT_LT(tally.structure_accuracy(), 1.0);
  EXPECT_LT(tally.cell_accuracy(), 1.0);
}

TEST(Scorer, DifferencesNameEachWrongCellAndEachTableNotFound) {
  Table result = truth_table();
  result.id = "p1-t1";
  cell_of(result, 1, 2).text = "65.061";
  cell_of(result, 1, 2).confidence = 0.9;
  std::vector<CellDifference> differences;
  score_document(doc_with(truth_table()), doc_with(result), &differences);
  ASSERT_EQ(differences.size(), 1u);
  EXPECT_EQ(differences[0].table, "p1-t1");
  EXPECT_EQ(differences[0].row, 1);
  EXPECT_EQ(differences[0].col, 2);
  EXPECT_EQ(differences[0].truth, "650.61");
  EXPECT_EQ(differences[0].read, "65.061");
  EXPECT_DOUBLE_EQ(differences[0].confidence, 0.9);

  differences.clear();
  score_document(doc_with(truth_table()), doc_with(truth_table()), &differences);
  EXPECT_TRUE(differences.empty());

  DocumentResult no_tables;
  no_tables.pages.push_back({});
  no_tables.pages[0].page = 1;
  Table truth = truth_table();
  truth.id = "p1-t1";
  score_document(doc_with(truth), no_tables, &differences);
  ASSERT_EQ(differences.size(), 1u);
  EXPECT_EQ(differences[0].table, "p1-t1");
  EXPECT_EQ(differences[0].row, -1);
}

TEST(Scorer, MissingTableCountsAgainstRecall) {
  DocumentResult empty;
  empty.pages.push_back({});
  empty.pages[0].page = 1;
  auto tally = score_document(doc_with(truth_table()), empty);
  EXPECT_EQ(tally.table_recall(), 0.0);
  EXPECT_EQ(tally.cell_accuracy(), 0.0);
}

TEST(Scorer, NormalizationUnifiesWidthAndSpacesOnly) {
  EXPECT_EQ(normalize_cell_text("项 目"), "项目");
  EXPECT_EQ(normalize_cell_text("（１２３．４）"), "(123.4)");
  EXPECT_EQ(normalize_cell_text("  Fasting  Blood\nSugar "), "Fasting Blood Sugar");
  EXPECT_NE(normalize_cell_text("2,939.71"), normalize_cell_text("2939.71"));
  EXPECT_TRUE(is_numeric_text("2,939.71"));
  EXPECT_TRUE(is_numeric_text("-0.5"));
  EXPECT_TRUE(is_numeric_text("100%"));
  EXPECT_FALSE(is_numeric_text("2023年"));
  EXPECT_FALSE(is_numeric_text(""));
}

TEST(Scorer, AlignmentSkipsInsertedItems) {
  // second sequence has an extra item in the middle
  std::vector<std::vector<double>> sim = {{1, 0, 0}, {0, 0, 1}};
  auto pairs = align_sequences(sim);
  ASSERT_EQ(pairs.size(), 2u);
  EXPECT_EQ(pairs[1], std::make_pair(1, 2));
}

TEST(Scorer, MalformedResultCountsAsZeroWithAMessage) {
  auto dir = std::filesystem::temp_directory_path() / ("gridlift-scorer-test-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir / "truth");
  std::filesystem::create_directories(dir / "out");
  std::ofstream(dir / "truth" / "a.truth.json") << document_to_string(doc_with(truth_table()));
  std::ofstream(dir / "out" / "a.json") << "{ not json";
  auto reports = score_paths(dir / "truth", dir / "out");
  ASSERT_EQ(reports.size(), 1u);
  EXPECT_FALSE(reports[0].problem.empty());
  EXPECT_EQ(reports[0].tally.table_recall(), 0.0);
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace gridlift
