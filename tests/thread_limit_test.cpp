// `-j 1` means one thread at work, OpenCV's own parallel loops included.

#include <gtest/gtest.h>

#include <chrono>
#include <mutex>
#include <opencv2/core.hpp>
#include <set>
#include <thread>

#include "pipeline/thread_limit.h"

namespace gridlift {
namespace {

// The threads that ran a parallel OpenCV loop slow enough for every idle thread to join in.
std::set<std::thread::id> threads_in_an_opencv_loop() {
  std::mutex guard;
  std::set<std::thread::id> seen;
  cv::parallel_for_(cv::Range(0, 64), [&](const cv::Range& range) {
    for (int i = range.start; i < range.end; ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(2));
      std::lock_guard lock(guard);
      seen.insert(std::this_thread::get_id());
    }
  });
  return seen;
}

TEST(ThreadLimit, OneThreadAtWorkKeepsOpenCvLoopsOnTheCallingThread) {
  if (std::thread::hardware_concurrency() < 2 || cv::getNumThreads() < 2)
    GTEST_SKIP() << "one core: OpenCV has no second thread to use";
  {
    auto limit = limit_threads_at_work(1);
    EXPECT_EQ(threads_in_an_opencv_loop(), std::set{std::this_thread::get_id()});
  }
  // The limit ends with its object: the loop may spread again.
  EXPECT_GE(threads_in_an_opencv_loop().size(), 2u);
}

}  // namespace
}  // namespace gridlift
