// NAME.json round trip and rejection of malformed input.

#include <gtest/gtest.h>

#include "models/document_json.h"

namespace gridlift {
namespace {

DocumentResult sample() {
  DocumentResult doc;
  doc.source = "report.pdf";
  doc.sha256 = "abc";
  PageResult page;
  page.page = 3;
  page.width = 595.28;
  page.height = 841.89;
  page.rotation = 90;
  page.mode = PageMode::kText;
  Table t;
  t.id = "p3-t1";
  t.bbox = {10, 20, 300, 400};
  t.title = "收入支出决算总表";
  t.continues = "p2-t1";
  t.n_rows = 2;
  t.n_cols = 2;
  t.cells = {{0, 0, 1, 2, "收入", {10, 20, 300, 40}, 1.0},
             {1, 0, 1, 1, "643.95", {10, 40, 100, 400}, 0.5},
             {1, 1, 1, 1, "", {100, 40, 300, 400}, 1.0}};
  t.corrections = {{"stray-mark", 1, 0, "|643.95", "643.95", "a speck at the edge"}};
  page.tables.push_back(t);
  page.blocks.push_back({{10, 5, 200, 15}, "第一部分 概况"});
  doc.pages.push_back(page);
  doc.checks.push_back({"p3-t1", "column-sum", {{1, 0}}, {1, 1}, true, {}, std::nullopt});
  doc.checks.push_back({"p3-t1", "row-sum", {{1, 0}}, {1, 1}, false, "misread", std::make_pair(1, 0)});
  return doc;
}

TEST(DocumentJson, RoundTripKeepsEverything) {
  DocumentResult doc = sample();
  auto text = document_to_string(doc);
  DocumentResult back = document_from_json(nlohmann::json::parse(text));
  EXPECT_EQ(back, doc);
  EXPECT_EQ(document_to_string(back), text);
}

TEST(DocumentJson, WrittenPageByPageExactlyAsTheWholeTreeDumps) {
  DocumentResult doc = sample();
  EXPECT_EQ(document_to_string(doc), to_json(doc).dump(2) + "\n");
  doc.pages.push_back(doc.pages[0]);  // several pages
  doc.pages.back().page = 4;
  doc.source = "名称 \"quoted\".pdf";
  EXPECT_EQ(document_to_string(doc), to_json(doc).dump(2) + "\n");
  DocumentResult empty;  // no pages, no checks
  EXPECT_EQ(document_to_string(empty), to_json(empty).dump(2) + "\n");
}

TEST(DocumentJson, KeysFollowTheContractOrder) {
  auto text = document_to_string(sample());
  EXPECT_LT(text.find("\"format\""), text.find("\"source\""));
  EXPECT_LT(text.find("\"source\""), text.find("\"sha256\""));
  EXPECT_LT(text.find("\"pages\""), text.find("\"checks\""));
  EXPECT_NE(text.find("\"continues\": \"p2-t1\""), std::string::npos);
  EXPECT_LT(text.find("\"cells\""), text.find("\"corrections\""));
  EXPECT_NE(text.find("\"cell\": [\n"), std::string::npos);
}

TEST(DocumentJson, ATableWithoutCorrectionsHasNoCorrectionsField) {
  DocumentResult doc = sample();
  doc.pages[0].tables[0].corrections.clear();
  EXPECT_EQ(document_to_string(doc).find("corrections"), std::string::npos);
}

TEST(DocumentJson, NullBoxesReadAsEmpty) {
  auto j = nlohmann::json::parse(R"({"format":"tables/1","pages":[{"page":1,"tables":[{"n_rows":1,"n_cols":1,
    "bbox":null,"cells":[{"row":0,"col":0,"text":"x","bbox":null}]}]}]})");
  auto doc = document_from_json(j);
  EXPECT_TRUE(doc.pages[0].tables[0].bbox.empty());
  EXPECT_EQ(doc.pages[0].tables[0].cells[0].text, "x");
}

TEST(DocumentJson, RejectsWrongFormatAndMissingFields) {
  EXPECT_THROW(document_from_json(nlohmann::json::parse(R"({"format":"other","pages":[]})")),
               std::runtime_error);
  EXPECT_THROW(document_from_json(nlohmann::json::parse(R"({"format":"tables/1"})")), std::runtime_error);
  EXPECT_THROW(document_from_json(nlohmann::json::parse(R"([1,2])")), std::runtime_error);
  EXPECT_THROW(
      document_from_json(nlohmann::json::parse(
          R"({"format":"tables/1","pages":[{"page":1,"tables":[{"n_rows":1,"n_cols":1,"cells":[{"row":0}]}]}]})")),
      std::runtime_error);
  // Found by the result_json fuzzer: a row number no int holds made the conversion undefined.
  EXPECT_THROW(document_from_json(nlohmann::json::parse(
                   R"({"format":"tables/1","pages":[{"page":1,"tables":[{"n_rows":1,"n_cols":1,)"
                   R"("cells":[{"row":2.9e62,"col":0}]}]}]})")),
               std::runtime_error);
  // Found by the result_json fuzzer: two pages numbered 3 made a document score under 1 against itself.
  EXPECT_THROW(document_from_json(nlohmann::json::parse(
                   R"({"format":"tables/1","pages":[{"page":3,"tables":[]},{"page":3,"tables":[]}]})")),
               std::runtime_error);
}

}  // namespace
}  // namespace gridlift
