#pragma once
// `gridlift batch`: many documents, each extracted in a worker process (gridlift starting itself
// as `gridlift batch-worker`), so that one document that crashes Poppler or Tesseract, runs out of
// memory or hangs past --timeout costs only itself: its worker is replaced, the failure recorded,
// and the batch goes on. Every document ends in one manifest line (manifest.h); --resume skips
// documents the manifest records as done for the same content; --shard K/N takes a slice.
//
//   run_batch: for each input of this shard, in order:
//     sha256 -> done before? (skipped) -> a free worker -> request line -> reply line or death
//     or timeout -> manifest line (fsync'ed) -> progress

#include <sys/types.h>

#include <filesystem>
#include <string>
#include <vector>

#include "pipeline/extraction_run.h"
#include "pipeline/input_list.h"
#include "pipeline/manifest.h"
#include "pipeline/page_processor.h"
#include "pipeline/shard.h"

namespace gridlift {

struct BatchOptions {
  std::filesystem::path output_folder;
  int jobs = 1;  //!< worker processes, each reading one document at a time on one thread
  bool resume = false;
  Shard shard;
  double timeout_seconds = 0;  //!< per document; 0: no limit
  //! The command that starts one worker: the program's own path, "batch-worker" and the
  //! extraction options (see serve_batch_requests).
  std::vector<std::string> worker_command;
  bool live_progress = false;  //!< redraw one progress line (stderr is a terminal)
};

struct BatchSummary {
  int total = 0;  //!< documents in this shard
  int ok = 0, failed = 0, timed_out = 0, skipped = 0;
  long pages = 0, tables = 0;
  bool interrupted = false;             //!< SIGINT or SIGTERM: stopped, finished documents kept
  std::vector<ManifestEntry> failures;  //!< failed and timed-out documents
  std::vector<ManifestEntry> slowest;   //!< up to 5, slowest first
};

//! `folder`/manifest.jsonl, or manifest.shard-K-of-N.jsonl for a shard, so shards writing into
//! one shared folder never share a manifest.
std::filesystem::path manifest_path(const std::filesystem::path& folder, const Shard& shard);

//! Runs the batch. Throws RunError(kOutputUnwritable) only if the output folder or the manifest cannot be
//! written (before any work); every document's own failure is recorded and reported instead.
BatchSummary run_batch(const std::vector<InputDocument>& inputs, const BatchOptions& options);

//! The worker's side, started by the batch `parent` (0: by anyone): dies with it (SIGKILL when the
//! parent ends), and returns at once if `parent` is gone already. Reads requests
//! {"path_hex": P, "name": N} (P: the path's bytes in hex) from stdin, one per line, extracts
//! each with `run` (one thread, outputs in run.output_folder) and answers each on stdout with
//! {"status": "ok"|"failed", "pages": n, "tables": n, "error": "..."}. Returns at end of input.
//! Test-only fault injection: GRIDLIFT_TEST_FAULT=abort:TEXT or hang:TEXT makes the worker abort,
//! or hang, on a document whose path contains TEXT.
int serve_batch_requests(const RunOptions& run, pid_t parent);

}  // namespace gridlift
