// gridlift-bench: how fast each stage is, per page, on one core alone and on each of two cores
// working at once, and how many pages a second the whole flow graph does with 1 and 2 threads.
// A measurement, not a test.
//
//   gridlift-bench [--repeat N] [--dpi D] [PDF or folder ...]   (default: fixtures/digital, narrow, rotated)

#include <spdlog/spdlog.h>
#include <tbb/task_arena.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <latch>
#include <string>
#include <thread>
#include <vector>

#include <unistd.h>

#include "pipeline/allocator_tuning.h"
#include "pipeline/extraction_run.h"
#include "pipeline/openmp_limit.h"
#include "pipeline/page_processor.h"
#include "pipeline/thread_limit.h"
#include "stages/load/content_budget.h"
#include "stages/load/pdf_document.h"
#include "stages/load/text_layer.h"
#include "stages/ocr/ocr_context.h"
#include "stages/rasterize/page_raster.h"

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

// Stage times summed over pages, apart for pages read from the text layer and pages read by OCR:
// they differ 20-fold.
struct Tally {
  StageTimes sum;
  int pages = 0;
};
struct StageRun {
  Tally text, ocr;
  double seconds = 0;  // wall time of the whole run
  int pages = 0;
};

// Every page of every input, shared out among `workers` threads as each becomes free. Each worker
// has a one-thread arena for the stages' own parallel loops (cell OCR), and no TBB worker thread
// may help OpenCV's, so each worker's figures are one core's. With two workers the cores share
// caches and memory: a stage that slows down then waits on what they share, not on its arithmetic.
StageRun time_stages(const std::vector<fs::path>& pdfs, const gridlift::ExtractOptions& options,
                     int workers) {
  std::vector<std::pair<size_t, int>> pages;  // (document, page)
  // What each page's content sets, as extract measures it before a page is drawn.
  std::vector<std::vector<gridlift::PageContentLoad>> contents(pdfs.size());
  for (size_t d = 0; d < pdfs.size(); ++d) {
    const int n = gridlift::open_pdf(pdfs[d])->pages();
    std::vector<int> indexes;
    for (int p = 0; p < n; ++p) {
      pages.emplace_back(d, p);
      indexes.push_back(p);
    }
    contents[d] = gridlift::measure_page_contents(pdfs[d], indexes);
  }
  std::atomic<size_t> next{0};
  std::vector<StageRun> runs(static_cast<size_t>(workers));
  std::latch engines_loaded(workers + 1);
  gridlift::OcrContext ocr = gridlift::make_ocr_context(options);
  auto work = [&](StageRun& run) {
    // Loading the OCR engines (once per thread in the real run too) is not a page's work.
    ocr.engine();
    engines_loaded.arrive_and_wait();
    tbb::task_arena one_thread(1);
    // Each worker opens its own documents: a poppler document is not for two threads at once.
    std::vector<std::unique_ptr<poppler::document>> docs(pdfs.size());
    std::vector<gridlift::FontChecks> fonts(pdfs.size());
    for (size_t i = next++; i < pages.size(); i = next++) {
      // Named variables, not a structured binding: clang 14 lambdas cannot capture one.
      const size_t doc = pages[i].first;
      const int index = pages[i].second;
      if (!docs[doc]) docs[doc] = gridlift::open_pdf(pdfs[doc]);
      auto page = one_thread.execute([&] {
        return gridlift::process_page(*docs[doc], index, options, ocr, &fonts[doc], contents[doc][index]);
      });
      Tally& tally = page.result.mode == gridlift::PageMode::kText ? run.text : run.ocr;
      tally.sum += page.times;
      ++tally.pages;
    }
  };
  const auto no_helpers = gridlift::limit_threads_at_work(1);
  std::vector<std::thread> threads;
  for (auto& run : runs) threads.emplace_back(work, std::ref(run));
  engines_loaded.arrive_and_wait();
  const auto start = std::chrono::steady_clock::now();
  for (auto& t : threads) t.join();
  StageRun all;
  all.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  for (const auto& run : runs) {
    all.text.sum += run.text.sum;
    all.text.pages += run.text.pages;
    all.ocr.sum += run.ocr.sum;
    all.ocr.pages += run.ocr.pages;
  }
  all.pages = static_cast<int>(pages.size());
  return all;
}

