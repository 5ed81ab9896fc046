// Domain profiles: loaded from their data files, refused with the file and the cause when wrong,
// and what a rule or check knows of a field comes from them only.

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include <unistd.h>

#include "pipeline/domain_profiles.h"
#include "stages/assemble/arithmetic_checks.h"
#include "stages/correct/label_correction.h"
#include "tests/table_builders.h"
#include "tests/test_profile.h"

namespace gridlift {
namespace {

namespace fs = std::filesystem;
using testing::table_of;

// A folder of its own under the system's temporary folder, removed at the end of the test.
class ProfileFolder : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::temp_directory_path() / ("gridlift-profiles-" + std::to_string(::getpid()) + "-" +
                                         ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(root_);
    fs::create_directories(root_);
  }
  void TearDown() override { fs::remove_all(root_); }

  // Writes NAME/profile.json (and NAME/labels.tsv if `labels` is not empty); returns the folder.
  fs::path write_profile(const std::string& name, const std::string& json, const std::string& labels = "") {
    const fs::path folder = root_ / name;
    fs::create_directories(folder);
    std::ofstream(folder / "profile.json") << json;
    if (!labels.empty()) std::ofstream(folder / "labels.tsv") << labels;
    return folder;
  }

  std::string error_loading(const std::string& name_or_folder) {
    try {
      load_profile(name_or_folder);
    } catch (const ProfileError& e) {
      return e.what();
    }
    return "";
  }

