// The `gridlift` command line: extract tables from PDFs, and score results against truth.

#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>
#include <CLI/CLI.hpp>

#include <poppler/cpp/poppler-version.h>
#include <tbb/version.h>
#include <opencv2/core/utility.hpp>

#include <csignal>
#include <filesystem>
#include <iostream>
#include <thread>

#include "models/printable_text.h"
#include "pipeline/allocator_tuning.h"
#include "pipeline/exit_code.h"
#include "pipeline/extraction_run.h"
#include "pipeline/openmp_limit.h"
#include "pipeline/run_error.h"
#include "tools/gridlift/batch_command.h"
#include "tools/gridlift/reading_flags.h"
#include "tools/score/document_score.h"

#ifndef GRIDLIFT_VERSION
#define GRIDLIFT_VERSION "unknown"
#endif

namespace {

using gridlift::ExitCode;

int code(ExitCode c) {
  return static_cast<int>(c);
}

constexpr const char* kDescription =
    "gridlift lifts ruled tables out of PDFs whose text cannot be trusted to copy-paste:\n"
    "narrow columns that stack one character per line, multi-level headers with merged cells,\n"
    "sideways tables. For each input NAME.pdf it writes NAME.json (every table, cell, span and\n"
    "box), NAME.md (the document as Markdown) and NAME/pNNN-tK.csv (one CSV per table).\n";

constexpr const char* kExamples =
    "\nExamples:\n"
    "  gridlift extract report.pdf -o out/            # out/report.json, out/report.md, "
    "out/report/p001-t1.csv\n"
    "  gridlift extract reports/ -o out/ --jobs 2 --resume   # every PDF below reports/, subfolders kept\n"
    "  gridlift extract report.pdf -o out/ --report   # also out/report.report.html: pages beside tables\n"
    "  gridlift overlay report.pdf --pages 3-5 --layers lines,cells -o overlays/   # what detection saw\n"
    "  gridlift batch corpus/ @more.txt -o out/ --jobs 2 --timeout 600   # out/manifest.jsonl; rerun with "
    "--resume\n"
    "  gridlift batch corpus/ -o shared/out --shard 3/8   # this machine's 1/8; then gridlift manifest "
    "merge\n"
    "  gridlift score fixtures/ out/                  # accuracy against truth files\n"
    "\nExit status: 0 all documents extracted; 1 some failed (the others were written);\n"
    "2 bad command line; 3 output folder not writable; 4 internal error; 130 batch interrupted (resume "
    "it).\n";

// A file named like an option ("-x.pdf") is taken for one; say how to name it instead.
void explain_option_like_file_names(int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    const std::string argument = argv[i];
    if (argument == "--") return;
    if (argument.size() > 1 && argument[0] == '-' && std::filesystem::exists(argument))
      std::cerr << "gridlift: " << gridlift::printable_text(argument)
                << " is a file, but starts with '-' like an option: put -- before it (gridlift extract -o "
                   "out -- "
                << gridlift::printable_text(argument) << ") or write ./" << gridlift::printable_text(argument)
                << "\n";
  }
}

void set_verbosity(int verbose, bool quiet) {
  auto logger = spdlog::stderr_color_mt("gridlift");
  logger->set_pattern("%^%l%$: %v");
  spdlog::set_default_logger(logger);
  spdlog::set_level(quiet ? spdlog::level::warn : verbose > 0 ? spdlog::level::debug : spdlog::level::info);
}

}  // namespace

