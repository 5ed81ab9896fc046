#include "stages/export/output_files.h"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <stdexcept>

#include "models/document_json.h"
#include "stages/export/csv_writer.h"
#include "stages/export/markdown_writer.h"

namespace gridlift {

std::string output_stem(const std::filesystem::path& input) {
  auto name = input.filename().string();
  auto ext = input.extension().string();
  std::string lower = ext;
  for (auto& ch : lower) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  return lower == ".pdf" ? name.substr(0, name.size() - ext.size()) : name;
}

void write_file_atomically(const std::filesystem::path& path, const std::string& content) {
  write_file_atomically(path, [&](std::ostream& out) {
    out.write(content.data(), static_cast<std::streamsize>(content.size()));
  });
}

void write_file_atomically(const std::filesystem::path& path,
                           const std::function<void(std::ostream&)>& write) {
  auto temporary = path;
  temporary += kPartialSuffix;
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    if (!out) throw std::runtime_error(path.string() + ": cannot write (" + std::strerror(errno) + ")");
    write(out);
    out.flush();
    if (!out) {
      std::error_code ignored;
      std::filesystem::remove(temporary, ignored);
      throw std::runtime_error(path.string() + ": write failed (disk full?)");
    }
  }
  std::error_code ec;
  std::filesystem::rename(temporary, path, ec);
  if (ec) throw std::runtime_error(path.string() + ": cannot replace (" + ec.message() + ")");
}

void ensure_writable_folder(const std::filesystem::path& folder) {
  std::error_code ec;
  std::filesystem::create_directories(folder, ec);
  if (ec) throw std::runtime_error(folder.string() + ": cannot create output folder (" + ec.message() + ")");
  if (!std::filesystem::is_directory(folder))
    throw std::runtime_error(folder.string() + ": output path is not a folder");
  auto probe = folder / ".gridlift-write-test";
  {
    std::ofstream out(probe);
    if (!out)
      throw std::runtime_error(folder.string() + ": output folder is not writable (" + std::strerror(errno) +
                               ")");
  }
  std::filesystem::remove(probe, ec);
}

void remove_partial_outputs(const std::filesystem::path& folder, const std::string& stem) {
  namespace fs = std::filesystem;
  std::error_code ec;
  for (const char* output : {".json", ".md", ".report.html"})
    fs::remove(folder / (stem + output + kPartialSuffix), ec);
  const fs::path tables = folder / stem;
  if (fs::is_directory(tables, ec))
    for (const auto& entry : fs::directory_iterator(tables, ec))
      if (entry.path().extension() == kPartialSuffix) fs::remove(entry.path(), ec);
}

void write_outputs(const DocumentResult& doc, const std::filesystem::path& folder, const std::string& stem) {
  auto csv_folder = folder / stem;
  if (auto parent = csv_folder.parent_path(); parent != folder) {
    std::error_code ec;
    std::filesystem::create_directories(parent, ec);
    if (ec) throw std::runtime_error(parent.string() + ": cannot create (" + ec.message() + ")");
  }
  bool any_table = false;
  for (const auto& page : doc.pages) any_table = any_table || !page.tables.empty();
  if (any_table) {
    std::error_code ec;
    std::filesystem::create_directories(csv_folder, ec);
    if (ec) throw std::runtime_error(csv_folder.string() + ": cannot create (" + ec.message() + ")");
  }
  for (const auto& page : doc.pages)
    for (const auto& table : page.tables)
      write_file_atomically(csv_folder / csv_file_name(page.page, table.id), table_to_csv(table));
  write_file_atomically(folder / (stem + ".md"), document_to_markdown(doc));
  write_file_atomically(folder / (stem + ".json"), [&](std::ostream& out) { write_document_json(out, doc); });
}

}  // namespace gridlift
