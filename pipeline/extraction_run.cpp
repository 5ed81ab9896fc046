#include "pipeline/extraction_run.h"

#include <spdlog/spdlog.h>
#include <tbb/enumerable_thread_specific.h>
#include <tbb/flow_graph.h>
#include <tbb/task_arena.h>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>

#include "models/document_json.h"
#include "models/printable_text.h"
#include "models/thread_handoff.h"
#include "pipeline/document_cache.h"
#include "pipeline/domain_profiles.h"
#include "pipeline/file_digest.h"
#include "pipeline/report_spool.h"
#include "pipeline/run_error.h"
#include "pipeline/thread_limit.h"
#include "stages/assemble/arithmetic_checks.h"
#include "stages/assemble/check_verdicts.h"
#include "stages/assemble/continuation.h"
#include "stages/assemble/document_checks.h"
#include "stages/correct/sum_repair.h"
#include "stages/export/html_report.h"
#include "stages/export/output_files.h"
#include "stages/export/overlay_writer.h"
#include "stages/export/xlsx_writer.h"
#include "stages/load/content_budget.h"
#include "stages/load/input_error.h"
#include "stages/load/pdf_document.h"

namespace gridlift {
namespace {

// The sums of a page's tables that do not add up as the page was read, for its overlay (a check
// across a page break, which the document joins first, is not among them).
std::vector<ArithmeticCheck> failed_sums_of(const PageResult& page, const DomainProfile& profile) {
  std::vector<ArithmeticCheck> failed;
  for (const auto& table : page.tables)
    for (auto& check : find_arithmetic_checks(table, profile))
      if (!check.ok) failed.push_back(std::move(check));
  return failed;
}

using Clock = std::chrono::steady_clock;

//! One input document on its way through the graph. Owned jointly by its page tasks; only the
//! serial writer mutates `pages` and `errors`.
struct DocumentJob {
  size_t ordinal = 0;  //!< 1-based position among the inputs, for progress lines
  std::filesystem::path path;
  std::string shown;  //!< `path` as messages print it (printable_text)
  std::string stem;
  DocumentResult result;
  std::vector<int> page_indexes;  //!< 0-based pages to process
  //! Why each of those pages must not be drawn, "" for those that may (see content_budget.h).
  std::vector<std::string> refusals;
  //! What each of those pages' content asks of the renderer (unmeasured: the defaults).
  std::vector<PageContentLoad> contents;
  size_t received = 0;
  std::vector<std::string> errors;  //!< pages that failed
  std::string output_error;         //!< why an output asked for cannot be complete (the report's spool)
  Clock::time_point started = Clock::now();
  FontChecks fonts;                          //!< shared by the threads reading its pages
  std::vector<ReportPageNote> report_notes;  //!< with --report: one per page in result.pages
  ReportSpool report_images;                 //!< and their images
};

struct PageTask {
  size_t sequence = 0;
  std::shared_ptr<DocumentJob> document;
  int page_index = 0;
  std::string refusal;  //!< why the page is not drawn, if it is not
  PageContentLoad content;
};

struct PageOutcome {
  size_t sequence = 0;
  std::shared_ptr<DocumentJob> document;
  std::optional<PageWork> work;
  std::string error;
  std::string report_image;  //!< with --report: the page's overlay, encoded
};

// True when `folder/stem.json` already holds a result for a file with this content, and every other
// output asked for is there too (a report that a full disk stopped makes the document not done).
bool already_done(const std::filesystem::path& folder, const std::string& stem, const std::string& sha256,
                  bool report, bool xlsx) {
  std::error_code ec;
  if (report && !std::filesystem::is_regular_file(folder / (stem + ".report.html"), ec)) return false;
  if (xlsx && !std::filesystem::is_regular_file(folder / (stem + ".xlsx"), ec)) return false;
  std::ifstream in(folder / (stem + ".json"));
  if (!in) return false;
  try {
    auto j = nlohmann::json::parse(in);
    return j.value("sha256", "") == sha256;
  } catch (const std::exception&) {
    return false;  // unreadable: extract again
  }
}

// Yields page tasks one document at a time; opens and checks each document before its pages go.
// What it skips and what fails to open it counts apart from the writer's summary: the two run at
// the same time on different threads.
class TaskSource {
 public:
  TaskSource(const std::vector<InputDocument>& inputs, const RunOptions& options)
      : inputs_(inputs), options_(options) {}

