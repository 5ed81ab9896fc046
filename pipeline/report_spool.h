#pragma once
// The page images of one document's HTML report, kept in an unnamed temporary file until the
// document's last page is done: a 2,000-page report would otherwise hold ~300 MB of images in
// memory, and batch runs must stay bounded.

#include <cstdio>
#include <string>
#include <vector>

namespace gridlift {

class ReportSpool {
 public:
  ReportSpool() = default;
  ~ReportSpool();
  ReportSpool(const ReportSpool&) = delete;
  ReportSpool& operator=(const ReportSpool&) = delete;

  //! Stores `image` as the next one. Throws std::runtime_error if the temporary file fails; the
  //! index is used all the same (it reads back as "").
  void append(const std::string& image);
  //! The `index`-th image appended.
  std::string read(size_t index);

 private:
  std::FILE* file_ = nullptr;  // std::tmpfile(): removed by the system when closed
  struct Extent {
    long offset;
    size_t size;
  };
  std::vector<Extent> extents_;
};

}  // namespace gridlift