  fs::path root_;
};

constexpr const char* kMinimal =
    R"({"name": "mine", "ocr": {"text_language": "eng", "number_language": "eng"}})";

TEST(DomainProfiles, TheDefaultIsTheBudgetProfileWithItsVocabulary) {
  const DomainProfile& profile = cn_budget();
  EXPECT_EQ(profile.name, "cn-budget");
  EXPECT_EQ(profile.text_language, "chi_sim");
  EXPECT_EQ(profile.number_language, "eng");
  EXPECT_GT(profile.labels.size(), 300u);
  EXPECT_TRUE(profile.index.names_of_code.count("2050201"));
  EXPECT_TRUE(profile.index.names_of_code.count("20103"));
  EXPECT_TRUE(profile.is_subject_code("201"));
  EXPECT_TRUE(profile.is_subject_code("2010301"));
  EXPECT_FALSE(profile.is_subject_code("2010"));
  EXPECT_FALSE(profile.is_subject_code("20a"));
}

TEST(DomainProfiles, TheGenericProfileKnowsNoField) {
  const auto generic = load_profile("generic");
  EXPECT_EQ(generic->text_language, "eng");
  EXPECT_TRUE(generic->labels.empty());
  EXPECT_FALSE(generic->is_subject_code("201"));
  // A label one look-alike from a standard one is put right by the budget profile only.
  EXPECT_EQ(standard_label_for("科日名称", cn_budget()), "科目名称");
  EXPECT_EQ(standard_label_for("科日名称", *generic), std::nullopt);
}

TEST(DomainProfiles, TotalsAreTheProfilesWords) {
  const auto generic = load_profile("generic");
  const Table listed_chinese =
      table_of({{"项目", "金额"}, {"一、甲", "1.50"}, {"二、乙", "2.25"}, {"合计", "3.75"}});
  const Table listed_english =
      table_of({{"项目", "金额"}, {"一、甲", "1.50"}, {"二、乙", "2.25"}, {"Total", "3.75"}});
  EXPECT_EQ(find_arithmetic_checks(listed_chinese, cn_budget()).size(), 1u);
  EXPECT_EQ(find_arithmetic_checks(listed_chinese, *generic).size(), 0u);
  EXPECT_EQ(find_arithmetic_checks(listed_english, *generic).size(), 1u);
  EXPECT_EQ(find_arithmetic_checks(listed_english, cn_budget()).size(), 0u);
}

TEST(DomainProfiles, SubjectCodesAreCheckedOnlyWhereTheProfileHasThem) {
  const auto generic = load_profile("generic");
  const Table codes = table_of({{"科目编码", "科目名称", "决算数"},
                                {"208", "社会保障和就业支出", "3.25"},
                                {"20805", "行政事业单位养老支出", "3.25"}});
  EXPECT_FALSE(find_arithmetic_checks(codes, cn_budget()).empty());
  EXPECT_FALSE(find_subject_code_checks(codes, cn_budget()).empty());
  EXPECT_TRUE(find_arithmetic_checks(codes, *generic).empty());
  EXPECT_TRUE(find_subject_code_checks(codes, *generic).empty());
}

TEST_F(ProfileFolder, AProfileIsFoundByNameThroughTheEnvironment) {
  write_profile("mine", kMinimal, "#  comment\n201\t一般公共服务支出\n\t合计\n");
  ::setenv("GRIDLIFT_PROFILES", root_.c_str(), 1);
  const auto mine = load_profile("mine");
  ::unsetenv("GRIDLIFT_PROFILES");
  EXPECT_EQ(mine->name, "mine");
  EXPECT_EQ(mine->labels.size(), 0u);  // no labels_file named: none read
  EXPECT_EQ(mine->folder, (root_ / "mine").string());
}

TEST_F(ProfileFolder, LabelsAreReadFromTheFileTheProfileNames) {
  const fs::path folder = write_profile(
      "mine",
      R"({"name": "mine", "ocr": {"text_language": "eng", "number_language": "eng"}, "labels_file": "labels.tsv"})",
      "# a comment\n201\t一般公共服务支出\n\t合计\r\n");
  const auto mine = load_profile(folder.string());
  ASSERT_EQ(mine->labels.size(), 2u);
  EXPECT_EQ(mine->labels[0].code, "201");
  EXPECT_EQ(mine->labels[1].name, "合计");  // a Windows line end is no part of the name
  EXPECT_TRUE(mine->index.labels.count(comparable_label("合计")));
}

TEST_F(ProfileFolder, MistakesAreToldWithTheFileAndTheCause) {
  EXPECT_NE(
      error_loading(
          write_profile(
              "typo",
              R"({"name": "t", "ocr": {"text_language": "eng", "number_language": "eng"}, "totls": {}})")
              .string())
          .find("unknown key \"totls\""),
      std::string::npos);
  EXPECT_NE(error_loading(write_profile("nojson", "{name").string()).find("not JSON"), std::string::npos);
  EXPECT_NE(error_loading(write_profile("noocr", R"({"name": "x"})").string()).find("\"ocr\" is missing"),
            std::string::npos);
  const std::string tab = error_loading(
      write_profile(
          "tab",
          R"({"name": "x", "ocr": {"text_language": "eng", "number_language": "eng"}, "labels_file": "labels.tsv"})",
          "201 一般公共服务支出\n")
          .string());
  EXPECT_NE(tab.find("labels.tsv:1: expected CODE<TAB>NAME"), std::string::npos) << tab;
  EXPECT_NE(
      error_loading(
          write_profile(
              "escape",
              R"({"name": "x", "ocr": {"text_language": "eng", "number_language": "eng"}, "labels_file": "../../etc/passwd"})")
              .string())
          .find("inside the profile's folder"),
      std::string::npos);
  EXPECT_NE(error_loading(
                write_profile(
                    "lang", R"({"name": "x", "ocr": {"text_language": "../eng", "number_language": "eng"}})")
                    .string())
                .find("Tesseract pack name"),
            std::string::npos);
  const std::string missing = error_loading("no-such-profile");
  EXPECT_NE(missing.find("no profile named no-such-profile"), std::string::npos);
  EXPECT_NE(missing.find("cn-budget"), std::string::npos) << missing;  // what there is, told
}

}  // namespace
}  // namespace gridlift
