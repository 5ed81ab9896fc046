#include "tools/gridlift/reading_flags.h"

#include <sstream>

#include "pipeline/run_error.h"

namespace gridlift {

void add_reading_flags(CLI::App& command, ReadingFlags& flags, bool hidden) {
  std::vector<CLI::Option*> declared;
  declared.push_back(
      command.add_option("--pages", flags.pages, "Pages of each PDF: 3, 3-5, 1,4,7-9 or 5- (default: all)"));
  declared.push_back(command.add_option("--dpi", flags.dpi, "Resolution pages are drawn at to find rulings")
                         ->capture_default_str()
                         ->check(CLI::Range(50.0, 600.0)));
  declared.push_back(
      command
          .add_option("--ocr", flags.ocr,
                      "When to read a page from pixels. auto: when it has no text layer, a garbled one, one "
                      "that leaves most of the page's ink without text, or one that OCR of a few sample "
                      "cells contradicts; cells a trusted layer leaves empty but inked are OCR'd alone "
                      "(page mode mixed). always: every page. never: no page (pages without text keep "
                      "their grid with empty cells, mode none)")
          ->capture_default_str()
          ->check(CLI::IsMember({"auto", "always", "never"})));
  declared.push_back(command.add_flag(
      "--no-text-check", flags.no_text_check,
      "With --ocr auto, trust a text layer that passes the code-point and ink checks without "
      "reading 4 numbers and 2 labels per page again by OCR. Faster on born-digital batches "
      "(~2x measured on short reports), but a font whose ToUnicode map lies plausibly "
      "(every 1 copied as 2) goes unnoticed"));
  // Listed once: main declares these flags on three subcommands, each scanning the same folders.
  static const std::string found = [] {
    std::string names;
    for (const std::string& name : available_profiles()) names += (names.empty() ? "" : ", ") + name;
    return names;
  }();
  declared.push_back(
      command
          .add_option("--profile", flags.profile,
                      "What the documents' field is: the words their tables are made of (to put misread "
                      "labels right and find totals), their subject codes, and the OCR languages. A name "
                      "(found here: " +
                          (found.empty() ? std::string("none") : found) +
                          ") or a profile folder; see profiles/README.md")
          ->capture_default_str());
  if (hidden)
    for (auto* option : declared) option->group("");
}

std::vector<std::string> reading_arguments(const ReadingFlags& flags) {
  std::ostringstream dpi;
  dpi.precision(17);  // the worker must draw at exactly the dpi asked
  dpi << flags.dpi;
  std::vector<std::string> arguments = {"--dpi", dpi.str(), "--ocr", flags.ocr};
  if (!flags.pages.empty()) arguments.insert(arguments.end(), {"--pages", flags.pages});
  if (flags.no_text_check) arguments.push_back("--no-text-check");
  arguments.insert(arguments.end(), {"--profile", flags.profile});
  return arguments;
}

void apply_reading_flags(const ReadingFlags& flags, RunOptions& run) {
  try {
    run.pages = PageSelection::parse(flags.pages);
  } catch (const std::invalid_argument& e) {
    throw RunError(ExitCode::kUsage, std::string("--pages: ") + e.what());
  }
  run.extract.raster.dpi = flags.dpi;
  run.extract.ocr = ocr_policy_from_string(flags.ocr);
  if (flags.no_text_check) run.extract.cross_check_numbers = run.extract.cross_check_labels = 0;
  try {
    run.extract.profile = load_profile(flags.profile);
  } catch (const ProfileError& e) {
    throw RunError(ExitCode::kUsage, std::string("--profile: ") + e.what());
  }
}

}  // namespace gridlift
