#pragma once
// The batch subcommands of the command line: `batch` (the parent), `batch-worker` (started by
// it, one per --jobs), `manifest merge`.

#include <string>
#include <vector>

#include "pipeline/extraction_run.h"

namespace gridlift {

struct BatchCommand {
  std::vector<std::string> inputs;
  std::string output;
  int jobs = 1;
  bool resume = false;
  std::string shard = "1/1";
  double timeout_seconds = 0;
  int max_pages_in_flight = 0;
  //! What each worker is told: the extraction options as given on the command line.
  std::vector<std::string> worker_arguments;
};

//! Runs a batch and prints its summary. Returns the process exit status.
int run_batch_command(const BatchCommand& command);

//! The worker side; `run` holds the extraction options. Returns the process exit status.
int run_batch_worker(const RunOptions& run, int parent_pid);

//! Joins manifests (of shards, or of several runs) into `output`: the standing entry per
//! document, sorted by name; prints the totals. Returns the process exit status.
int run_manifest_merge(const std::vector<std::string>& manifests, const std::string& output);

}  // namespace gridlift
