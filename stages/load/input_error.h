#pragma once
// The one error type that crosses stage boundaries: an input that cannot be processed, with the
// file it concerns and a cause a user can act on.

#include <stdexcept>
#include <string>

namespace gridlift {

class InputError : public std::runtime_error {
 public:
  InputError(std::string file, std::string cause)
      : std::runtime_error(file + ": " + cause), file_(std::move(file)), cause_(std::move(cause)) {}

  const std::string& file() const { return file_; }
  const std::string& cause() const { return cause_; }

 private:
  std::string file_;
  std::string cause_;
};

}  // namespace gridlift
