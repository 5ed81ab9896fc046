#include "pipeline/batch_run.h"

#include <poll.h>
#include <signal.h>
#include <sys/prctl.h>
#include <unistd.h>

#include <spdlog/spdlog.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdlib>
#include <iostream>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <thread>

#include "models/hex_text.h"
#include "models/printable_text.h"
#include "pipeline/batch_lock.h"
#include "pipeline/batch_progress.h"
#include "pipeline/file_digest.h"
#include "pipeline/run_error.h"
#include "pipeline/worker_process.h"
#include "stages/export/output_files.h"
#include "stages/load/input_error.h"
#include "stages/load/pdf_document.h"

namespace gridlift {
namespace {

using Clock = std::chrono::steady_clock;

std::atomic<int> stop_signal{0};

extern "C" void remember_stop_signal(int signal) {
  stop_signal = signal;
}

// SIGINT/SIGTERM stop the batch between polls; SIGPIPE (a worker that died while being written
// to) must not kill the parent.
class BatchSignals {
 public:
  BatchSignals() {
    stop_signal = 0;
    struct sigaction action {};
    action.sa_handler = remember_stop_signal;
    sigemptyset(&action.sa_mask);
    sigaction(SIGINT, &action, &old_int_);
    sigaction(SIGTERM, &action, &old_term_);
    struct sigaction ignore {};
    ignore.sa_handler = SIG_IGN;
    sigaction(SIGPIPE, &ignore, &old_pipe_);
  }
  ~BatchSignals() {
    sigaction(SIGINT, &old_int_, nullptr);
    sigaction(SIGTERM, &old_term_, nullptr);
    sigaction(SIGPIPE, &old_pipe_, nullptr);
  }
  BatchSignals(const BatchSignals&) = delete;
  BatchSignals& operator=(const BatchSignals&) = delete;

 private:
  struct sigaction old_int_ {
  }, old_term_{}, old_pipe_{};
};

// The inputs that belong to `shard`, in their order.
std::vector<InputDocument> inputs_of_shard(const std::vector<InputDocument>& inputs, const Shard& shard) {
  std::vector<InputDocument> mine;
  for (const auto& input : inputs)
    if (in_shard(input.output_name, shard)) mine.push_back(input);
  return mine;
}

struct Slot {
  std::unique_ptr<WorkerProcess> worker;
  std::optional<ManifestEntry> document;  //!< the one it is reading
  Clock::time_point started;
};

class Batch {
 public:
  Batch(const std::vector<InputDocument>& inputs, const BatchOptions& options)
      : options_(options),
        manifest_(manifest_path(options.output_folder, options.shard)),
        pending_(inputs_of_shard(inputs, options.shard)),
        progress_(pending_.size(), options.live_progress),
        slots_(static_cast<size_t>(std::max(1, options.jobs))) {
    if (options.resume)
      done_before_ = standing_entries(read_manifest(manifest_path(options.output_folder, options.shard)));
    summary_.total = static_cast<int>(pending_.size());
  }

  BatchSummary run() {
    size_t next = 0;
    for (;;) {
      if (stop_signal != 0) {
        stop();
        break;
      }
      for (auto& slot : slots_) {
        while (!slot.document && next < pending_.size()) dispatch(slot, pending_[next++]);
      }
      const bool busy =
          std::any_of(slots_.begin(), slots_.end(), [](const Slot& s) { return s.document.has_value(); });
      if (!busy && next >= pending_.size()) break;
      wait_for_replies();
      enforce_timeouts();
      progress_.tick();
    }
    for (auto& slot : slots_) slot.worker.reset();  // closes their input: idle workers exit
    progress_.finish();
    std::sort(finished_.begin(), finished_.end(),
              [](const ManifestEntry& a, const ManifestEntry& b) { return a.seconds > b.seconds; });
    finished_.resize(std::min<size_t>(finished_.size(), 5));
    summary_.slowest = finished_;
    return summary_;
  }

