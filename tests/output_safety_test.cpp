// Outputs stay inside the output folder whatever inputs are called or link to, and links planted in
// the output tree are replaced, never written through. Messages name files on one clean line.

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <stdexcept>

#include "models/printable_text.h"
#include "pipeline/batch_lock.h"
#include "pipeline/input_list.h"
#include "stages/export/output_files.h"
#include "stages/export/output_name.h"
#include "stages/load/input_error.h"
#include "stages/load/pdf_document.h"

namespace gridlift {
namespace {

namespace fs = std::filesystem;

const fs::path kFixtures = fs::path(GRIDLIFT_SOURCE_DIR) / "fixtures";

fs::path fresh_folder(const std::string& name) {
  auto folder = fs::temp_directory_path() / (name + "-" + std::to_string(::getpid()));
  fs::remove_all(folder);
  fs::create_directories(folder);
  return folder;
}

std::string read_all(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), {}};
}

// A name is safe when, put below a folder, it stays below it.
bool stays_below(const std::string& name) {
  const fs::path below = (fs::path("/out") / name).lexically_normal();
  const std::string text = below.string();
  return text.rfind("/out/", 0) == 0 && text.size() > 5;
}

TEST(OutputName, NamesOfDotsAndSeparatorsStayOneComponentBelowTheFolder) {
  EXPECT_EQ(output_stem("in/...pdf"), "_..");
  EXPECT_EQ(output_stem("in/..pdf"), "_.");
  EXPECT_EQ(output_stem("in/.pdf"), "_");
  EXPECT_EQ(output_stem("report.PDF"), "report");
  EXPECT_EQ(output_stem("a∕b⁄c.pdf"), "a∕b⁄c");  // look-alikes of '/' are ordinary characters
  for (const char* input : {"...pdf", "..pdf", ".pdf", "..", ".", "....pdf", "x/../..pdf"}) {
    const std::string stem = output_stem(input);
    EXPECT_TRUE(stays_below(stem)) << input << " -> " << stem;
    EXPECT_TRUE(stays_below(stem + "/p001-t1.csv")) << input;  // its CSV folder too
    EXPECT_EQ(fs::path(stem).filename().string(), stem) << "one component: " << input;
  }
}

TEST(OutputName, BytesThatAreNotUtf8AndControlCharactersBecomeUnderscores) {
  EXPECT_EQ(output_stem("bad\xFFname.pdf"), "bad_name");
  EXPECT_EQ(output_stem("new\nline.pdf"), "new_line");
  EXPECT_EQ(output_stem("\xED\xA0\x80.pdf"), "___");  // an encoded surrogate is not UTF-8
  EXPECT_EQ(output_stem("预算.pdf"), "预算");
}

TEST(OutputName, LongNamesAreCutAtACharacterAndStayApart) {
  std::string long_name;
  for (int i = 0; i < 100; ++i) long_name += "预";  // 300 bytes
  const std::string a = output_stem(long_name + "a.pdf"), b = output_stem(long_name + "b.pdf");
  EXPECT_LE(a.size(), kMaxNameComponentBytes);
  EXPECT_NE(a, b);
  EXPECT_EQ(valid_utf8(a), a);
}

TEST(OutputName, FolderComponentsAreMadeSafeToo) {
  EXPECT_EQ(output_name_below("2023/report.pdf"), "2023/report");
  EXPECT_EQ(output_name_below("../x/...pdf"), "_../x/_..");
  EXPECT_TRUE(stays_below(output_name_below("../../x.pdf")));
}

TEST(InputList, ALinkIsNamedByItsPlaceInTheFolderNotByItsTarget) {
  const auto root = fresh_folder("gridlift-links-test");
  fs::create_directories(root / "in/sub");
  fs::create_directories(root / "elsewhere/deep");
  std::ofstream(root / "elsewhere/deep/v.pdf") << "%PDF-";
  fs::create_symlink(root / "elsewhere/deep/v.pdf", root / "in/v.pdf");
  fs::create_symlink("../v.pdf", root / "in/sub/inside.pdf");
  fs::create_symlink(root / "nowhere.pdf", root / "in/dangling.pdf");
  fs::create_symlink("self.pdf", root / "in/self.pdf");
  fs::create_symlink(root / "elsewhere", root / "in/linked-folder");  // not walked
  std::ofstream(root / "in/...pdf") << "%PDF-";
  const auto inputs = expand_inputs({root / "in"});
  std::vector<std::string> names;
  for (const auto& input : inputs) names.push_back(input.output_name);
  EXPECT_EQ(names, (std::vector<std::string>{"_..", "dangling", "self", "sub/inside", "v"}));
  fs::remove_all(root);
}

TEST(Load, BrokenLinksAndSpecialFilesAreNamedWithTheirCause) {
  const auto root = fresh_folder("gridlift-broken-links-test");
  fs::create_symlink(root / "nowhere.pdf", root / "dangling.pdf");
  fs::create_symlink("loop-b.pdf", root / "loop-a.pdf");
  fs::create_symlink("loop-a.pdf", root / "loop-b.pdf");
  ASSERT_EQ(::mkfifo((root / "pipe.pdf").c_str(), 0644), 0);
  auto cause = [](const fs::path& p) {
    try {
      check_input_file(p);
    } catch (const InputError& e) {
      return e.cause();
    }
    return std::string();
  };
  EXPECT_EQ(cause(root / "dangling.pdf").rfind("a symbolic link to a file that does not exist", 0), 0u);
  EXPECT_EQ(cause(root / "loop-a.pdf"), "a symbolic link that loops (it leads back to itself)");
  EXPECT_EQ(cause(root / "pipe.pdf"), "not a regular file (a named pipe): only PDF files are read");
  fs::remove_all(root);
}

