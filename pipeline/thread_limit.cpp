#include "pipeline/thread_limit.h"

#include <algorithm>

namespace gridlift {

tbb::global_control limit_threads_at_work(int threads) {
  return tbb::global_control(tbb::global_control::max_allowed_parallelism,
                             static_cast<size_t>(std::max(1, threads)));
}

}  // namespace gridlift
