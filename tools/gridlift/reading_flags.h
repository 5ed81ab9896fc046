#pragma once
// How pages are read, as the command line says it: declared, parsed and forwarded in this one
// place, so that `extract`, `overlay`, `batch` and the batch's workers cannot read differently.

#include <CLI/CLI.hpp>
#include <string>
#include <vector>

#include "pipeline/domain_profiles.h"
#include "pipeline/extraction_run.h"

namespace gridlift {

struct ReadingFlags {
  std::string pages;  //!< "" for all
  double dpi = 150;
  std::string ocr = "auto";
  bool no_text_check = false;
  std::string profile = kDefaultProfile;  //!< a name, or a folder path
};

//! Declares the flags on `command`; `hidden` keeps them out of its --help (the batch worker).
void add_reading_flags(CLI::App& command, ReadingFlags& flags, bool hidden = false);

//! The flags as arguments to hand a worker, which declares them with add_reading_flags().
std::vector<std::string> reading_arguments(const ReadingFlags& flags);

//! Sets what the flags decide in `run`, loading the profile. Throws RunError(kUsage) for a bad
//! page selection or a profile that cannot be found or read.
void apply_reading_flags(const ReadingFlags& flags, RunOptions& run);

}  // namespace gridlift
