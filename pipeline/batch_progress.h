#pragma once
// Progress of a batch: on a terminal one live line (documents done/total, pages/s, ETA, failures),
// redrawn in place; otherwise a plain log line every 30 seconds, so a log file stays readable.

#include <chrono>
#include <cstddef>
#include <string>

namespace gridlift {

class BatchProgress {
 public:
  BatchProgress(size_t total, bool live);
  void document_finished(int pages, bool failed);
  void document_skipped();
  //! Redraws or logs if it is time to.
  void tick();
  //! Ends the live line.
  void finish();

 private:
  std::string line() const;

  using Clock = std::chrono::steady_clock;
  size_t total_, done_ = 0, failed_ = 0, skipped_ = 0;
  long pages_ = 0;
  bool live_;
  Clock::time_point started_ = Clock::now(), last_shown_ = Clock::now();
};

}  // namespace gridlift
