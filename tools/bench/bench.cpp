// gridlift-bench: how fast each stage is, per page, and how many pages a second the whole
// flow graph does with 1 and 2 threads. A measurement, not a test.
//
//   gridlift-bench [--repeat N] [--dpi D] [PDF or folder ...]   (default: fixtures/digital, narrow, rotated)

#include <spdlog/spdlog.h>
#include <tbb/task_arena.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include <unistd.h>

#include "pipeline/extraction_run.h"
#include "pipeline/openmp_limit.h"
#include "pipeline/page_processor.h"
#include "stages/load/pdf_document.h"

namespace fs = std::filesystem;
using gridlift::StageTimes;

namespace {

std::vector<fs::path> collect(const std::vector<std::string>& args) {
  std::vector<fs::path> pdfs;
  for (const auto& a : args) {
    if (fs::is_directory(a)) {
      for (const auto& e : fs::directory_iterator(a))
        if (e.path().extension() == ".pdf") pdfs.push_back(e.path());
    } else {
      pdfs.emplace_back(a);
    }
  }
  std::sort(pdfs.begin(), pdfs.end());
  return pdfs;
}

}  // namespace

int main(int argc, char** argv) {
  gridlift::restart_with_single_threaded_openmp(argv);
  int repeat = 3;
  double dpi = gridlift::RasterOptions{}.dpi;
  bool text_check = true;
  std::vector<std::string> args;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--repeat" && i + 1 < argc) {
      repeat = std::max(1, std::stoi(argv[++i]));
    } else if (a == "--dpi" && i + 1 < argc) {
      dpi = std::stod(argv[++i]);
    } else if (a == "--no-text-check") {
      text_check = false;
    } else if (a == "-h" || a == "--help") {
      std::printf(
          "usage: gridlift-bench [--repeat N] [--dpi D] [--no-text-check] [PDF or folder ...]\n"
          "  default inputs: fixtures/digital, narrow, rotated; for OCR: gridlift-bench fixtures/scan\n");
      return 0;
    } else {
      args.push_back(a);
    }
  }
  if (args.empty()) {
    const fs::path root = GRIDLIFT_SOURCE_DIR;
    for (const char* v : {"digital", "narrow", "rotated"}) args.push_back((root / "fixtures" / v).string());
  }
  auto pdfs = collect(args);
  spdlog::set_level(spdlog::level::err);  // timing only: check warnings would drown the table
  gridlift::quiet_poppler_messages();
  gridlift::ExtractOptions options;
  options.raster.dpi = dpi;
  if (!text_check) options.cross_check_numbers = options.cross_check_labels = 0;

  // Per stage, one thread, every page of every input, best of `repeat` (the least disturbed run).
  // Pages read from the text layer and pages read by OCR are timed apart: they differ 20-fold.
  // The OCR engines load on the first OCR page; best of `repeat` leaves that out when repeat > 1.
  // A one-thread arena keeps the stages' own parallel loops (cell OCR, OpenCV's TBB back end) on
  // this thread, so the figures are one core's.
  struct Tally {
    StageTimes sum;
    int pages = 0;
  };
  Tally best_text, best_ocr;
  int pages = 0;
  tbb::task_arena one_thread(1);
  for (int r = 0; r < repeat; ++r) {
    Tally text, ocr;
    int n = 0;
    for (const auto& path : pdfs) {
      auto doc = gridlift::open_pdf(path);
      gridlift::FontChecks fonts;
      for (int p = 0; p < doc->pages(); ++p, ++n) {
        auto work = one_thread.execute([&] { return gridlift::process_page(*doc, p, options, &fonts); });
        Tally& tally = work.result.mode == gridlift::PageMode::kText ? text : ocr;
        tally.sum += work.times;
        ++tally.pages;
      }
    }
    pages = n;
    if (r == 0 || text.sum.total() < best_text.sum.total()) best_text = text;
    if (r == 0 || ocr.sum.total() < best_ocr.sum.total()) best_ocr = ocr;
  }
  std::printf("gridlift-bench: %zu PDFs, %d pages (%d text layer, %d OCR), %.0f / %.0f dpi, best of %d\n\n",
              pdfs.size(), pages, best_text.pages, best_ocr.pages, options.raster.dpi, options.ocr_dpi,
              repeat);
  std::printf("%-28s %12s %12s\n", "stage (1 thread, ms/page)", "text layer", "OCR");
  auto row = [&](const char* name, double text_ms, double ocr_ms) {
    std::printf("%-28s %12.2f %12.2f\n", name, best_text.pages ? text_ms / best_text.pages : 0.0,
                best_ocr.pages ? ocr_ms / best_ocr.pages : 0.0);
  };
  row("load (text layer)", best_text.sum.load_ms, best_ocr.sum.load_ms);
  row("rasterize", best_text.sum.rasterize_ms, best_ocr.sum.rasterize_ms);
  row("clean (flatten, deskew)", best_text.sum.clean_ms, best_ocr.sum.clean_ms);
  row("grid", best_text.sum.grid_ms, best_ocr.sum.grid_ms);
  row("OCR (cells, free text)", best_text.sum.ocr_ms, best_ocr.sum.ocr_ms);
  row("read + assemble", best_text.sum.read_ms, best_ocr.sum.read_ms);
  row("total", best_text.sum.total(), best_ocr.sum.total());

  // The whole flow graph, writing real outputs, with 1 and 2 threads.
  std::printf("\n%-28s %10s %10s\n", "flow graph end to end", "pages/s", "ms/page");
  auto out = fs::temp_directory_path() / ("gridlift-bench-" + std::to_string(::getpid()));
  for (int jobs : {1, 2}) {
    double best = 1e300;
    for (int r = 0; r < repeat; ++r) {
      fs::remove_all(out);
      gridlift::RunOptions run;
      run.output_folder = out;
      run.jobs = jobs;
      run.extract = options;
      auto start = std::chrono::steady_clock::now();
      gridlift::run_extraction(pdfs, run);
      best = std::min(best, std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    }
    char label[32];
    std::snprintf(label, sizeof label, "%d thread%s", jobs, jobs > 1 ? "s" : "");
    std::printf("%-28s %10.1f %10.2f\n", label, pages / best, best * 1000 / pages);
  }
  fs::remove_all(out);
  return 0;
}
