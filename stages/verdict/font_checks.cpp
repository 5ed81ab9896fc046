#include "stages/verdict/font_checks.h"

#include <algorithm>

namespace gridlift {

bool FontChecks::all_confirmed(const std::set<std::string>& fonts) const {
  std::lock_guard lock(mutex_);
  return std::includes(confirmed_.begin(), confirmed_.end(), fonts.begin(), fonts.end());
}

void FontChecks::confirm(const std::set<std::string>& fonts) {
  std::lock_guard lock(mutex_);
  confirmed_.insert(fonts.begin(), fonts.end());
}

}  // namespace gridlift