int main(int argc, char** argv) {
  // A write past a file-size limit then fails with EFBIG, named in a message like a full disk,
  // instead of killing the process mid-document.
  std::signal(SIGXFSZ, SIG_IGN);
  gridlift::restart_with_single_threaded_openmp(argv);
  gridlift::keep_freed_page_images_for_reuse();
  CLI::App app{kDescription, "gridlift"};
  app.footer(kExamples);
  // Library versions too: they decide what a bug report can reproduce.
  app.set_version_flag("--version", std::string("gridlift ") + GRIDLIFT_VERSION + " (poppler " +
                                        poppler::version_string() + ", OpenCV " + cv::getVersionString() +
                                        ", oneTBB " + TBB_runtime_version() + ")");
  app.require_subcommand(1);

  std::vector<std::string> inputs;
  std::string output = "out";
  int jobs = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  bool resume = false, quiet = false, report = false, xlsx = false;
  int verbose = 0;
  std::string overlay, layers = "all";
  gridlift::ReadingFlags reading;
  // What extract, overlay and batch share: the same inputs, read the same way.
  auto add_reading_options = [&](CLI::App* command) {
    command
        ->add_option(
            "pdf", inputs,
            "Input PDF files; folders: every *.pdf below them; @LIST: the files and folders named in "
            "LIST, one per line")
        ->required();
    gridlift::add_reading_flags(*command, reading);
    command
        ->add_option("-j,--jobs", jobs, "Threads at work, OpenCV's own loops included (default: all cores)")
        ->check(CLI::Range(1, 256));
    command->add_flag(
        "-v,--verbose", verbose,
        "Also log each page's text source and each table's shape, spans, title and continuation");
    command->add_flag("-q,--quiet", quiet, "Log only warnings and errors");
  };
  constexpr const char* kXlsxHelp =
      "Also write NAME.xlsx: a sheet listing the tables, one sheet per table (its title above it, merged "
      "cells "
      "merged, numbers as numbers where nothing printed is lost, codes with leading zeros as text), and a "
      "sheet of the checks; cells under 0.8 confidence (yellow) and totals that do not add up (red) carry a "
      "comment saying why, corrected cells one saying what was read";
  constexpr const char* kLayersHelp =
      "What overlays show, any of lines,cells,text,ocr,checks or all. lines: rulings found (red across, "
      "blue down). cells: table boxes (orange), cells (green), spanning cells (magenta), the reading "
      "order of cells with text (purple path). text: text-layer glyph boxes (cyan), text blocks (light "
      "blue). ocr: cells read by OCR tinted by confidence, red 0 to green 1. checks: cells the text-layer "
      "cross-check read again (green agrees, red not) and totals that do not add up (red, addends pink)";

  auto* extract = app.add_subcommand("extract", "Extract the ruled tables of one or more PDFs");
  add_reading_options(extract);
  extract->add_option("-o,--output", output, "Output folder, created if missing")->capture_default_str();
  extract->add_flag("--resume", resume,
                    "Skip inputs whose NAME.json already exists for the same file content (sha256): "
                    "rerun an interrupted batch without redoing finished documents");
  extract->add_option("--overlay", overlay,
                      "Also write a PNG of each page with what extraction saw drawn on it into this folder "
                      "(see `gridlift overlay --help`)");
  extract->add_flag("--report", report,
                    "Also write NAME.report.html: one self-contained file (works offline) showing each page "
                    "with its overlay beside the tables read from it; hover or click a cell to find it in "
                    "the other; low-confidence cells and totals that do not add up are marked");
  extract->add_flag("--xlsx", xlsx, kXlsxHelp);
  extract->add_option("--layers", layers, kLayersHelp)->capture_default_str();

  auto* overlay_command = app.add_subcommand(
      "overlay",
      "Draw what extraction saw on each page (rulings, tables, cells, spans, reading order, text "
      "boxes, OCR confidence, checks) into NAME-pNNN.png, with the page's mode, deskew and turn above it. "
      "Pages are read exactly as `extract` reads them; no table files are written");
  add_reading_options(overlay_command);
  overlay_command->add_option("-o,--output", output, "Folder for the PNGs, created if missing")->required();
  overlay_command->add_option("--layers", layers, kLayersHelp)->capture_default_str();

  gridlift::BatchCommand batch_command;
  int worker_pages_in_flight = 0;
  auto* batch = app.add_subcommand(
      "batch",
      "Extract many PDFs, each in a worker process: a document that crashes, runs out of memory or passes "
      "--timeout is recorded as failed and the batch goes on. OUT/manifest.jsonl gets one line per document "
      "(path, sha256, status ok/failed/timeout/skipped, pages, tables, seconds, error), written as each "
      "ends; "
      "after Ctrl-C, SIGTERM or a kill, --resume finishes the rest");
  add_reading_options(batch);
  batch->add_option("-o,--output", output, "Output folder, created if missing")->required();
  batch->add_flag("--report", report,
                  "Also write NAME.report.html for each document (see `gridlift extract --help`); a document "
                  "is done only when its report is written too");
  batch->add_flag(
      "--xlsx", xlsx,
      "Also write NAME.xlsx for each document (see `gridlift extract --help`); a document is done "
      "only when its workbook is written too");
  batch->add_flag("--resume", resume,
                  "Skip documents the manifest records as done (ok) for the same file content (sha256)");
  batch
      ->add_option(
          "--shard", batch_command.shard,
          "K/N: take only this deterministic 1/N of the inputs (by a hash of each output name), so N "
          "machines split one corpus without talking; manifest.shard-K-of-N.jsonl; join the shards' "
          "manifests with `gridlift manifest merge`")
      ->capture_default_str();
  batch
      ->add_option("--timeout", batch_command.timeout_seconds,
                   "Seconds one document may take before its worker is stopped and it is recorded as timeout "
                   "(default: no limit)")
      ->check(CLI::NonNegativeNumber);
  batch
      ->add_option("--max-pages-in-flight", batch_command.max_pages_in_flight,
                   "Pages held in memory at once over all workers (default: 4 per worker); lower it for huge "
                   "pages on a small machine")
      ->check(CLI::PositiveNumber);
  auto* worker = app.add_subcommand("batch-worker", "Started by `gridlift batch`; reads requests on stdin");
  worker->group("");  // not for people: hidden from --help
  worker->add_option("-o,--output", output)->required();
  gridlift::add_reading_flags(*worker, reading, true);
  worker->add_option("--pages-in-flight", worker_pages_in_flight);
  worker->add_flag("--report", report);
  worker->add_flag("--xlsx", xlsx);
  int parent_pid = 0;
  worker->add_option("--parent-pid", parent_pid);

  std::vector<std::string> manifests;
  std::string merged;
  auto* manifest = app.add_subcommand("manifest", "Work with batch manifests");
  auto* merge = manifest->add_subcommand(
      "merge",
      "Join manifests (the shards of one corpus, or several runs) into one: the standing entry per "
      "document, sorted by name; prints the totals; exit 1 if any document failed");
  merge->add_option("manifests", manifests, "manifest.jsonl files")->required();
  merge->add_option("-o,--output", merged, "The joined manifest")->required();
  manifest->require_subcommand(1);

  std::string truth, result;
  auto* score =
      app.add_subcommand("score", "Score extraction results against truth files (same JSON schema)");
  score->add_option("truth", truth, "A NAME.truth.json file, or a folder searched for them")->required();
  score->add_option("result", result, "A result NAME.json, or the output folder of `gridlift extract`")
      ->required();
  std::string suffix = ".truth.json";
  score->add_option("--suffix", suffix, "Name ending of truth files when TRUTH is a folder")
      ->capture_default_str();
  bool differences = false;
  score->add_flag(
      "--differences", differences,
      "Under each document, list the cells whose text differs from the truth (result table id, "
      "row and column, both texts, the cell's confidence) and the truth tables no result answers");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int status = app.exit(e);
    if (status != 0) explain_option_like_file_names(argc, argv);
    return status == 0 ? 0 : code(ExitCode::kUsage);
  }

  try {
    if (*score) {
      auto reports = gridlift::score_paths(truth, result, suffix);
      gridlift::print_report(reports, std::cout, differences);
      return code(ExitCode::kOk);
    }
    if (*merge) return gridlift::run_manifest_merge(manifests, merged);
    set_verbosity(verbose, quiet);
    if (*batch) {
      batch_command.inputs = inputs;
      batch_command.output = output;
      batch_command.jobs = jobs;
      batch_command.resume = resume;
      gridlift::RunOptions checked;  // a bad page selection is refused here, not by every worker
      gridlift::apply_reading_flags(reading, checked);
      // Each worker reads with the same options as `extract` would.
      batch_command.worker_arguments = gridlift::reading_arguments(reading);
      if (report) batch_command.worker_arguments.push_back("--report");
      if (xlsx) batch_command.worker_arguments.push_back("--xlsx");
      return gridlift::run_batch_command(batch_command);
    }
    gridlift::RunOptions options;
    options.output_folder = output;
    options.jobs = jobs;
    options.resume = resume;
    options.overlay_folder = overlay;
    options.report = report;
    options.xlsx = xlsx;
    if (*overlay_command) {
      options.overlay_folder = output;
      options.write_results = false;
    }
    try {
      options.overlay_layers = gridlift::overlay_layers_from_string(layers);
    } catch (const std::invalid_argument& e) {
      std::cerr << "gridlift: --layers: " << e.what() << "\n";
      return code(ExitCode::kUsage);
    }
    gridlift::apply_reading_flags(reading, options);
    if (*worker) {
      options.jobs = 1;
      options.pages_in_flight = worker_pages_in_flight;
      return gridlift::run_batch_worker(options, parent_pid);
    }
    std::vector<std::filesystem::path> paths(inputs.begin(), inputs.end());
    const gridlift::RunSummary summary = gridlift::run_extraction(paths, options);
    spdlog::info("done: {} documents {}, {} skipped, {} failed; {} pages, {} tables", summary.documents_done,
                 options.write_results ? "extracted" : "drawn", summary.documents_skipped,
                 summary.documents_failed, summary.pages, summary.tables);
    return code(summary.documents_failed > 0 ? ExitCode::kSomeFailed : ExitCode::kOk);
  } catch (const gridlift::RunError& e) {
    std::cerr << "gridlift: " << e.what() << "\n";
    return code(e.exit_code());
  } catch (const std::exception& e) {
    std::cerr << "gridlift: " << e.what() << "\n";
    return code(ExitCode::kInternal);
  }
}
