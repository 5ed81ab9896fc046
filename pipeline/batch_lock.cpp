#include "pipeline/batch_lock.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>
#include <string>

#include "models/printable_text.h"

namespace gridlift {

BatchLock::BatchLock(const std::filesystem::path& manifest) {
  auto path = manifest;
  path += ".lock";
  const std::string shown = printable_text(path.string());
  fd_ = ::open(path.c_str(), O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0644);
  if (fd_ < 0)
    throw std::runtime_error(shown + ": cannot open the batch lock (" + std::strerror(errno) + ")");
  if (::flock(fd_, LOCK_EX | LOCK_NB) != 0) {
    const int error = errno;
    char holder[32] = {};
    const ssize_t n = ::pread(fd_, holder, sizeof holder - 1, 0);
    ::close(fd_);
    fd_ = -1;
    if (error != EWOULDBLOCK)
      throw std::runtime_error(shown + ": cannot take the batch lock (" + std::strerror(error) + ")");
    std::string pid = n > 0 ? std::string(holder, static_cast<size_t>(n)) : "unknown";
    while (!pid.empty() && (pid.back() == '\n' || pid.back() == ' ')) pid.pop_back();
    throw std::runtime_error(printable_text(manifest.parent_path().string()) +
                             ": held by gridlift batch (pid " + printable_text(pid) +
                             "), which writes the same manifest; wait for it to end or stop it, then rerun");
  }
  const std::string pid = std::to_string(::getpid()) + "\n";
  if (::ftruncate(fd_, 0) != 0 || ::pwrite(fd_, pid.data(), pid.size(), 0) < 0) {
    // The lock holds without the pid; only a second batch's message would lack it.
  }
}

BatchLock::~BatchLock() {
  if (fd_ >= 0) ::close(fd_);  // releases the flock
}

}  // namespace gridlift
