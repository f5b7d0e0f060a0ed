#include "plugins/plugin_state_buffer.hpp"

#include <parley/plugin.hpp>
#include <stdexcept>

namespace parley::host {

void PluginStateBuffer::follow_store_locked() {
  const auto binds = store_ ? store_->binds() : 0;
  if (binds == cached_for_binds_) return;
  known_.clear();
  unsaved_.clear();
  cached_for_binds_ = binds;
}

std::optional<std::string> PluginStateBuffer::load(const std::string& instance_id, std::string_view key) {
  const std::lock_guard lock(mutex_);
  follow_store_locked();
  Key wanted{instance_id, std::string(key)};
  if (const auto found = known_.find(wanted); found != known_.end()) return found->second;
  auto* store = store_ ? store_->get() : nullptr;
  if (store == nullptr) return std::nullopt;
  auto value = store->load_plugin_state(wanted.first, wanted.second);
  known_.emplace(std::move(wanted), value);
  return value;
}

void PluginStateBuffer::save(const std::string& instance_id, std::string_view key, std::string_view value) {
  if (value.size() > kMaxStateValueBytes) {
    throw std::length_error("plugin '" + instance_id + "' saved " + std::to_string(value.size()) +
                            " bytes of state under '" + std::string(key) + "'; at most " +
                            std::to_string(kMaxStateValueBytes) + " are kept");
  }
  const std::lock_guard lock(mutex_);
  follow_store_locked();
  Key saved{instance_id, std::string(key)};
  known_[saved] = std::string(value);
  unsaved_[std::move(saved)] = std::string(value);
}

std::vector<PluginStateValue> PluginStateBuffer::unsaved() const {
  const std::lock_guard lock(mutex_);
  std::vector<PluginStateValue> values;
  values.reserve(unsaved_.size());
  for (const auto& [key, value] : unsaved_) values.push_back({key.first, key.second, value});
  return values;
}

void PluginStateBuffer::committed() {
  const std::lock_guard lock(mutex_);
  unsaved_.clear();
}

void PluginStateBuffer::discard_unsaved() {
  const std::lock_guard lock(mutex_);
  for (const auto& [key, value] : unsaved_) known_.erase(key);  // read again from the store
  unsaved_.clear();
}

void PluginStateBuffer::discard_all() {
  const std::lock_guard lock(mutex_);
  known_.clear();
  unsaved_.clear();
}

}  // namespace parley::host
