// The engine allocates a batch's events, labels and records, then frees them
// all at once. glibc's malloc gives freed memory at the top of the heap back
// to the kernel and then has to fault it in again for the next batch: on the
// pipeline benchmark that was most of the time of a run with few classifiers
// (docs/performance.md, "Memory between batches").
#pragma once

namespace parley::host {

/// Keeps some freed heap for the next batch instead of returning it to the
/// kernel after every batch. Process-wide: call once from main(). Does
/// nothing where the C library is not glibc.
void keep_heap_between_batches();

}  // namespace parley::host
