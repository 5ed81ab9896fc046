#include "pipeline/input_list.h"

#include <algorithm>
#include <fstream>

#include "stages/export/output_files.h"

namespace gridlift {
namespace {

bool is_pdf_name(const std::filesystem::path& p) {
  std::string ext = p.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return ext == ".pdf";
}

}  // namespace

std::vector<InputDocument> expand_inputs(const std::vector<std::filesystem::path>& arguments) {
  namespace fs = std::filesystem;
  std::vector<InputDocument> out;
  for (const auto& argument : arguments) {
    const std::string text = argument.string();
    if (text.size() > 1 && text[0] == '@') {
      std::ifstream list(text.substr(1));
      if (!list) {
        out.push_back({text.substr(1), output_stem(text.substr(1))});  // reported as missing by the run
        continue;
      }
      std::vector<fs::path> listed;
      for (std::string line; std::getline(list, line);) {
        while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.pop_back();
        if (!line.empty() && line[0] != '#') listed.emplace_back(line);
      }
      auto expanded = expand_inputs(listed);
      out.insert(out.end(), expanded.begin(), expanded.end());
      continue;
    }
    std::error_code ec;
    if (!fs::is_directory(argument, ec)) {
      out.push_back({argument, output_stem(argument)});
      continue;
    }
    std::vector<fs::path> found;
    for (auto it =
             fs::recursive_directory_iterator(argument, fs::directory_options::skip_permission_denied, ec);
         !ec && it != fs::recursive_directory_iterator(); it.increment(ec))
      if (it->is_regular_file(ec) && is_pdf_name(it->path())) found.push_back(it->path());
    std::sort(found.begin(), found.end());
    for (const auto& pdf : found) {
      fs::path relative = fs::relative(pdf, argument, ec);
      fs::path name = relative.parent_path() / output_stem(relative);
      out.push_back({pdf, name.generic_string()});
    }
  }
  return out;
}

std::string OutputNames::claim(const std::string& name, const std::string& path) {
  auto [owner, fresh] = owners_.emplace(name, path);
  if (fresh) return {};
  return "its results would overwrite those of " + owner->second +
         " (same name); extract it into another output folder";
}

}  // namespace gridlift
