#include "pipeline/document_cache.h"

#include "stages/load/pdf_document.h"

namespace gridlift {

const poppler::document& DocumentCache::get(const std::filesystem::path& path) {
  if (!document_ || path != path_) {
    document_.reset();
    document_ = open_pdf(path);
    path_ = path;
  }
  return *document_;
}

}  // namespace gridlift
