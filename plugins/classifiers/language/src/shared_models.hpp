// Models are loaded once per process and shared by every instance that
// names the same files (several brands' pipelines, parley check, tests):
// they are immutable after loading, so sharing is safe.
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <string>

namespace parley::language {

/// The live model loaded from `key`, or a new one from `load()`. Called from
/// constructors only; classify never takes the lock.
template <typename Model, typename Load>
std::shared_ptr<const Model> shared_model(const std::string& key, Load load) {
  static std::mutex mutex;
  static std::map<std::string, std::weak_ptr<const Model>> loaded;
  const std::lock_guard lock(mutex);
  if (auto model = loaded[key].lock()) return model;
  std::shared_ptr<const Model> model = load();
  loaded[key] = model;
  return model;
}

}  // namespace parley::language
