#include "pipeline/batch_progress.h"

#include <spdlog/spdlog.h>

#include <cstdio>

namespace gridlift {
namespace {

std::string duration(double seconds) {
  char text[32];
  const long s = static_cast<long>(seconds + 0.5);
  if (s >= 3600)
    std::snprintf(text, sizeof text, "%ldh%02ldm", s / 3600, s / 60 % 60);
  else
    std::snprintf(text, sizeof text, "%ldm%02lds", s / 60, s % 60);
  return text;
}

}  // namespace

BatchProgress::BatchProgress(size_t total, bool live) : total_(total), live_(live) {}

void BatchProgress::document_finished(int pages, bool failed) {
  ++done_;
  pages_ += pages;
  failed_ += failed;
}

void BatchProgress::document_skipped() {
  ++done_;
  ++skipped_;
}

std::string BatchProgress::line() const {
  const double elapsed = std::chrono::duration<double>(Clock::now() - started_).count();
  const size_t worked = done_ - skipped_;
  std::string eta = "?";
  if (worked > 0 && done_ < total_)
    eta = duration(elapsed / static_cast<double>(worked) * static_cast<double>(total_ - done_));
  if (done_ == total_) eta = "0m00s";
  char text[200];
  std::snprintf(text, sizeof text,
                "%zu/%zu documents, %.1f pages/s, ETA %s, %zu failed, %zu skipped, %s elapsed", done_, total_,
                elapsed > 0 ? static_cast<double>(pages_) / elapsed : 0.0, eta.c_str(), failed_, skipped_,
                duration(elapsed).c_str());
  return text;
}

void BatchProgress::tick() {
  const auto now = Clock::now();
  if (live_) {
    if (now - last_shown_ < std::chrono::milliseconds(500)) return;
    std::fprintf(stderr, "\r\033[K%s", line().c_str());
    std::fflush(stderr);
  } else {
    if (now - last_shown_ < std::chrono::seconds(30)) return;
    spdlog::info("{}", line());
  }
  last_shown_ = now;
}

void BatchProgress::finish() {
  if (live_) std::fprintf(stderr, "\r\033[K");
  spdlog::info("{}", line());
}

}  // namespace gridlift
