#include "stages/export/output_files.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstring>
#include <regex>
#include <stdexcept>
#include <streambuf>

#include "models/document_json.h"
#include "models/printable_text.h"
#include "stages/export/csv_writer.h"
#include "stages/export/markdown_writer.h"

namespace gridlift {
namespace {

namespace fs = std::filesystem;

std::string shown(const fs::path& path) {
  return printable_text(path.string());
}

// An ostream's buffer over a file descriptor, so that a temporary can be opened with O_NOFOLLOW
// and O_EXCL (std::ofstream follows links) and a failed write keeps its errno (disk full, file
// too large) for the message.
class DescriptorBuffer : public std::streambuf {
 public:
  explicit DescriptorBuffer(int fd) : fd_(fd) { setp(buffer_.data(), buffer_.data() + buffer_.size()); }
  int error() const { return error_; }

 protected:
  int_type overflow(int_type ch) override {
    if (!drain()) return traits_type::eof();
    if (!traits_type::eq_int_type(ch, traits_type::eof())) {
      *pptr() = traits_type::to_char_type(ch);
      pbump(1);
    }
    return traits_type::not_eof(ch);
  }
  int sync() override { return drain() ? 0 : -1; }

 private:
  bool drain() {
    const char* data = pbase();
    size_t left = static_cast<size_t>(pptr() - pbase());
    while (left > 0 && error_ == 0) {
      const ssize_t n = ::write(fd_, data, left);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) {
        error_ = n < 0 ? errno : EIO;
        break;
      }
      data += n;
      left -= static_cast<size_t>(n);
    }
    setp(buffer_.data(), buffer_.data() + buffer_.size());
    return error_ == 0;
  }

  int fd_;
  int error_ = 0;
  std::array<char, 64 * 1024> buffer_{};
};

// A new file at `path` (anything there, a link included, removed first), not following links.
int create_exclusively(const fs::path& path) {
  ::unlink(path.c_str());
  return ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644);
}

bool is_table_csv(const fs::path& file) {
  static const std::regex kCsvName(R"(p\d{3,}-t\d+\.csv)");
  return std::regex_match(file.filename().string(), kCsvName);
}

}  // namespace

void write_file_atomically(const fs::path& path, const std::string& content) {
  write_file_atomically(path, [&](std::ostream& out) {
    out.write(content.data(), static_cast<std::streamsize>(content.size()));
  });
}

void write_file_atomically(const fs::path& path, const std::function<void(std::ostream&)>& write) {
  auto temporary = path;
  temporary += kPartialSuffix;
  const int fd = create_exclusively(temporary);
  if (fd < 0) throw std::runtime_error(shown(path) + ": cannot write (" + std::strerror(errno) + ")");
  int error = 0;
  {
    DescriptorBuffer buffer(fd);
    std::ostream out(&buffer);
    try {
      write(out);
    } catch (...) {
      ::close(fd);
      ::unlink(temporary.c_str());
      throw;
    }
    out.flush();
    error = buffer.error() != 0 ? buffer.error() : out ? 0 : EIO;
  }
  if (::close(fd) != 0 && error == 0) error = errno;
  if (error != 0) {
    ::unlink(temporary.c_str());
    throw std::runtime_error(shown(path) + ": write failed (" + std::strerror(error) + ")");
  }
  // rename() replaces a link at `path` itself, never what it points to.
  if (::rename(temporary.c_str(), path.c_str()) != 0) {
    error = errno;
    ::unlink(temporary.c_str());
    throw std::runtime_error(shown(path) + ": cannot replace (" + std::strerror(error) + ")");
  }
}

void make_output_folders(const fs::path& root, const fs::path& relative) {
  fs::path at = root;
  for (const auto& component : relative) {
    if (component.empty() || component == ".") continue;
    at /= component;
    struct stat info {};
    if (::lstat(at.c_str(), &info) == 0) {
      if (S_ISDIR(info.st_mode)) continue;
      if (!S_ISLNK(info.st_mode))
        throw std::runtime_error(shown(at) + ": is a file where an output folder belongs");
      if (::unlink(at.c_str()) != 0)
        throw std::runtime_error(shown(at) + ": cannot replace the link found there (" +
                                 std::strerror(errno) + ")");
    }
    if (::mkdir(at.c_str(), 0755) != 0 && errno != EEXIST)
      throw std::runtime_error(shown(at) + ": cannot create (" + std::strerror(errno) + ")");
  }
}

void ensure_writable_folder(const fs::path& folder) {
  std::error_code ec;
  fs::create_directories(folder, ec);
  if (ec) throw std::runtime_error(shown(folder) + ": cannot create output folder (" + ec.message() + ")");
  if (!fs::is_directory(folder)) throw std::runtime_error(shown(folder) + ": output path is not a folder");
  // One probe per process: a batch's workers check the same folder at the same moment.
  const auto probe = folder / (".gridlift-write-test-" + std::to_string(::getpid()));
  const int fd = create_exclusively(probe);
  if (fd < 0)
    throw std::runtime_error(shown(folder) + ": output folder is not writable (" + std::strerror(errno) +
                             ")");
  ::close(fd);
  ::unlink(probe.c_str());
}

void remove_partial_outputs(const fs::path& folder, const std::string& stem) {
  std::error_code ec;
  for (const char* output : {".json", ".md", ".report.html", ".xlsx"})
    fs::remove(folder / (stem + output + kPartialSuffix), ec);
  const fs::path tables = folder / stem;
  if (fs::is_directory(fs::symlink_status(tables, ec)))
    for (const auto& entry : fs::directory_iterator(tables, ec))
      if (entry.path().extension() == kPartialSuffix) fs::remove(entry.path(), ec);
}

void remove_outputs(const fs::path& folder, const std::string& stem) {
  std::error_code ec;
  for (const char* output : {".json", ".report.html", ".xlsx", ".md"})
    fs::remove(folder / (stem + output), ec);
  remove_partial_outputs(folder, stem);
  const fs::path tables = folder / stem;
  if (!fs::is_directory(fs::symlink_status(tables, ec))) return;
  for (const auto& entry : fs::directory_iterator(tables, ec))
    if (is_table_csv(entry.path())) fs::remove(entry.path(), ec);
  fs::remove(tables, ec);  // only if empty: another document's folder may share the name
}

void write_table_files(const DocumentResult& doc, const fs::path& folder, const std::string& stem) {
  const fs::path name(stem);
  make_output_folders(folder, name.parent_path());
  bool any_table = false;
  for (const auto& page : doc.pages) any_table = any_table || !page.tables.empty();
  if (any_table) make_output_folders(folder, name);
  for (const auto& page : doc.pages)
    for (const auto& table : page.tables)
      write_file_atomically(folder / stem / csv_file_name(page.page, table.id), table_to_csv(table));
  write_file_atomically(folder / (stem + ".md"), document_to_markdown(doc));
}

void write_result_json(const DocumentResult& doc, const fs::path& folder, const std::string& stem) {
  make_output_folders(folder, fs::path(stem).parent_path());
  write_file_atomically(folder / (stem + ".json"), [&](std::ostream& out) { write_document_json(out, doc); });
}

void write_outputs(const DocumentResult& doc, const fs::path& folder, const std::string& stem) {
  write_table_files(doc, folder, stem);
  write_result_json(doc, folder, stem);
}

}  // namespace gridlift
