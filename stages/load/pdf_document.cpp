#include "stages/load/pdf_document.h"

#include <spdlog/spdlog.h>

#include <cerrno>
#include <fstream>
#include <string_view>
#include <vector>

#include "models/printable_text.h"
#include "stages/load/input_error.h"

namespace gridlift {
namespace {

// Bytes [offset, offset + count) of `path`, fewer at its end.
std::string read_bytes(const std::filesystem::path& path, std::uintmax_t offset, size_t count) {
  std::ifstream in(path, std::ios::binary);
  in.seekg(static_cast<std::streamoff>(offset));
  std::string bytes(count, '\0');
  in.read(bytes.data(), static_cast<std::streamsize>(count));
  bytes.resize(static_cast<size_t>(std::max<std::streamsize>(0, in.gcount())));
  return bytes;
}

// Readers look for the header in the first 1024 bytes (ISO 32000-1, annex H.3), but Poppler reads
// on without one, and files with a mail header or a web server's junk before it exist: the header
// counts within the first 64 KiB.
constexpr size_t kHeaderSearchBytes = 64 * 1024;

// Where an encryption dictionary is referred to: the trailer, at the end, or at the start of a
// linearized file.
bool mentions_encryption(const std::filesystem::path& path, std::uintmax_t size) {
  constexpr size_t kLook = 64 * 1024;
  if (read_bytes(path, 0, kLook).find("/Encrypt") != std::string::npos) return true;
  return size > kLook && read_bytes(path, size - kLook, kLook).find("/Encrypt") != std::string::npos;
}

std::string link_problem(const std::filesystem::path& path) {
  namespace fs = std::filesystem;
  std::error_code ec;
  (void)fs::status(path, ec);
  if (ec.value() == ELOOP) return "a symbolic link that loops (it leads back to itself)";
  const auto target = fs::read_symlink(path, ec);
  return "a symbolic link to a file that does not exist (" + printable_text(target.string()) + ")";
}

}  // namespace

std::uintmax_t check_input_file(const std::filesystem::path& path) {
  namespace fs = std::filesystem;
  const std::string name = printable_text(path.string());
  std::error_code ec;
  const auto link = fs::symlink_status(path, ec);
  const auto status = fs::status(path, ec);
  if (fs::is_symlink(link) && (ec || !fs::exists(status))) throw InputError(name, link_problem(path));
  if (ec || !fs::exists(status)) throw InputError(name, "no such file");
  if (fs::is_directory(status)) throw InputError(name, "is a folder, not a PDF file");
  if (!fs::is_regular_file(status)) {
    const char* kind = fs::is_fifo(status)                                          ? "a named pipe"
                       : fs::is_socket(status)                                      ? "a socket"
                       : fs::is_block_file(status) || fs::is_character_file(status) ? "a device"
                                                                                    : "a special file";
    throw InputError(name, std::string("not a regular file (") + kind + "): only PDF files are read");
  }
  const auto size = fs::file_size(path, ec);
  if (ec) throw InputError(name, "cannot be read: " + ec.message());
  if (size == 0) throw InputError(name, "empty file (0 bytes)");
  std::ifstream probe(path, std::ios::binary);
  if (!probe) throw InputError(name, "cannot be opened for reading (permissions?)");
  return size;
}

std::unique_ptr<poppler::document> open_pdf(const std::filesystem::path& path) {
  const std::string name = printable_text(path.string());
  const auto size = check_input_file(path);
  if (read_bytes(path, 0, kHeaderSearchBytes).find("%PDF-") == std::string::npos)
    throw InputError(name, "not a PDF (no %PDF- header in its first 64 KiB)");

  std::unique_ptr<poppler::document> doc(poppler::document::load_from_file(path.string()));
  if (!doc) {
    if (mentions_encryption(path, size))
      throw InputError(name,
                       "encrypted PDF that poppler cannot open; if it is password-protected, decrypt it "
                       "first (qpdf --decrypt --password=… in.pdf out.pdf)");
    throw InputError(name,
                     "damaged PDF: poppler cannot rebuild its structure (truncated or corrupt); "
                     "`qpdf in.pdf repaired.pdf` sometimes recovers one");
  }
  if (doc->is_locked()) {
    throw InputError(
        name,
        "encrypted PDF needs a password: decrypt it first (qpdf --decrypt --password=… in.pdf out.pdf)");
  }
  if (doc->pages() <= 0) throw InputError(name, "PDF has no pages (damaged page tree?)");
  return doc;
}

void quiet_poppler_messages() {
  poppler::set_debug_error_function(
      [](const std::string& message, void*) { spdlog::debug("poppler: {}", message); }, nullptr);
}

}  // namespace gridlift
