// The parts of the batch that need no worker: manifest lines, shards, list files.

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "pipeline/input_list.h"
#include "pipeline/manifest.h"
#include "pipeline/shard.h"

namespace gridlift {
namespace {

namespace fs = std::filesystem;

fs::path fresh_folder(const std::string& name) {
  auto folder = fs::temp_directory_path() / name;
  fs::remove_all(folder);
  fs::create_directories(folder);
  return folder;
}

ManifestEntry entry(const std::string& name, const std::string& status, const std::string& sha = "aa") {
  return {"in/" + name + ".pdf", name, sha, status, 3, 2, 1.5, status == "ok" ? "" : name + ".pdf: broken"};
}

TEST(Manifest, LinesRoundTripAndATornLastLineIsIgnored) {
  auto folder = fresh_folder("gridlift-manifest-test");
  const auto path = folder / "manifest.jsonl";
  {
    ManifestWriter writer(path);
    writer.append(entry("a", "ok"));
    writer.append(entry("b", "failed"));
  }
  std::ofstream(path, std::ios::app) << R"({"path":"in/c.pdf","name":"c","sha)";  // killed mid-write
  auto entries = read_manifest(path);
  ASSERT_EQ(entries.size(), 2u);
  EXPECT_EQ(entries[0], entry("a", "ok"));
  EXPECT_EQ(entries[1], entry("b", "failed"));
  {
    ManifestWriter writer(path);  // starts a new line after the torn one
    writer.append(entry("c", "ok"));
  }
  entries = read_manifest(path);
  ASSERT_EQ(entries.size(), 3u) << "the torn line must not swallow the next entry";
  EXPECT_EQ(entries[2], entry("c", "ok"));
  fs::remove_all(folder);
}

TEST(Manifest, ATornLineLongerThanOneReadBlockIsCutOffWhole) {
  auto folder = fresh_folder("gridlift-manifest-long-tear");
  const auto path = folder / "manifest.jsonl";
  std::vector<ManifestEntry> written;
  {
    ManifestWriter writer(path);
    for (int i = 0; i < 30; ++i) {
      written.push_back(entry("doc-" + std::to_string(i), "ok"));
      writer.append(written.back());
    }
  }
  std::ofstream(path, std::ios::app) << R"({"path":")" << std::string(9000, 'x');  // no newline
  {
    ManifestWriter writer(path);
    written.push_back(entry("after", "failed"));
    writer.append(written.back());
  }
  EXPECT_EQ(read_manifest(path), written);
  fs::remove_all(folder);
}

TEST(Manifest, ABadLineInTheMiddleIsAnError) {
  auto folder = fresh_folder("gridlift-manifest-bad");
  std::ofstream(folder / "m.jsonl") << "not json\n" << manifest_line(entry("a", "ok")) << "\n";
  EXPECT_THROW(read_manifest(folder / "m.jsonl"), std::runtime_error);
  EXPECT_TRUE(read_manifest(folder / "missing.jsonl").empty());
  fs::remove_all(folder);
}

TEST(Manifest, LaterEntriesStandButASkipNeverHidesWhatItSkipped) {
  auto standing = standing_entries({entry("a", "failed"), entry("a", "ok"), entry("a", "skipped"),
                                    entry("b", "timeout"), entry("c", "skipped")});
  ASSERT_EQ(standing.size(), 3u);
  EXPECT_EQ(standing["a"].status, "ok");
  EXPECT_EQ(standing["b"].status, "timeout");
  EXPECT_EQ(standing["c"].status, "skipped");
}

TEST(Shard, ParsesKOfNAndRefusesNonsense) {
  Shard s = parse_shard("2/8");
  EXPECT_EQ(s.index, 2);
  EXPECT_EQ(s.count, 8);
  for (const char* bad : {"", "2", "0/3", "4/3", "a/b", "1/0", "1/2x", "-1/2"})
    EXPECT_THROW(parse_shard(bad), std::invalid_argument) << bad;
}

TEST(Shard, EveryDocumentInExactlyOneShardAndTheShardsAreFair) {
  const int n = 4, documents = 2000;
  std::vector<int> sizes(n, 0);
  for (int d = 0; d < documents; ++d) {
    const std::string name = "2023/county-" + std::to_string(d) + "/report";
    int owners = 0;
    for (int k = 1; k <= n; ++k)
      if (in_shard(name, {k, n})) {
        ++owners;
        ++sizes[static_cast<size_t>(k - 1)];
      }
    ASSERT_EQ(owners, 1) << name;
  }
  for (int size : sizes) EXPECT_NEAR(size, documents / n, documents / n / 5);
  EXPECT_TRUE(in_shard("anything", {1, 1}));
}

TEST(InputList, AListFileNamesFilesAndFolders) {
  auto folder = fresh_folder("gridlift-list-test");
  fs::create_directories(folder / "reports/2023");
  std::ofstream(folder / "reports/2023/a.pdf") << "%PDF-";
  std::ofstream(folder / "single.pdf") << "%PDF-";
  std::ofstream(folder / "list.txt") << "# inputs\n"
                                     << (folder / "reports").string() << "\n\n"
                                     << (folder / "single.pdf").string() << "\r\n";
  auto inputs = expand_inputs({"@" + (folder / "list.txt").string()});
  ASSERT_EQ(inputs.size(), 2u);
  EXPECT_EQ(inputs[0].output_name, "2023/a");
  EXPECT_EQ(inputs[1].output_name, "single");
  auto missing = expand_inputs({"@" + (folder / "nope.txt").string()});
  ASSERT_EQ(missing.size(), 1u);  // reported by the run as a missing file
  EXPECT_EQ(missing[0].path, folder / "nope.txt");
  fs::remove_all(folder);
}

}  // namespace
}  // namespace gridlift
