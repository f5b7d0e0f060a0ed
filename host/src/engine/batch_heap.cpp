#include "engine/batch_heap.hpp"

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace parley::host {

namespace {
// A batch of 1,024 events frees about 5 MiB at once; glibc's default pad is 128 KiB.
constexpr int kTopPadBytes = 16 * 1024 * 1024;
}  // namespace

void keep_heap_between_batches() {
#if defined(__GLIBC__)
  mallopt(M_TOP_PAD, kTopPadBytes);
#endif
}

}  // namespace parley::host
