#pragma once
// One batch at a time per manifest: two batches on one output folder (a --resume started while a
// killed batch's workers still ran, or a job submitted twice) would read and write the same
// documents at once. The lock is an flock() on MANIFEST.lock, so it goes with its holder however
// that ends (kill -9 included); the file holds the holder's pid for the message.

#include <filesystem>

namespace gridlift {

class BatchLock {
 public:
  //! Takes the lock for `manifest`, or throws std::runtime_error naming the folder and the pid of
  //! the live batch that holds it.
  explicit BatchLock(const std::filesystem::path& manifest);
  ~BatchLock();
  BatchLock(const BatchLock&) = delete;
  BatchLock& operator=(const BatchLock&) = delete;

 private:
  int fd_ = -1;
};

}  // namespace gridlift
