// StoreSlot: a pipeline's store, bound once it is open. Plugin contexts are
// created before the store (build_runtime, then the store is opened), so
// they hold the slot and read their checkpoints through it.
#pragma once

#include <atomic>
#include <cstdint>

#include "store/store.hpp"

namespace parley::host {

class StoreSlot {
 public:
  void bind(Store* store) {
    store_.store(store);
    ++binds_;
  }
  Store* get() const { return store_.load(); }
  /// Grows with every bind, so a cache can tell a new store from an old one
  /// that happens to be allocated at the same address.
  std::uint64_t binds() const { return binds_.load(); }

 private:
  std::atomic<Store*> store_{nullptr};
  std::atomic<std::uint64_t> binds_{0};
};

}  // namespace parley::host
