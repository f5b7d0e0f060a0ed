// The engine allocates a batch's events, labels and records, then frees them
// all at once. The parley executable links mimalloc for that (docs/adr/0020).
// Without it (sanitizer and fuzz builds, or -DPARLEY_MIMALLOC=OFF), glibc's
// malloc gives freed memory at the top of the heap back to the kernel and
// then has to fault it in again for the next batch: on the pipeline
// benchmark that was most of the time of a run with few classifiers
// (docs/performance.md, "Memory between batches").
#pragma once

#ifdef PARLEY_WITH_MIMALLOC
#include <mimalloc.h>
#endif

namespace parley::host {

/// Keeps some freed heap for the next batch instead of returning it to the
/// kernel after every batch. Process-wide. Does nothing where the C library
/// is not glibc.
void keep_heap_between_batches();

/// Call first in main(). Inline, because PARLEY_WITH_MIMALLOC is defined only
/// for the executables that link mimalloc (CMake target parley_allocator).
inline void set_up_allocator() {
#ifdef PARLEY_WITH_MIMALLOC
  // mimalloc already serves every allocation of the process, the plugins'
  // too; naming a function of it keeps the linker from dropping the library.
  (void)mi_version();
#else
  keep_heap_between_batches();
#endif
}

}  // namespace parley::host
