#pragma once
// A child process spoken to in lines: requests on its stdin, replies on its stdout. The batch
// runs each document in such a worker (gridlift starting itself), so that a document that crashes
// Poppler or Tesseract, exhausts memory or hangs takes down only its worker.

#include <sys/types.h>

#include <optional>
#include <string>
#include <vector>

namespace gridlift {

class WorkerProcess {
 public:
  //! Starts `argv` (argv[0] is the program's path). Throws std::runtime_error if it cannot.
  explicit WorkerProcess(const std::vector<std::string>& argv);
  ~WorkerProcess();  //!< kills the child if still running
  WorkerProcess(const WorkerProcess&) = delete;
  WorkerProcess& operator=(const WorkerProcess&) = delete;

  //! Sends one line (a '\n' is added). False if the child is gone.
  bool send(const std::string& line);
  //! The descriptor to poll() for replies.
  int reply_fd() const { return from_child_; }
  //! After poll() says readable: reads what is there. Returns false at end of file (the child
  //! closed its stdout: it exited or died).
  bool receive();
  //! The next complete reply line, if one has arrived.
  std::optional<std::string> next_reply();
  //! SIGKILL and reap.
  void kill_now();
  //! Reaps the child (waiting for it) and says how it ended: "exited with status 3", "killed by
  //! signal 6 (Aborted)".
  std::string wait_for_exit();
  pid_t pid() const { return pid_; }

 private:
  pid_t pid_ = -1;
  int to_child_ = -1, from_child_ = -1;
  std::string received_;
  bool reaped_ = false;
  int status_ = 0;
};

}  // namespace gridlift
