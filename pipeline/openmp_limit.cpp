#include "pipeline/openmp_limit.h"

#include <unistd.h>

#include <cstdlib>

namespace gridlift {

void restart_with_single_threaded_openmp(char** argv) {
  if (std::getenv("OMP_THREAD_LIMIT")) return;
  if (setenv("OMP_THREAD_LIMIT", "1", 1) != 0) return;
  execv("/proc/self/exe", argv);
  // Still here: no /proc (not Linux, or a sandbox). Go on; OpenMP keeps its default threads.
}

}  // namespace gridlift