  //! The documents skipped or failed before any of their pages went out.
  const RunSummary& opening() const { return opening_; }

  std::optional<PageTask> next() {
    while (!current_ || next_page_ >= current_->page_indexes.size()) {
      if (next_input_ >= inputs_.size()) return std::nullopt;
      current_ = start_document(next_input_++);
      next_page_ = 0;
    }
    const size_t at = next_page_++;
    return PageTask{sequence_++, current_, current_->page_indexes[at], current_->refusals[at],
                    current_->contents[at]};
  }

 private:
  std::shared_ptr<DocumentJob> start_document(size_t i) {
    auto job = std::make_shared<DocumentJob>();
    job->ordinal = i + 1;
    job->path = inputs_[i].path;
    job->shown = printable_text(job->path.string());
    job->stem = inputs_[i].output_name;
    try {
      if (auto clash = output_names_.claim(job->stem, job->shown); !clash.empty()) {
        throw InputError(job->shown, clash);
      }
      auto doc = open_pdf(job->path);
      job->result.source = valid_utf8(job->path.filename().string());
      try {
        job->result.sha256 = sha256_of_file(job->path);
      } catch (const std::exception& e) {
        throw InputError(job->shown, e.what());
      }
      if (options_.resume && options_.write_results &&
          already_done(options_.output_folder, job->stem, job->result.sha256, options_.report,
                       options_.xlsx)) {
        spdlog::info("[{}/{}] {}: already extracted from the same content, skipped", job->ordinal,
                     inputs_.size(), job->shown);
        ++opening_.documents_skipped;
        return nullptr;
      }
      job->page_indexes = options_.pages.resolve(doc->pages());
      if (job->page_indexes.empty()) {
        throw InputError(job->shown,
                         "the page selection holds none of its " + std::to_string(doc->pages()) + " pages");
      }
      measure_contents(*job);
      spdlog::debug("{}: {} pages, extracting {}", job->shown, doc->pages(), job->page_indexes.size());
      return job;
    } catch (const InputError& e) {
      spdlog::error("{}", e.what());
      opening_.failures.push_back(e.what());
      ++opening_.documents_failed;
      return nullptr;
    }
  }

  // Pages whose content would exhaust memory when drawn are refused before any thread draws them;
  // what else the lexing tells (whether a page draws in colour) goes with each page's task.
  void measure_contents(DocumentJob& job) const {
    job.refusals.assign(job.page_indexes.size(), {});
    job.contents.assign(job.page_indexes.size(), {});
    try {
      const auto loads = measure_page_contents(job.path, job.page_indexes);
      for (size_t i = 0; i < loads.size() && i < job.refusals.size(); ++i) {
        job.refusals[i] = content_refusal(loads[i], options_.extract.content_budget);
        job.contents[i] = loads[i];
      }
    } catch (const std::exception& e) {
      spdlog::debug("{}: content not measured ({})", job.shown, e.what());
    }
  }

  const std::vector<InputDocument>& inputs_;
  OutputNames output_names_;
  const RunOptions& options_;
  RunSummary opening_;
  size_t next_input_ = 0;
  std::shared_ptr<DocumentJob> current_;
  size_t next_page_ = 0;
  size_t sequence_ = 0;
};

class DocumentWriter {
 public:
  //! Long documents report progress this often (pages), so a batch never looks stuck.
  static constexpr size_t kProgressEvery = 25;

  DocumentWriter(const RunOptions& options, RunSummary& summary, size_t total)
      : options_(options), summary_(summary), total_(total) {}

