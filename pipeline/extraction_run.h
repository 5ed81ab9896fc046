#pragma once
// The batch: a oneTBB flow graph that takes every selected page of every input through the
// stages and writes each document's outputs as soon as its last page is done.
//
//   source (serial: opens each PDF, checks it, emits its pages)
//     -> limiter (caps pages in flight, so memory stays bounded on any batch size)
//     -> process (parallel: page_processor, one poppler::document per thread)
//     -> sequencer (restores document/page order)
//     -> writer (serial: collects a document's pages, links continued tables, writes files)
//     -> limiter's decrementer (frees the slot)

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "pipeline/input_list.h"
#include "pipeline/page_processor.h"
#include "pipeline/page_selection.h"
#include "stages/export/overlay_writer.h"

namespace gridlift {

struct RunOptions {
  ExtractOptions extract;
  std::filesystem::path output_folder;
  int jobs = 1;                          //!< worker threads
  PageSelection pages;                   //!< which pages of each document
  bool resume = false;                   //!< skip inputs whose NAME.json exists for the same file content
  int pages_in_flight = 0;               //!< 0: 2 x jobs + 2
  std::filesystem::path overlay_folder;  //!< if set, a PNG per page showing what extraction saw
  OverlayLayers overlay_layers;          //!< what those PNGs show
  bool report = false;                   //!< also write NAME.report.html per document
  bool xlsx = false;                     //!< also write NAME.xlsx per document
  bool write_results = true;             //!< false: overlays only (gridlift overlay), no JSON/MD/CSV
};

struct RunSummary {
  int documents_done = 0;
  int documents_skipped = 0;
  int documents_failed = 0;
  int pages = 0;
  int tables = 0;
  std::vector<std::string> failures;  //!< one line each: "file: cause"
};

//! Runs the batch. Never throws for a bad input: each failure is logged as one line and listed in
//! the summary, and the other inputs go on. Throws RunError(kOutputUnwritable) if the output
//! folder cannot be written (checked before any work).
RunSummary run_extraction(const std::vector<InputDocument>& inputs, const RunOptions& options);

//! The same for files and folders as given on a command line (see expand_inputs).
RunSummary run_extraction(const std::vector<std::filesystem::path>& inputs, const RunOptions& options);

}  // namespace gridlift
