#include "pipeline/manifest.h"
#include "pipeline/run_error.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstring>
#include <fstream>
#include <nlohmann/json.hpp>
#include <stdexcept>

namespace gridlift {
namespace {

// Where the last complete line of the file `path` (`size` bytes) ends: `size` when it ends with a
// newline. Reads backwards from the end, so a long manifest is not read whole to check its tail.
std::uintmax_t end_of_last_line(const std::filesystem::path& path, std::uintmax_t size) {
  std::ifstream in(path, std::ios::binary);
  char block[4096];
  for (std::uintmax_t end = size; end > 0;) {
    const std::uintmax_t n = std::min<std::uintmax_t>(end, sizeof block);
    in.seekg(static_cast<std::streamoff>(end - n));
    in.read(block, static_cast<std::streamsize>(n));
    for (std::uintmax_t i = n; i-- > 0;)
      if (block[i] == '\n') return end - n + i + 1;
    end -= n;
  }
  return 0;
}

}  // namespace

std::string manifest_line(const ManifestEntry& e) {
  nlohmann::ordered_json j;
  j["path"] = e.path;
  j["name"] = e.name;
  j["sha256"] = e.sha256;
  j["status"] = e.status;
  j["pages"] = e.pages;
  j["tables"] = e.tables;
  j["seconds"] = std::round(e.seconds * 100) / 100;
  j["error"] = e.error;
  // Replace, not throw, on invalid UTF-8 in a file name: the record matters more than the byte.
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::vector<ManifestEntry> read_manifest(const std::filesystem::path& path) {
  std::vector<ManifestEntry> entries;
  std::ifstream in(path, std::ios::binary);
  if (!in) return entries;
  std::string content((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  size_t start = 0, number = 0;
  while (start < content.size()) {
    const size_t end = content.find('\n', start);
    const bool complete = end != std::string::npos;
    const std::string line = content.substr(start, complete ? end - start : std::string::npos);
    start = complete ? end + 1 : content.size();
    ++number;
    if (line.empty()) continue;
    try {
      auto j = nlohmann::json::parse(line);
      ManifestEntry e;
      e.path = j.at("path").get<std::string>();
      e.name = j.at("name").get<std::string>();
      e.sha256 = j.value("sha256", "");
      e.status = j.at("status").get<std::string>();
      e.pages = j.value("pages", 0);
      e.tables = j.value("tables", 0);
      e.seconds = j.value("seconds", 0.0);
      e.error = j.value("error", "");
      entries.push_back(std::move(e));
    } catch (const std::exception& error) {
      if (!complete) break;  // torn by a kill mid-write: the document simply is not recorded
      // Not a bug and no output problem: the file named is not a manifest.
      throw RunError(ExitCode::kUsage, path.string() + ": line " + std::to_string(number) +
                                           " is not a manifest entry (" + error.what() + ")");
    }
  }
  return entries;
}

std::map<std::string, ManifestEntry> standing_entries(const std::vector<ManifestEntry>& entries) {
  std::map<std::string, ManifestEntry> standing;
  for (const auto& e : entries) {
    auto it = standing.find(e.name);
    if (it == standing.end() || e.status != "skipped" || it->second.status == "skipped") standing[e.name] = e;
  }
  return standing;
}

ManifestWriter::ManifestWriter(const std::filesystem::path& path) : path_(path) {
  fd_ = ::open(path.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
  if (fd_ < 0)
    throw RunError(ExitCode::kOutputUnwritable,
                   path.string() + ": cannot open the manifest (" + std::strerror(errno) + ")");
  // A line torn by an earlier kill is cut off: its document was never recorded, so it is redone,
  // and the next line must not glue itself to the torn one.
  const std::uintmax_t size = std::filesystem::file_size(path), keep = end_of_last_line(path, size);
  if (keep != size && ::ftruncate(fd_, static_cast<off_t>(keep)) != 0)
    throw RunError(ExitCode::kOutputUnwritable,
                   path.string() + ": cannot repair the manifest (" + std::strerror(errno) + ")");
}

ManifestWriter::~ManifestWriter() {
  if (fd_ >= 0) ::close(fd_);
}

void ManifestWriter::append(const ManifestEntry& entry) {
  const std::string line = manifest_line(entry) + "\n";
  // One write() of one line with O_APPEND: lines never interleave, even from two processes.
  const ssize_t written = ::write(fd_, line.data(), line.size());
  if (written != static_cast<ssize_t>(line.size()) || ::fsync(fd_) != 0)
    throw RunError(ExitCode::kOutputUnwritable,
                   path_.string() + ": cannot write the manifest (" + std::strerror(errno) + ")");
}

}  // namespace gridlift
