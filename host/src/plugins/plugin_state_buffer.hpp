// PluginStateBuffer: what plugins keep with PluginContext::save_state (API
// 1.4), between the plugin and the store. A saved value is seen at once by
// every thread of that instance, and written by the engine in the commit of
// the batch being handled, so it is as durable as the events that led to it.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "store/store_slot.hpp"

namespace parley::host {

class PluginStateBuffer {
 public:
  explicit PluginStateBuffer(std::shared_ptr<const StoreSlot> store) : store_(std::move(store)) {}

  /// The latest value saved for (instance, key): one not committed yet, or
  /// else the store's. nullopt when none, or no store is bound.
  std::optional<std::string> load(const std::string& instance_id, std::string_view key);
  /// Throws std::length_error (naming the instance and key) for a value over
  /// kMaxStateValueBytes.
  void save(const std::string& instance_id, std::string_view key, std::string_view value);

  /// The values saved since the last committed() call, for the batch commit.
  std::vector<PluginStateValue> unsaved() const;
  /// The values unsaved() returned are in the store now.
  void committed();
  /// Forgets the values saved since the last commit: the batch that saved
  /// them is handled again from committed state (the commit was refused).
  void discard_unsaved();
  /// Forgets everything saved or read: the engine committed a batch's values
  /// early (committed() before the store had them, to overlap the commit
  /// with the next batch), that commit was refused, and both batches are
  /// handled again from the store.
  void discard_all();

 private:
  /// Drops what was read from another store: the engine binds the slot to the
  /// store of each run (a fresh one per `parley test` case).
  void follow_store_locked();

  std::shared_ptr<const StoreSlot> store_;
  mutable std::mutex mutex_;
  std::uint64_t cached_for_binds_ = 0;               // StoreSlot::binds() when known_ was filled
  using Key = std::pair<std::string, std::string>;   // instance, key
  std::map<Key, std::optional<std::string>> known_;  // read or saved; nullopt: the store has none
  std::map<Key, std::string> unsaved_;
};

}  // namespace parley::host
