#pragma once
// The result for one page.

#include <string>
#include <vector>

#include "models/table.h"

namespace gridlift {

//! Where the text of a page came from.
enum class PageMode {
  kText,   //!< the PDF text layer
  kOcr,    //!< recognised from pixels
  kMixed,  //!< some of each
  kNone,   //!< no usable text: the grid is reported with empty cells
};

const char* to_string(PageMode mode);
PageMode page_mode_from_string(const std::string& name);

struct PageResult {
  int page = 0;       //!< 1-based page number
  double width = 0;   //!< upright width in points
  double height = 0;  //!< upright height in points
  int rotation = 0;   //!< degrees the page was turned clockwise to read upright
  PageMode mode = PageMode::kText;
  std::vector<Table> tables;
  std::vector<TextBlock> blocks;  //!< text outside tables, in reading order
  bool operator==(const PageResult&) const = default;
};

}  // namespace gridlift
