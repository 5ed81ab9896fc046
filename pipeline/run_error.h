#pragma once
// An error that ends a whole run, carrying the exit status the command line ends with: an output
// folder that cannot be written is not a bug, and a bug is not an unwritable folder.

#include <stdexcept>
#include <string>

#include "pipeline/exit_code.h"

namespace gridlift {

class RunError : public std::runtime_error {
 public:
  RunError(ExitCode exit_code, const std::string& message)
      : std::runtime_error(message), exit_code_(exit_code) {}
  ExitCode exit_code() const { return exit_code_; }

 private:
  ExitCode exit_code_;
};

}  // namespace gridlift
