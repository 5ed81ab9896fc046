#pragma once
// The cn-budget domain profile, as a run loads it from profiles/ (the build folder's copy), for
// unit tests of the rules and checks that read a field's words.

#include "models/domain_profile.h"
#include "pipeline/domain_profiles.h"

namespace gridlift {

inline const DomainProfile& cn_budget() {
  return *default_profile();
}

}  // namespace gridlift
