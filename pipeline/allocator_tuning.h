#pragma once
// A 300-dpi page passes through several full-page images (the ARGB rendering, gray, binary, masks),
// each tens of megabytes. glibc's malloc serves blocks that large with a fresh mmap and unmaps them
// on free, and trims the heap top back to the kernel once a few hundred kilobytes lie unused, so
// every page faulted in and zeroed its images anew: on the scan bench a quarter of all CPU time was
// the kernel's (208,000 page faults for 4 pages), and the faults of two workers queue on one lock.

namespace gridlift {

//! Asks the C library to keep freed page-sized blocks in the heap for the next page instead of
//! returning them to the kernel. Peak memory is unchanged (the next page reuses the same blocks);
//! memory is kept, not grown. Call once at the start of a program that reads pages; a no-op where
//! the C library is not glibc.
void keep_freed_page_images_for_reuse();

}  // namespace gridlift