 private:
  void dispatch(Slot& slot, const InputDocument& input) {
    ManifestEntry entry;
    entry.path = input.path.string();
    entry.name = input.output_name;
    const std::string shown = printable_text(entry.path);
    if (auto clash = names_.claim(input.output_name, shown); !clash.empty()) {
      entry.status = "failed";
      entry.error = shown + ": " + clash;
      record(entry);
      return;
    }
    try {
      check_input_file(input.path);  // a pipe named .pdf would block the digest below
      entry.sha256 = sha256_of_file(input.path);
    } catch (const InputError& e) {
      entry.status = "failed";
      entry.error = e.what();
      record(entry);
      return;
    } catch (const std::exception& e) {
      entry.status = "failed";
      entry.error = shown + ": " + e.what();
      record(entry);
      return;
    }
    if (auto done = done_before_.find(entry.name);
        done != done_before_.end() && done->second.sha256 == entry.sha256 &&
        (done->second.status == "ok" || done->second.status == "skipped")) {
      entry.status = "skipped";
      entry.pages = done->second.pages;
      entry.tables = done->second.tables;
      record(entry);
      return;
    }
    remove_partial_outputs(options_.output_folder, entry.name);
    // The path travels as hex: a file name need not be UTF-8, and JSON carries only UTF-8
    // (replacing the bad bytes would name another file).
    const std::string request = nlohmann::json{{"path_hex", to_hex(entry.path)}, {"name", entry.name}}.dump(
        -1, ' ', false, nlohmann::json::error_handler_t::replace);
    // An idle worker may have died since its last document (the OOM killer, an operator): one
    // fresh worker is tried before the document is given up.
    for (int attempt = 0; attempt < 2; ++attempt) {
      try {
        if (!slot.worker) slot.worker = std::make_unique<WorkerProcess>(options_.worker_command);
      } catch (const std::exception& e) {
        entry.status = "failed";
        entry.error = shown + ": " + e.what();
        record(entry);
        return;
      }
      if (slot.worker->send(request)) {
        slot.document = entry;
        slot.started = Clock::now();
        return;
      }
      slot.worker->wait_for_exit();
      slot.worker.reset();
    }
    entry.status = "failed";
    entry.error = shown + ": no worker could be started to read it";
    record(entry);
  }

  void wait_for_replies() {
    std::vector<pollfd> fds;
    std::vector<Slot*> polled;
    for (auto& slot : slots_)
      if (slot.document) {
        fds.push_back({slot.worker->reply_fd(), POLLIN, 0});
        polled.push_back(&slot);
      }
    if (fds.empty()) return;
    if (::poll(fds.data(), fds.size(), 250) <= 0) return;  // timeout, or a signal: the loop looks
    for (size_t i = 0; i < fds.size(); ++i) {
      if (!(fds[i].revents & (POLLIN | POLLHUP | POLLERR))) continue;
      Slot& slot = *polled[i];
      if (!slot.worker->receive()) {
        worker_died(slot);
        continue;
      }
      while (auto line = slot.worker->next_reply()) answered(slot, *line);
    }
  }

  void answered(Slot& slot, const std::string& line) {
    if (!slot.document) return;
    ManifestEntry entry = *slot.document;
    entry.seconds = std::chrono::duration<double>(Clock::now() - slot.started).count();
    try {
      auto reply = nlohmann::json::parse(line);
      entry.status = reply.at("status").get<std::string>();
      entry.pages = reply.value("pages", 0);
      entry.tables = reply.value("tables", 0);
      entry.error = reply.value("error", "");
    } catch (const std::exception& e) {
      entry.status = "failed";
      entry.error = printable_text(entry.path) + ": the worker's answer was unreadable (" + e.what() + ")";
    }
    slot.document.reset();
    record(entry);
  }

  // Records the document `slot` was reading as not done (`status`, `why`), after its worker is
  // gone, and clears what that worker may have half-written.
  void give_up(Slot& slot, const std::string& status, const std::string& why) {
    slot.worker.reset();
    if (!slot.document) return;
    ManifestEntry entry = *slot.document;
    slot.document.reset();
    entry.seconds = std::chrono::duration<double>(Clock::now() - slot.started).count();
    entry.status = status;
    entry.error = printable_text(entry.path) + ": " + why;
    remove_partial_outputs(options_.output_folder, entry.name);
    record(entry);
  }

  void worker_died(Slot& slot) {
    const std::string how = slot.worker->wait_for_exit();
    give_up(slot, "failed",
            "the worker reading it died (" + how + "); a crash in Poppler or Tesseract, or out of memory");
  }

  void enforce_timeouts() {
    if (options_.timeout_seconds <= 0) return;
    for (auto& slot : slots_) {
      if (!slot.document) continue;
      const double seconds = std::chrono::duration<double>(Clock::now() - slot.started).count();
      if (seconds < options_.timeout_seconds) continue;
      slot.worker->kill_now();
      char limit[32];
      std::snprintf(limit, sizeof limit, "%g", options_.timeout_seconds);
      give_up(slot, "timeout",
              std::string("not done after ") + limit + " s (the time limit); its worker was stopped");
    }
  }

