#pragma once
// The batch manifest: one JSON line per document and attempt, appended and fsync'ed as each
// document ends, so a run killed at any moment keeps the record of everything it finished.
//   {"path": "...", "name": "2023/report", "sha256": "...", "status": "ok", "pages": 9,
//    "tables": 9, "seconds": 1.93, "error": ""}
// status: ok | failed | timeout | skipped (done by an earlier run, --resume). Later lines about
// the same document supersede earlier ones, except that "skipped" never hides what it skipped.

#include <cstdio>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace gridlift {

struct ManifestEntry {
  std::string path;
  std::string name;  //!< output name: results are OUT/<name>.json etc.
  std::string sha256;
  std::string status;
  int pages = 0;
  int tables = 0;
  double seconds = 0;
  std::string error;
  bool operator==(const ManifestEntry&) const = default;
};

std::string manifest_line(const ManifestEntry& entry);

//! Reads every complete line of `path` (none if it does not exist). A torn last line, left by a
//! kill in the middle of a write, is ignored; any other bad line throws std::runtime_error.
std::vector<ManifestEntry> read_manifest(const std::filesystem::path& path);

//! The standing entry per output name: the last one that is not "skipped", or the skip if that
//! is all there is.
std::map<std::string, ManifestEntry> standing_entries(const std::vector<ManifestEntry>& entries);

//! Appends lines, each flushed and fsync'ed before append() returns. Opening cuts off a last line
//! torn by a kill.
class ManifestWriter {
 public:
  //! Throws std::runtime_error naming the file if it cannot be opened for appending.
  explicit ManifestWriter(const std::filesystem::path& path);
  ~ManifestWriter();
  ManifestWriter(const ManifestWriter&) = delete;
  ManifestWriter& operator=(const ManifestWriter&) = delete;
  void append(const ManifestEntry& entry);

 private:
  std::filesystem::path path_;
  int fd_ = -1;
};

}  // namespace gridlift
