#include "tools/gridlift/batch_command.h"

#include <spdlog/spdlog.h>
#include <unistd.h>

#include <filesystem>
#include <iostream>

#include "pipeline/batch_run.h"
#include "pipeline/exit_code.h"
#include "pipeline/run_error.h"
#include "stages/export/output_files.h"

namespace gridlift {
namespace {

int code(ExitCode c) {
  return static_cast<int>(c);
}

void print_summary(const BatchSummary& s, const std::filesystem::path& manifest) {
  spdlog::info(
      "batch {}: {} documents in this run: {} ok, {} failed, {} timed out, {} skipped (done before); {} "
      "pages, {} tables; manifest {}",
      s.interrupted ? "interrupted" : "done", s.total, s.ok, s.failed, s.timed_out, s.skipped, s.pages,
      s.tables, manifest.string());
  for (const auto& f : s.failures) spdlog::info("  {}: {}", f.status, f.error);
  if (!s.slowest.empty()) {
    spdlog::info("slowest documents:");
    for (const auto& d : s.slowest) spdlog::info("  {:8.2f} s  {:5} pages  {}", d.seconds, d.pages, d.path);
  }
  if (s.interrupted)
    spdlog::info("rerun the same command with --resume to finish: finished documents are not redone");
}

}  // namespace

int run_batch_command(const BatchCommand& command) {
  BatchOptions options;
  options.output_folder = command.output;
  options.jobs = command.jobs;
  options.resume = command.resume;
  options.timeout_seconds = command.timeout_seconds;
  try {
    options.shard = parse_shard(command.shard);
  } catch (const std::invalid_argument& e) {
    std::cerr << "gridlift: --shard " << e.what() << "\n";
    return code(ExitCode::kUsage);
  }
  std::error_code ec;
  const auto self = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (ec) {
    std::cerr << "gridlift: cannot find its own program to start workers (" << ec.message() << ")\n";
    return code(ExitCode::kInternal);
  }
  options.worker_command = {self.string(),  "batch-worker", "-o",
                            command.output, "--parent-pid", std::to_string(::getpid())};
  options.worker_command.insert(options.worker_command.end(), command.worker_arguments.begin(),
                                command.worker_arguments.end());
  if (command.max_pages_in_flight > 0) {
    // Each worker reads one page at a time and keeps at most this many in its pipeline.
    const int per_worker = std::max(1, command.max_pages_in_flight / std::max(1, command.jobs));
    options.worker_command.insert(options.worker_command.end(),
                                  {"--pages-in-flight", std::to_string(per_worker)});
  }
  options.live_progress = ::isatty(STDERR_FILENO) == 1 && spdlog::get_level() <= spdlog::level::info;

  std::vector<std::filesystem::path> paths(command.inputs.begin(), command.inputs.end());
  BatchSummary summary;
  try {
    summary = run_batch(expand_inputs(paths), options);
  } catch (const RunError& e) {
    spdlog::error("{}", e.what());
    return code(e.exit_code());
  }
  print_summary(summary, manifest_path(options.output_folder, options.shard));
  if (summary.interrupted) return code(ExitCode::kInterrupted);
  return code(summary.failed + summary.timed_out > 0 ? ExitCode::kSomeFailed : ExitCode::kOk);
}

int run_batch_worker(const RunOptions& run, int parent_pid) {
  spdlog::set_level(spdlog::level::off);  // the parent reports every outcome
  return serve_batch_requests(run, static_cast<pid_t>(parent_pid));
}

int run_manifest_merge(const std::vector<std::string>& manifests, const std::string& output) {
  std::vector<ManifestEntry> all;
  for (const auto& path : manifests) {
    if (!std::filesystem::exists(path)) {
      std::cerr << "gridlift: " << path << ": no such manifest\n";
      return code(ExitCode::kSomeFailed);
    }
    auto entries = read_manifest(path);
    all.insert(all.end(), entries.begin(), entries.end());
  }
  std::string text;
  int ok = 0, failed = 0, timed_out = 0, skipped = 0;
  long pages = 0;
  for (const auto& [name, entry] : standing_entries(all)) {
    text += manifest_line(entry) + "\n";
    ok += entry.status == "ok";
    failed += entry.status == "failed";
    timed_out += entry.status == "timeout";
    skipped += entry.status == "skipped";
    pages += entry.pages;
  }
  write_file_atomically(output, text);
  std::cout << output << ": " << ok + failed + timed_out + skipped << " documents: " << ok << " ok, "
            << failed << " failed, " << timed_out << " timed out, " << skipped << " skipped; " << pages
            << " pages\n";
  return code(failed + timed_out > 0 ? ExitCode::kSomeFailed : ExitCode::kOk);
}

}  // namespace gridlift