  // Ctrl-C or SIGTERM: documents being read are dropped (they are redone by --resume), and
  // their temporaries removed; everything recorded stays.
  void stop() {
    summary_.interrupted = true;
    for (auto& slot : slots_) {
      if (slot.worker) slot.worker->kill_now();
      slot.worker.reset();
      if (slot.document) remove_partial_outputs(options_.output_folder, slot.document->name);
      slot.document.reset();
    }
  }

  void record(const ManifestEntry& entry) {
    manifest_.append(entry);
    if (entry.status == "ok") {
      ++summary_.ok;
      summary_.pages += entry.pages;
      summary_.tables += entry.tables;
      finished_.push_back(entry);
      progress_.document_finished(entry.pages, false);
      spdlog::debug("{}: {} pages, {} tables ({:.2f} s)", printable_text(entry.path), entry.pages,
                    entry.tables, entry.seconds);
    } else if (entry.status == "skipped") {
      ++summary_.skipped;
      progress_.document_skipped();
    } else {
      (entry.status == "timeout" ? summary_.timed_out : summary_.failed)++;
      summary_.failures.push_back(entry);
      progress_.document_finished(entry.pages, true);
      if (options_.live_progress) std::fprintf(stderr, "\r\033[K");
      spdlog::error("{}", entry.error);
    }
  }

  const BatchOptions& options_;
  ManifestWriter manifest_;
  std::vector<InputDocument> pending_;
  BatchProgress progress_;
  std::vector<Slot> slots_;
  std::map<std::string, ManifestEntry> done_before_;
  OutputNames names_;
  std::vector<ManifestEntry> finished_;
  BatchSummary summary_;
};

// Test-only: GRIDLIFT_TEST_FAULT=abort:TEXT or hang:TEXT.
void inject_fault(const std::string& path) {
  const char* fault = std::getenv("GRIDLIFT_TEST_FAULT");
  if (!fault) return;
  const std::string spec = fault;
  const auto colon = spec.find(':');
  if (colon == std::string::npos || path.find(spec.substr(colon + 1)) == std::string::npos) return;
  if (spec.compare(0, colon, "abort") == 0) std::abort();
  if (spec.compare(0, colon, "hang") == 0)
    for (;;) std::this_thread::sleep_for(std::chrono::hours(1));
}

}  // namespace

std::filesystem::path manifest_path(const std::filesystem::path& folder, const Shard& shard) {
  if (shard.count == 1) return folder / "manifest.jsonl";
  return folder /
         ("manifest.shard-" + std::to_string(shard.index) + "-of-" + std::to_string(shard.count) + ".jsonl");
}

BatchSummary run_batch(const std::vector<InputDocument>& inputs, const BatchOptions& options) {
  std::optional<BatchLock> lock;
  try {
    ensure_writable_folder(options.output_folder);
    lock.emplace(manifest_path(options.output_folder, options.shard));
  } catch (const std::runtime_error& e) {
    throw RunError(ExitCode::kOutputUnwritable, e.what());
  }
  BatchSignals signals;
  Batch batch(inputs, options);
  return batch.run();
}

int serve_batch_requests(const RunOptions& run, pid_t parent) {
  // A worker dies with its batch: a parent killed with -9 closes no pipe the worker is reading
  // while it works on a document, and an orphan would write outputs no manifest records, ignore
  // --timeout and race a --resume. If the parent died before this line, it is gone already.
  ::prctl(PR_SET_PDEATHSIG, SIGKILL);
  if (parent > 0 && ::getppid() != parent) return 1;
  // Replies travel on the real stdout; anything a library prints to stdout goes to stderr
  // instead, where it cannot break a reply line.
  const int replies = ::dup(STDOUT_FILENO);
  if (replies < 0 || ::dup2(STDERR_FILENO, STDOUT_FILENO) < 0) return 1;
  FILE* out = ::fdopen(replies, "w");
  if (!out) return 1;
  for (std::string line; std::getline(std::cin, line);) {
    nlohmann::json reply;
    try {
      auto request = nlohmann::json::parse(line);
      const InputDocument input{from_hex(request.at("path_hex").get<std::string>()),
                                request.at("name").get<std::string>()};
      inject_fault(input.path.string());
      RunSummary summary = run_extraction(std::vector<InputDocument>{input}, run);
      reply = {{"status", summary.documents_done == 1 ? "ok" : "failed"},
               {"pages", summary.pages},
               {"tables", summary.tables},
               {"error", summary.failures.empty() ? "" : summary.failures.front()}};
    } catch (const std::exception& e) {
      reply = {{"status", "failed"}, {"pages", 0}, {"tables", 0}, {"error", e.what()}};
    }
    const std::string text = reply.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
    std::fputs(text.c_str(), out);
    std::fflush(out);
  }
  std::fclose(out);
  return 0;
}

}  // namespace gridlift
