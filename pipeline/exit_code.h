#pragma once
// What `gridlift` tells its caller by its exit status (documented in README.md and --help).

namespace gridlift {

enum class ExitCode : int {
  kOk = 0,                //!< every document extracted
  kSomeFailed = 1,        //!< at least one document (or page) failed; the others were written
  kUsage = 2,             //!< bad command line
  kOutputUnwritable = 3,  //!< the output folder cannot be created or written; nothing was attempted
  kInternal = 4,          //!< a bug: please report it with the input
  kInterrupted = 130,     //!< a batch stopped by SIGINT/SIGTERM (the shell's 128 + 2); --resume finishes it
};

}  // namespace gridlift
