#include "pipeline/allocator_tuning.h"

#include <cstdlib>  // defines __GLIBC__ where the C library is glibc

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace gridlift {

void keep_freed_page_images_for_reuse() {
#if defined(__GLIBC__)
  // Blocks below 256 MB (a 600-dpi A3 rendering is 140 MB) come from the heap, and the heap keeps
  // up to 512 MB of free space at its top. Setting either also fixes the other, which glibc would
  // otherwise move as the program runs.
  constexpr int kLargestHeapBlock = 256 << 20;
  constexpr int kFreeTopKept = 512 << 20;
  mallopt(M_MMAP_THRESHOLD, kLargestHeapBlock);
  mallopt(M_TRIM_THRESHOLD, kFreeTopKept);
#endif
}

}  // namespace gridlift