TEST(Load, JunkBeforeTheHeaderIsReadAsPopplerReadsIt) {
  const auto root = fresh_folder("gridlift-junk-test");
  {
    std::ofstream out(root / "junk.pdf", std::ios::binary);
    out << std::string(1024, 'j') << read_all(kFixtures / "narrow" / "sanmenxia-2023-selfeval-narrow.pdf");
  }
  EXPECT_GT(open_pdf(root / "junk.pdf")->pages(), 0);
  fs::remove_all(root);
}

TEST(Load, ADamagedFileIsNotSaidToNeedAPassword) {
  try {
    open_pdf(kFixtures / "bad" / "truncated.pdf");
    FAIL() << "truncated.pdf opened";
  } catch (const InputError& e) {
    EXPECT_EQ(e.cause().find("password"), std::string::npos) << e.cause();
  }
}

TEST(PrintableText, NewlinesAndBadBytesCannotStartAForgedLine) {
  EXPECT_EQ(printable_text("a\nerror: forged"), "a\\nerror: forged");
  EXPECT_EQ(printable_text("bad\xFFname\r"), "bad\\xFFname\\r");
  EXPECT_EQ(printable_text("预算\t1"), "预算\\t1");
  EXPECT_EQ(valid_utf8("a\xC0\x80z"), "a\xEF\xBF\xBD\xEF\xBF\xBDz");  // an overlong NUL is two bad bytes
}

TEST(OutputFiles, ALinkAtATemporaryIsReplacedNotWrittenThrough) {
  const auto root = fresh_folder("gridlift-partial-link-test");
  fs::create_directories(root / "out");
  std::ofstream(root / "victim.txt") << "keep";
  fs::create_symlink(root / "victim.txt", root / "out/r.json.partial");
  fs::create_symlink(root / "victim.txt", root / "out/r.md");
  write_file_atomically(root / "out/r.json", std::string("{}"));
  write_file_atomically(root / "out/r.md", std::string("md"));
  EXPECT_EQ(read_all(root / "victim.txt"), "keep");
  EXPECT_EQ(read_all(root / "out/r.json"), "{}");
  EXPECT_FALSE(fs::is_symlink(root / "out/r.md"));
  EXPECT_FALSE(fs::exists(fs::symlink_status(root / "out/r.json.partial")));
  fs::remove_all(root);
}

TEST(OutputFiles, ALinkWhereAnOutputFolderGoesIsReplacedByAFolder) {
  const auto root = fresh_folder("gridlift-folder-link-test");
  fs::create_directories(root / "out");
  fs::create_directories(root / "victim");
  fs::create_symlink(root / "victim", root / "out/report");
  fs::create_symlink(root / "victim", root / "out/2023");
  make_output_folders(root / "out", "report");
  make_output_folders(root / "out", "2023/sub");
  EXPECT_TRUE(fs::is_directory(fs::symlink_status(root / "out/report")));
  EXPECT_TRUE(fs::is_directory(fs::symlink_status(root / "out/2023/sub")));
  EXPECT_TRUE(fs::is_empty(root / "victim"));
  std::ofstream(root / "out/file") << "x";
  EXPECT_THROW(make_output_folders(root / "out", "file/sub"), std::runtime_error);
  fs::remove_all(root);
}

TEST(OutputFiles, AFailedDocumentLeavesNothingOfItselfButOthersFilesStay) {
  const auto root = fresh_folder("gridlift-remove-outputs-test");
  fs::create_directories(root / "r");
  for (const char* f : {"r.json", "r.md", "r.report.html", "r/p001-t1.csv", "r/p002-t3.csv", "r/notes.txt"})
    std::ofstream(root / f) << "x";
  remove_outputs(root, "r");
  EXPECT_FALSE(fs::exists(root / "r.json"));
  EXPECT_FALSE(fs::exists(root / "r.md"));
  EXPECT_FALSE(fs::exists(root / "r.report.html"));
  EXPECT_FALSE(fs::exists(root / "r/p001-t1.csv"));
  EXPECT_TRUE(fs::exists(root / "r/notes.txt"));  // not ours: the folder stays for it
  fs::remove_all(root);
}

TEST(BatchLock, ASecondBatchOnTheSameManifestIsRefusedWithTheHoldersPid) {
  const auto root = fresh_folder("gridlift-lock-test");
  {
    const BatchLock first(root / "manifest.jsonl");
    try {
      const BatchLock second(root / "manifest.jsonl");
      FAIL() << "two locks on one manifest";
    } catch (const std::runtime_error& e) {
      EXPECT_NE(std::string(e.what()).find("held by gridlift batch (pid " + std::to_string(::getpid()) + ")"),
                std::string::npos)
          << e.what();
    }
    const BatchLock other_shard(root / "manifest.shard-1-of-2.jsonl");  // shards share a folder
  }
  const BatchLock again(root / "manifest.jsonl");  // released with its holder
  fs::remove_all(root);
}

}  // namespace
}  // namespace gridlift
