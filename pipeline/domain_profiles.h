#pragma once
// Finding and loading domain profiles (models/domain_profile.h). A profile is a folder NAME/ holding
// profile.json and the label file it names; profiles are looked for, in order, in
// $GRIDLIFT_PROFILES, in profiles/ beside the binary, in ../share/gridlift/profiles from it (an
// installed gridlift), and in the build tree's copy of the sources' profiles/ (a gridlift run
// from its build folder). A path with a slash names a profile folder directly.

#include <filesystem>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "models/domain_profile.h"

namespace gridlift {

//! The profile a run uses when none is named.
inline constexpr const char* kDefaultProfile = "cn-budget";

//! A profile that cannot be found or read: the message names it, the file and the cause.
class ProfileError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

//! The folders searched for a profile by name, in order (those that do not exist included).
std::vector<std::filesystem::path> profile_search_path();

//! The names of the profiles found on profile_search_path(), each once, sorted.
std::vector<std::string> available_profiles();

//! The profile `name_or_folder`, read from its files; throws ProfileError.
std::shared_ptr<const DomainProfile> load_profile(const std::string& name_or_folder);

//! kDefaultProfile, loaded on first use and kept (for callers that name none: tests, the
//! benchmark); throws ProfileError.
std::shared_ptr<const DomainProfile> default_profile();

}  // namespace gridlift