  void accept(PageOutcome& outcome) {
    DocumentJob& job = *outcome.document;
    if (outcome.work) {
      ++summary_.pages;
      summary_.tables += static_cast<int>(outcome.work->result.tables.size());
      job.result.pages.push_back(std::move(outcome.work->result));
      if (options_.report) {
        job.report_notes.push_back(
            {outcome.work->debug.skew_degrees, outcome.work->debug.decision, outcome.work->warnings});
        try {
          job.report_images.append(outcome.report_image);
        } catch (const std::exception& e) {
          if (job.output_error.empty()) job.output_error = e.what();
        }
      }
    } else {
      job.errors.push_back(outcome.error);
    }
    if (++job.received == job.page_indexes.size()) {
      finish(job);
    } else if (job.received % kProgressEvery == 0) {
      spdlog::info("[{}/{}] {}: {}/{} pages", job.ordinal, total_, job.shown, job.received,
                   job.page_indexes.size());
    }
  }

 private:
  void finish(DocumentJob& job) {
    link_continuations(job.result.pages);
    if (const int dropped = drop_empty_continuations(job.result.pages); dropped > 0)
      spdlog::debug("{}: {} continued parts with no text in any cell left out", job.shown, dropped);
    for (const auto& page : job.result.pages)
      for (const auto& t : page.tables)
        if (t.continues)
          spdlog::debug("{} {}: continues {} (same columns, no caption)", job.shown, t.id, *t.continues);
    if (const int repaired = repair_by_arithmetic(job.result.pages, profile_of(options_.extract));
        repaired > 0) {
      spdlog::debug("{}: {} numbers read by OCR repaired by arithmetic", job.shown, repaired);
      for (const auto& page : job.result.pages)
        for (const auto& t : page.tables)
          for (const auto& c : t.corrections)
            if (c.rule == kSumRepairRule)
              spdlog::debug("{} {} ({}, {}): {} → {}: {}", job.shown, t.id, c.row, c.col, c.before, c.after,
                            c.why);
    }
    DocumentChecks checked = check_document(job.result.pages, profile_of(options_.extract));
    job.result.checks = std::move(checked.checks);
    const int doubted = judge_failed_checks(job.result.checks, job.result.pages) +
                        doubt_malformed_numbers(job.result.pages) +
                        doubt_misread_list_marks(job.result.pages);
    warn_of_failed_checks(job);
    if (doubted > 0)
      spdlog::debug(
          "{}: {} cells read by OCR doubted (confidence lowered to {}): in a failed sum, malformed, or a "
          "list mark misread",
          job.shown, doubted, kContradictedConfidence);
    if (checked.spanning_page_breaks > 0)
      spdlog::debug("{}: {} arithmetic checks span a page break and are not listed", job.shown,
                    checked.spanning_page_breaks);
    if (job.result.pages.empty() &&
        !job.errors.empty()) {  // every page failed: a result of no pages would pass for one
      remove_outputs(options_.output_folder, job.stem);
      fail(job, job.shown + ": no page could be read (" + job.errors.front() + ")");
      return;
    }
    size_t tables = 0;
    for (const auto& p : job.result.pages) tables += p.tables.size();
    // The JSON goes last: its presence says every output asked for is written. A document whose
    // outputs cannot all be written (a full disk) leaves none of them.
    try {
      if (!job.output_error.empty()) throw std::runtime_error(job.output_error);
      if (options_.write_results) write_table_files(job.result, options_.output_folder, job.stem);
      if (options_.write_results && options_.xlsx)
        write_xlsx(job.result, options_.output_folder / (job.stem + ".xlsx"));
      if (options_.report) {
        make_output_folders(options_.output_folder, std::filesystem::path(job.stem).parent_path());
        write_html_report(
            job.result, job.report_notes, [&](size_t i) { return job.report_images.read(i); },
            options_.output_folder / (job.stem + ".report.html"));
      }
      if (options_.write_results) write_result_json(job.result, options_.output_folder, job.stem);
    } catch (const std::exception& e) {
      remove_outputs(options_.output_folder, job.stem);
      fail(job, job.shown + ": not written, " + e.what());
      return;
    }
    double seconds = std::chrono::duration<double>(Clock::now() - job.started).count();
    if (!job.errors.empty()) {
      fail(job, job.shown + ": " + std::to_string(job.errors.size()) + " page(s) failed (" +
                    job.errors.front() + "); the others were written");
      return;
    }
    ++summary_.documents_done;
    const auto written = options_.write_results ? options_.output_folder / (job.stem + ".json")
                         : options_.report      ? options_.output_folder / (job.stem + ".report.html")
                                                : options_.overlay_folder;
    spdlog::info("[{}/{}] {}: {} pages, {} tables -> {} ({:.2f} s)", job.ordinal, total_, job.shown,
                 job.result.pages.size(), tables, written.string(), seconds);
  }

