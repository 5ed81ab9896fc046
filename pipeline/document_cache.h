#pragma once
// Each worker thread keeps its own poppler::document for the file it is working on: poppler does
// not promise that one document may be used from two threads at once.

#include <poppler/cpp/poppler-document.h>

#include <filesystem>
#include <memory>

namespace gridlift {

class DocumentCache {
 public:
  //! The document for `path`, opened on first use; the previous one is closed, so a thread holds
  //! at most one document.
  const poppler::document& get(const std::filesystem::path& path);

 private:
  std::filesystem::path path_;
  std::unique_ptr<poppler::document> document_;
};

}  // namespace gridlift
