#pragma once

#include <string>
#include <vector>

namespace gridlift {

//! Pages chosen with --pages: "3", "3-5", "1,4,7-9", "5-" (to the end). Empty text: every page.
class PageSelection {
 public:
  //! Throws std::invalid_argument with the offending part if `spec` is malformed.
  static PageSelection parse(const std::string& spec);

  //! 0-based indexes of the selected pages that exist in a document of `page_count` pages.
  std::vector<int> resolve(int page_count) const;

 private:
  struct Range {
    int first = 1, last = -1;  // 1-based, last -1 = to the end
  };
  std::vector<Range> ranges_;
};

}  // namespace gridlift
