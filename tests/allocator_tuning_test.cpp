// The allocator keeps a freed page image for the next page instead of unmapping it.

#include <gtest/gtest.h>
#include <malloc.h>

#include <cstdlib>
#include <cstring>

#include "pipeline/allocator_tuning.h"

namespace gridlift {
namespace {

TEST(AllocatorTuning, AFreedPageSizedBlockStaysInTheHeap) {
#if defined(__SANITIZE_ADDRESS__) || !defined(__GLIBC__)
  GTEST_SKIP() << "glibc's own allocator only (sanitizers bring theirs)";
#else
  keep_freed_page_images_for_reuse();
  constexpr size_t kPageImage = 40u << 20;  // one 300-dpi A4 page rendered as ARGB is 35 MB
  const size_t mapped_before = mallinfo2().hblkhd;
  void* image = std::malloc(kPageImage);
  ASSERT_NE(image, nullptr);
  std::memset(image, 0, kPageImage);
  // Served by mmap, the block would count as mapped (hblkhd) and vanish on free.
  EXPECT_LT(mallinfo2().hblkhd, mapped_before + kPageImage);
  std::free(image);
  EXPECT_GE(mallinfo2().fordblks, kPageImage);
#endif
}

}  // namespace
}  // namespace gridlift