// Drawing every page alone, in gray at `options`' dpi, as `pdftoppm -r DPI -gray` does (the same
// poppler renderer and hints as the rasterize stage): the floor every figure above is set against.
// One thread, each document opened once.
double bare_render_seconds(const std::vector<fs::path>& pdfs, const gridlift::RasterOptions& options) {
  const auto start = std::chrono::steady_clock::now();
  for (const auto& pdf : pdfs) {
    auto doc = gridlift::open_pdf(pdf);
    for (int p = 0; p < doc->pages(); ++p) {
      std::unique_ptr<poppler::page> page(doc->create_page(p));
      if (!page) continue;
      const gridlift::PageGeometry geometry = gridlift::read_page_geometry(*page);
      gridlift::rasterize_page(*page, geometry.width, geometry.height, options);
    }
  }
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

int main(int argc, char** argv) {
  gridlift::restart_with_single_threaded_openmp(argv);
  gridlift::keep_freed_page_images_for_reuse();
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

  // Per stage, best of `repeat` (the least disturbed run). One and two workers take turns, so that a
  // spell of disturbance on this machine falls on both rather than on one.
  // The bare render takes its turn too.
  StageRun best[2];
  double bare = 1e300;
  for (int r = 0; r < repeat; ++r) {
    for (int workers : {1, 2}) {
      StageRun run = time_stages(pdfs, options, workers);
      StageRun& b = best[workers - 1];
      if (r == 0 || run.seconds < b.seconds) b = run;
    }
    bare = std::min(bare, bare_render_seconds(pdfs, options.raster));
  }
  std::printf("gridlift-bench: %zu PDFs, %d pages (%d text layer, %d OCR), %.0f / %.0f dpi, best of %d\n\n",
              pdfs.size(), best[0].pages, best[0].text.pages, best[0].ocr.pages, options.raster.dpi,
              options.ocr_dpi, repeat);
  // ms per page on one core: alone, and on each of two cores busy at once.
  std::printf("%-28s %12s %12s %14s %14s\n", "stage (ms/page on a core)", "text layer", "OCR", "text, 2 busy",
              "OCR, 2 busy");
  auto per_page = [](const Tally& t, double ms) { return t.pages ? ms / t.pages : 0.0; };
  // `member` is a stage's field of StageTimes, or its total(): std::mem_fn reads either.
  auto row = [&](const char* name, auto member) {
    const auto ms = std::mem_fn(member);
    std::printf("%-28s %12.2f %12.2f %14.2f %14.2f\n", name, per_page(best[0].text, ms(best[0].text.sum)),
                per_page(best[0].ocr, ms(best[0].ocr.sum)), per_page(best[1].text, ms(best[1].text.sum)),
                per_page(best[1].ocr, ms(best[1].ocr.sum)));
  };
  row("load (text layer)", &StageTimes::load_ms);
  row("rasterize", &StageTimes::rasterize_ms);
  row("clean (flatten, deskew)", &StageTimes::clean_ms);
  row("grid", &StageTimes::grid_ms);
  row("OCR (cells, free text)", &StageTimes::ocr_ms);
  row("read + assemble", &StageTimes::read_ms);
  row("total", &StageTimes::total);
  std::printf("%-28s %12.1f %27.1f  (%.2fx)\n", "pages/s, stages only", best[0].pages / best[0].seconds,
              best[1].pages / best[1].seconds, best[0].seconds / best[1].seconds);

  const double bare_ms = bare * 1000 / std::max(1, best[0].pages);
  std::printf("\n%-28s %12.2f ms/page (poppler gray at %.0f dpi, 1 thread, as pdftoppm -gray)\n",
              "bare render", bare_ms, options.raster.dpi);
  std::printf("%-28s %12.2fx\n", "stages against bare render", best[0].seconds / bare);

  // The whole flow graph, writing real outputs, with 1 and 2 threads.
  std::printf("\n%-28s %10s %10s\n", "flow graph end to end", "pages/s", "ms/page");
  auto out = fs::temp_directory_path() / ("gridlift-bench-" + std::to_string(::getpid()));
  double fastest[2] = {1e300, 1e300};
  for (int r = 0; r < repeat; ++r) {
    for (int jobs : {1, 2}) {
      fs::remove_all(out);
      gridlift::RunOptions run;
      run.output_folder = out;
      run.jobs = jobs;
      run.extract = options;
      auto start = std::chrono::steady_clock::now();
      gridlift::run_extraction(pdfs, run);
      double& f = fastest[jobs - 1];
      f = std::min(f, std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    }
  }
  for (int jobs : {1, 2}) {
    const double f = fastest[jobs - 1];
    std::printf("%-28s %10.1f %10.2f\n", jobs == 1 ? "1 thread" : "2 threads", best[0].pages / f,
                f * 1000 / best[0].pages);
  }
  std::printf("%-28s %10.2fx\n", "2 threads against 1", fastest[0] / fastest[1]);
  std::printf("%-28s %10.2fx\n", "1 thread against bare render", fastest[0] / bare);
  fs::remove_all(out);
  return 0;
}
