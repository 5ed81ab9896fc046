#include "pipeline/domain_profiles.h"

#include <nlohmann/json.hpp>

#include <cstdlib>
#include <fstream>
#include <mutex>
#include <set>
#include <sstream>

#include "models/unicode.h"

namespace gridlift {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

fs::path executable_folder() {
  std::error_code error;
  const fs::path self = fs::read_symlink("/proc/self/exe", error);
  return error ? fs::path() : self.parent_path();
}

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw ProfileError("profile file " + path.string() + ": cannot be read");
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// The keys profile.json may hold: a key not among them is a typo, told rather than ignored.
void refuse_unknown_keys(const json& object, const std::set<std::string>& known, const std::string& where) {
  for (const auto& [key, value] : object.items())
    if (!known.count(key)) throw ProfileError(where + ": unknown key \"" + key + "\"");
}

std::vector<std::string> strings_at(const json& object, const char* key, const std::string& where) {
  std::vector<std::string> out;
  if (!object.contains(key)) return out;
  const json& list = object.at(key);
  if (!list.is_array()) throw ProfileError(where + ": \"" + key + "\" must be a list of strings");
  for (const json& word : list) {
    if (!word.is_string() || word.get<std::string>().empty())
      throw ProfileError(where + ": \"" + key + "\" must be a list of non-empty strings");
    out.push_back(word.get<std::string>());
  }
  return out;
}

std::string string_at(const json& object, const char* key, const std::string& where, bool required) {
  if (!object.contains(key)) {
    if (required) throw ProfileError(where + ": \"" + key + "\" is missing");
    return {};
  }
  if (!object.at(key).is_string()) throw ProfileError(where + ": \"" + key + "\" must be a string");
  return object.at(key).get<std::string>();
}

// CODE<TAB>NAME lines (CODE may be empty); # starts a comment line.
std::vector<ProfileLabel> read_labels(const fs::path& path) {
  std::istringstream lines(read_file(path));
  std::vector<ProfileLabel> out;
  std::string line;
  for (int number = 1; std::getline(lines, line); ++number) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    const size_t tab = line.find('\t');
    const std::string where = path.string() + ":" + std::to_string(number);
    if (tab == std::string::npos) throw ProfileError(where + ": expected CODE<TAB>NAME");
    ProfileLabel label{line.substr(0, tab), line.substr(tab + 1)};
    if (!label.code.empty() && !is_ascii_digits(label.code))
      throw ProfileError(where + ": a code is digits only");
    if (label.name.empty()) throw ProfileError(where + ": the name is empty");
    out.push_back(std::move(label));
  }
  return out;
}

void read_subject_codes(const json& codes, DomainProfile& profile, const std::string& where) {
  if (!codes.is_object()) throw ProfileError(where + ": \"subject_codes\" must be an object");
  refuse_unknown_keys(codes, {"digits", "other_name_prefix", "numbered_items"}, where + " subject_codes");
  if (codes.contains("digits")) {
    if (!codes.at("digits").is_array()) throw ProfileError(where + ": subject_codes.digits must be a list");
    for (const json& n : codes.at("digits")) {
      if (!n.is_number_unsigned() || n.get<unsigned>() == 0 || n.get<unsigned>() > 20)
        throw ProfileError(where + ": subject_codes.digits holds code lengths, 1 to 20");
      profile.subject_code_digits.push_back(n.get<size_t>());
    }
  }
  profile.other_subject_prefix = string_at(codes, "other_name_prefix", where, false);
  if (!codes.contains("numbered_items")) return;
  const json& items = codes.at("numbered_items");
  const std::string in_items = where + " subject_codes.numbered_items";
  if (!items.is_object()) throw ProfileError(in_items + " must be an object");
  refuse_unknown_keys(items, {"code_digits", "code_prefix", "items"}, in_items);
  if (!items.contains("code_digits") || !items.at("code_digits").is_number_unsigned())
    throw ProfileError(in_items + ": \"code_digits\" must be a number");
  profile.item_code_digits = items.at("code_digits").get<size_t>();
  profile.item_code_prefix = string_at(items, "code_prefix", in_items, false);
  if (!items.contains("items") || !items.at("items").is_array())
    throw ProfileError(in_items + ": \"items\" must be a list");
  for (const json& item : items.at("items")) {
    if (!item.is_object()) throw ProfileError(in_items + ": each item is {\"number\", \"name\"}");
    refuse_unknown_keys(item, {"number", "name"}, in_items);
    NumberedItem numbered{string_at(item, "number", in_items, true), string_at(item, "name", in_items, true)};
    if (numbered.number.size() != 2 || !is_ascii_digits(numbered.number))
      throw ProfileError(in_items + ": an item's number is two digits");
    profile.numbered_items.push_back(std::move(numbered));
  }
}

