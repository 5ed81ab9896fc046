#pragma once
// assemble: arithmetic checks over a whole document, a table continued on later pages
// checked as one (a hierarchy split by a page break adds up only across it).

#include <vector>

#include "models/document.h"
#include "models/domain_profile.h"

namespace gridlift {

struct DocumentChecks {
  std::vector<ArithmeticCheck> checks;  //!< each within one table part, in that part's coordinates
  int spanning_page_breaks = 0;         //!< checks whose cells lie in two parts: computed, not listed
};

//! Runs find_table_checks on every table, joining each `continues` chain
//! first (header rows the continuation repeats are dropped).
DocumentChecks check_document(const std::vector<PageResult>& pages, const DomainProfile& profile);

}  // namespace gridlift
