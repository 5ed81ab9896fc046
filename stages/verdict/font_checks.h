#pragma once
// verdict: what OCR has already confirmed about a document's fonts. A broken ToUnicode
// map belongs to a font, and a document uses the same few fonts on every page: once OCR agreed
// with the text of a font on one page, later pages set in the same fonts need not be checked
// again (the check costs ~70 ms a page; the rest of a text page ~40 ms). Shared by the threads
// reading one document's pages.

#include <mutex>
#include <set>
#include <string>

namespace gridlift {

class FontChecks {
 public:
  //! Every font of `fonts` was confirmed by OCR on some page of this document.
  bool all_confirmed(const std::set<std::string>& fonts) const;
  void confirm(const std::set<std::string>& fonts);

 private:
  mutable std::mutex mutex_;
  std::set<std::string> confirmed_;
};

}  // namespace gridlift
