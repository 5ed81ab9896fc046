#include "pipeline/input_list.h"

#include <algorithm>
#include <fstream>

#include "stages/export/output_name.h"

namespace gridlift {
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
    // Links to folders are not followed (no loops, no walking out of the tree); a link named
    // *.pdf is an input whatever it points at, so a broken one is reported, not dropped.
    for (auto it =
             fs::recursive_directory_iterator(argument, fs::directory_options::skip_permission_denied, ec);
         !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
      std::error_code kind;
      const bool folder = it->is_directory(kind) && !it->is_symlink(kind);
      // By the name's ending: a link, a special file or a folder named *.pdf is an input too;
      // what it is, is the run's to report, not to hide.
      if (!folder && ends_with_pdf(it->path().filename().string())) found.push_back(it->path());
    }
    std::sort(found.begin(), found.end());
    for (const auto& pdf : found) {
      // Named by where the file sits in the folder, never by where a link leads (fs::relative
      // would resolve links, and a link's target may lie anywhere).
      out.push_back({pdf, output_name_below(pdf.lexically_relative(argument))});
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
