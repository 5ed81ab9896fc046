// Fuzzes the first boundary an untrusted file crosses: a PDF opened from bytes, and its first
// pages' geometry, text layer and garbled share read as gridlift reads them.

#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-page.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <memory>

#include "stages/load/pdf_document.h"
#include "stages/load/text_layer.h"

namespace {

// A fuzzer learns nothing more from page 4 of a mutant than from page 1, and each page costs time.
constexpr int kMaxPages = 3;

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const bool quiet = (gridlift::quiet_poppler_messages(), true);
  (void)quiet;
  std::unique_ptr<poppler::document> doc(
      poppler::document::load_from_raw_data(reinterpret_cast<const char*>(data), static_cast<int>(size)));
  if (!doc || doc->is_locked()) return 0;
  for (int i = 0; i < std::min(doc->pages(), kMaxPages); ++i) {
    std::unique_ptr<poppler::page> page(doc->create_page(i));
    if (!page) continue;
    gridlift::read_page_geometry(*page);
    const gridlift::TextChars chars = gridlift::read_text_layer(*page);
    gridlift::garbled_fraction(chars);
  }
  return 0;
}