  // One line for the sums the document itself breaks, one for those a misreading may break.
  static void warn_of_failed_checks(const DocumentJob& job) {
    for (const char* failure : {"printed", "misread"}) {
      std::string where;
      size_t failed = 0;
      for (const auto& check : job.result.checks) {
        if (check.ok || check.failure != failure || ++failed > 3) continue;
        const auto at = check.failure == "misread" && check.suspect ? *check.suspect : check.total;
        where += (failed > 1 ? ", " : "") + check.table + " row " + std::to_string(at.first) + " col " +
                 std::to_string(at.second);
      }
      if (failed == 0) continue;
      if (std::string(failure) == "printed")
        spdlog::warn(
            "{}: {} of {} checks do not hold on figures read from its text layer ({}{}): the "
            "document's own figures disagree, or a table continues where gridlift did not see "
            "it; see \"checks\" in the JSON",
            job.shown, failed, job.result.checks.size(), where, failed > 3 ? ", …" : "");
      else
        spdlog::warn(
            "{}: {} of {} checks do not hold on figures read by OCR: a misreading is suspected "
            "(likeliest: {}{}); their cells' confidence is lowered; see \"checks\" in the JSON",
            job.shown, failed, job.result.checks.size(), where, failed > 3 ? ", …" : "");
    }
  }

  void fail(DocumentJob& job, const std::string& message) {
    spdlog::error("[{}/{}] {}", job.ordinal, total_, message);
    summary_.failures.push_back(message);
    ++summary_.documents_failed;
  }

