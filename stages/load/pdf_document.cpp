#include "stages/load/pdf_document.h"

#include <spdlog/spdlog.h>

#include <array>
#include <fstream>
#include <string_view>

#include "stages/input_error.h"

namespace gridlift {
namespace {

// PDF readers accept the header anywhere in the first 1024 bytes (ISO 32000-1, annex H.3).
bool has_pdf_header(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::array<char, 1024> head{};
  in.read(head.data(), head.size());
  std::string_view text(head.data(), static_cast<size_t>(in.gcount()));
  return text.find("%PDF-") != std::string_view::npos;
}

}  // namespace

std::unique_ptr<poppler::document> open_pdf(const std::filesystem::path& path) {
  const std::string name = path.string();
  std::error_code ec;
  auto status = std::filesystem::status(path, ec);
  if (ec || !std::filesystem::exists(status)) throw InputError(name, "no such file");
  if (std::filesystem::is_directory(status)) throw InputError(name, "is a folder, not a PDF file");
  auto size = std::filesystem::file_size(path, ec);
  if (ec) throw InputError(name, "cannot be read: " + ec.message());
  if (size == 0) throw InputError(name, "empty file (0 bytes)");
  {
    std::ifstream probe(path, std::ios::binary);
    if (!probe) throw InputError(name, "cannot be opened for reading (permissions?)");
  }
  if (!has_pdf_header(path)) throw InputError(name, "not a PDF (no %PDF- header in its first 1024 bytes)");

  std::unique_ptr<poppler::document> doc(poppler::document::load_from_file(name));
  if (!doc) {
    throw InputError(name,
                     "corrupt or encrypted PDF that poppler cannot open; if it is password-protected, "
                     "decrypt it first (qpdf --decrypt --password=… in.pdf out.pdf)");
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