DomainProfile read_profile(const fs::path& folder) {
  const fs::path file = folder / "profile.json";
  const std::string where = file.string();
  json root;
  try {
    root = json::parse(read_file(file));
  } catch (const json::exception& e) {
    throw ProfileError(where + ": not JSON (" + e.what() + ")");
  }
  if (!root.is_object()) throw ProfileError(where + ": must hold an object");
  refuse_unknown_keys(root, {"name", "description", "ocr", "labels_file", "totals", "subject_codes"}, where);
  DomainProfile profile;
  profile.folder = folder.string();
  profile.name = string_at(root, "name", where, true);
  profile.description = string_at(root, "description", where, false);
  if (!root.contains("ocr") || !root.at("ocr").is_object())
    throw ProfileError(where + ": \"ocr\" is missing");
  const json& ocr = root.at("ocr");
  refuse_unknown_keys(ocr, {"text_language", "number_language"}, where + " ocr");
  profile.text_language = string_at(ocr, "text_language", where + " ocr", true);
  profile.number_language = string_at(ocr, "number_language", where + " ocr", true);
  for (const std::string* language : {&profile.text_language, &profile.number_language})
    if (language->empty() || language->find_first_of("/\\.") != std::string::npos)
      throw ProfileError(where + ": an OCR language is a Tesseract pack name such as chi_sim");
  if (const std::string labels = string_at(root, "labels_file", where, false); !labels.empty()) {
    if (fs::path(labels).is_absolute() || labels.find("..") != std::string::npos)
      throw ProfileError(where + ": \"labels_file\" names a file inside the profile's folder");
    profile.labels = read_labels(folder / labels);
  }
  if (root.contains("totals")) {
    const json& totals = root.at("totals");
    if (!totals.is_object()) throw ProfileError(where + ": \"totals\" must be an object");
    refuse_unknown_keys(totals,
                        {"row_total_words", "list_total_words", "column_total_words", "subtotal_words"},
                        where + " totals");
    profile.row_total_words = strings_at(totals, "row_total_words", where);
    profile.list_total_words = strings_at(totals, "list_total_words", where);
    profile.column_total_words = strings_at(totals, "column_total_words", where);
    profile.subtotal_words = strings_at(totals, "subtotal_words", where);
  }
  if (root.contains("subject_codes")) read_subject_codes(root.at("subject_codes"), profile, where);
  index_labels(profile);
  return profile;
}

}  // namespace

std::vector<fs::path> profile_search_path() {
  std::vector<fs::path> out;
  if (const char* env = std::getenv("GRIDLIFT_PROFILES"); env && *env) out.emplace_back(env);
  if (const fs::path exe = executable_folder(); !exe.empty()) {
    out.push_back(exe / "profiles");
    out.push_back((exe / ".." / "share" / "gridlift" / "profiles").lexically_normal());
  }
#ifdef GRIDLIFT_BUILD_PROFILES
  out.emplace_back(GRIDLIFT_BUILD_PROFILES);
#endif
  return out;
}

std::vector<std::string> available_profiles() {
  std::set<std::string> names;
  std::error_code error;
  for (const fs::path& folder : profile_search_path()) {
    for (fs::directory_iterator it(folder, error), end; !error && it != end; it.increment(error))
      if (fs::is_regular_file(it->path() / "profile.json", error))
        names.insert(it->path().filename().string());
  }
  return {names.begin(), names.end()};
}

std::shared_ptr<const DomainProfile> load_profile(const std::string& name_or_folder) {
  if (name_or_folder.empty()) throw ProfileError("a profile's name is empty");
  std::error_code error;
  if (name_or_folder.find('/') != std::string::npos) {
    if (!fs::is_regular_file(fs::path(name_or_folder) / "profile.json", error))
      throw ProfileError("profile folder " + name_or_folder + ": no profile.json in it");
    return std::make_shared<const DomainProfile>(read_profile(name_or_folder));
  }
  for (const fs::path& folder : profile_search_path())
    if (fs::is_regular_file(folder / name_or_folder / "profile.json", error))
      return std::make_shared<const DomainProfile>(read_profile(folder / name_or_folder));
  std::string searched, known;
  for (const fs::path& folder : profile_search_path())
    searched += (searched.empty() ? "" : ", ") + folder.string();
  for (const std::string& name : available_profiles()) known += (known.empty() ? "" : ", ") + name;
  throw ProfileError("no profile named " + name_or_folder + " (searched " + searched + "; found " +
                     (known.empty() ? "none" : known) + "; set GRIDLIFT_PROFILES to a folder of profiles)");
}

std::shared_ptr<const DomainProfile> default_profile() {
  static std::once_flag once;
  static std::shared_ptr<const DomainProfile> profile;
  std::call_once(once, [] { profile = load_profile(kDefaultProfile); });
  return profile;
}

}  // namespace gridlift
