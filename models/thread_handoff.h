#pragma once
// ThreadSanitizer sees only what instrumented code does. Debian's libtbb is built without it, so
// the happens-before edges that its task spawning, stealing and flow-graph message passing create
// are invisible to it, and every read of data a task was handed looks like a race with the write
// that made it. These two calls state those edges where gridlift hands work to TBB; in any build
// without ThreadSanitizer they are empty.
#if defined(__SANITIZE_THREAD__)
#define GRIDLIFT_THREAD_SANITIZER 1
#elif defined(__has_feature)
#if __has_feature(thread_sanitizer)
#define GRIDLIFT_THREAD_SANITIZER 1
#endif
#endif

#ifdef GRIDLIFT_THREAD_SANITIZER
#include <sanitizer/tsan_interface.h>
#endif

namespace gridlift {

//! Everything this thread wrote so far happens before whatever a thread does after a later
//! `receive_handoff(token)` on the same token: call it where work leaves for another thread.
inline void publish_handoff([[maybe_unused]] const void* token) {
#ifdef GRIDLIFT_THREAD_SANITIZER
  __tsan_release(const_cast<void*>(token));
#endif
}

//! The receiving side of `publish_handoff`: call it where handed-over work starts.
inline void receive_handoff([[maybe_unused]] const void* token) {
#ifdef GRIDLIFT_THREAD_SANITIZER
  __tsan_acquire(const_cast<void*>(token));
#endif
}

}  // namespace gridlift
