#include "stages/ocr/tessdata.h"

#include <cstdlib>
#include <filesystem>
#include <stdexcept>

namespace gridlift {
namespace {

// Debian's package name for a Tesseract language code: chi_sim -> tesseract-ocr-chi-sim.
std::string package_for(std::string language) {
  for (auto& c : language)
    if (c == '_') c = '-';
  return "tesseract-ocr-" + language;
}

}  // namespace

std::string find_tessdata(const std::vector<std::string>& languages) {
  namespace fs = std::filesystem;
  std::vector<fs::path> folders;
  if (const char* prefix = std::getenv("TESSDATA_PREFIX"); prefix && *prefix) {
    folders.emplace_back(prefix);
    folders.emplace_back(fs::path(prefix) / "tessdata");
  } else {
    folders = {"/usr/share/tesseract-ocr/5/tessdata", "/usr/share/tesseract-ocr/4.00/tessdata",
               "/usr/share/tessdata"};
  }
  std::error_code error;
  std::string missing;
  for (const auto& folder : folders) {
    missing.clear();
    for (const auto& language : languages)
      if (!fs::is_regular_file(folder / (language + ".traineddata"), error)) {
        missing = language;
        break;
      }
    if (missing.empty()) return folder.string();
  }
  std::string searched;
  for (const auto& folder : folders) searched += (searched.empty() ? "" : ", ") + folder.string();
  if (missing.empty()) missing = languages.empty() ? "?" : languages.front();
  throw std::runtime_error("OCR needs Tesseract language data " + missing + ".traineddata, not found in " +
                           searched + " (install Debian package " + package_for(missing) +
                           " or set TESSDATA_PREFIX)");
}

}  // namespace gridlift