  const RunOptions& options_;
  RunSummary& summary_;
  size_t total_;
};

}  // namespace

RunSummary run_extraction(const std::vector<std::filesystem::path>& inputs, const RunOptions& options) {
  return run_extraction(expand_inputs(inputs), options);
}

RunSummary run_extraction(const std::vector<InputDocument>& inputs, const RunOptions& options) {
  try {
    ensure_writable_folder(options.output_folder);
    if (!options.overlay_folder.empty()) ensure_writable_folder(options.overlay_folder);
  } catch (const std::runtime_error& e) {
    throw RunError(ExitCode::kOutputUnwritable, e.what());
  }
  try {
    profile_of(options.extract);  // a profile that cannot be read ends the run before any document
  } catch (const ProfileError& e) {
    throw RunError(ExitCode::kUsage, e.what());
  }
  quiet_poppler_messages();

  RunSummary summary;
  const int jobs = std::max(1, options.jobs);
  const int in_flight = options.pages_in_flight > 0 ? options.pages_in_flight : 2 * jobs + 2;
  TaskSource source_state(inputs, options);
  DocumentWriter writer_state(options, summary, inputs.size());
  tbb::enumerable_thread_specific<DocumentCache> caches;
  ExtractOptions extract = options.extract;
  extract.keep_raster = !options.overlay_folder.empty() || options.report;
  OcrContext ocr = make_ocr_context(extract);  // beside the caches: each thread's engine, loaded once
  // The report's picture leaves out the glyph boxes: at report size they only blur the page.
  OverlayLayers report_layers = options.overlay_layers;
  report_layers.text = false;

  // `jobs` threads in all: the flow graph's, which also run OpenCV's loops inside a page.
  const auto threads = limit_threads_at_work(jobs);
  tbb::task_arena arena(jobs);
  arena.execute([&] {
    using namespace tbb::flow;
    graph g;
    // Each node body states the handoffs TBB makes between threads (models/thread_handoff.h):
    // the serial nodes from one run of their body to the next, a page task from the source to
    // its reader, a page's outcome from its reader to the writer.
    input_node<PageTask> source(g, [&](tbb::flow_control& control) -> PageTask {
      receive_handoff(&source_state);
      auto task = source_state.next();
      publish_handoff(&source_state);
      if (!task) {
        control.stop();
        return {};
      }
      publish_handoff(task->document.get());
      return *task;
    });
    limiter_node<PageTask> limiter(g, static_cast<size_t>(in_flight));
    function_node<PageTask, PageOutcome> process(g, unlimited, [&](const PageTask& task) {
      receive_handoff(task.document.get());
      PageOutcome outcome{task.sequence, task.document, std::nullopt, {}, {}};
      try {
        if (!task.refusal.empty()) throw std::runtime_error(task.refusal);
        const auto& doc = caches.local().get(task.document->path);
        outcome.work = process_page(doc, task.page_index, extract, ocr, &task.document->fonts, task.content);
        spdlog::debug("{} page {}: {}", task.document->shown, task.page_index + 1,
                      outcome.work->debug.decision);
        for (const auto& region : outcome.work->debug.grid.regions)
          spdlog::debug("{} page {}: region at ({}, {})-({}, {}) px: {}", task.document->shown,
                        task.page_index + 1, region.box.x0, region.box.y0, region.box.x1, region.box.y1,
                        region.reason);
        for (const auto& warning : outcome.work->warnings)
          spdlog::warn("{} page {}: {}", task.document->shown, task.page_index + 1, warning);
        for (const auto& t : outcome.work->result.tables) {
          auto spans = std::count_if(t.cells.begin(), t.cells.end(),
                                     [](const Cell& c) { return c.row_span > 1 || c.col_span > 1; });
          spdlog::debug("{} {}: {} rows x {} columns, {} spanning cells, title \"{}\"", task.document->shown,
                        t.id, t.n_rows, t.n_cols, spans, t.title);
        }
        if (extract.keep_raster)
          outcome.work->debug.failed_sums = failed_sums_of(outcome.work->result, profile_of(extract));
        const PageWork& work = *outcome.work;
        if (!options.overlay_folder.empty())
          write_overlay_png(with_banner(draw_overlay(work.result, work.debug, options.overlay_layers),
                                        work.result, work.debug),
                            options.overlay_folder, task.document->stem, task.page_index + 1);
        if (options.report)
          outcome.report_image = report_page_image(draw_overlay(work.result, work.debug, report_layers));
        outcome.work->debug.raster.release();
      } catch (const std::exception& e) {
        outcome.work.reset();
        outcome.error = "page " + std::to_string(task.page_index + 1) + ": " + e.what();
      }
      publish_handoff(&task.document->received);
      return outcome;
    });
    sequencer_node<PageOutcome> order(g, [](const PageOutcome& o) { return o.sequence; });
    function_node<PageOutcome, continue_msg> write(g, serial, [&](PageOutcome outcome) {
      receive_handoff(&writer_state);
      receive_handoff(&outcome.document->received);
      writer_state.accept(outcome);
      publish_handoff(&writer_state);
      return continue_msg();
    });
    make_edge(source, limiter);
    make_edge(limiter, process);
    make_edge(process, order);
    make_edge(order, write);
    make_edge(write, limiter.decrementer());
    source.activate();
    g.wait_for_all();
  });
  receive_handoff(&source_state);
  receive_handoff(&writer_state);
  const RunSummary& opening = source_state.opening();
  summary.documents_skipped += opening.documents_skipped;
  summary.documents_failed += opening.documents_failed;
  summary.failures.insert(summary.failures.begin(), opening.failures.begin(), opening.failures.end());
  return summary;
}

}  // namespace gridlift
