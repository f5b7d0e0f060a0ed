// StoreSlot: a pipeline's store, bound once it is open. Plugin contexts are
// created before the store (build_runtime, then the store is opened), so
// they hold the slot and read their checkpoints through it.
#pragma once

#include <atomic>

#include "store/store.hpp"

namespace parley::host {

class StoreSlot {
 public:
  void bind(Store* store) { store_.store(store); }
  Store* get() const { return store_.load(); }

 private:
  std::atomic<Store*> store_{nullptr};
};

}  // namespace parley::host
