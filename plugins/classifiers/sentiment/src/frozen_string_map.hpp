// FrozenStringMap: a string-keyed map built once and then only read, laid
// out flat for lookups. The lexicons are built into node-based hash maps and
// frozen into this when complete: a lookup is one hash, a probe of a slot
// array that holds part of each key's hash (a different key rarely costs a
// comparison) and one key comparison, instead of a division, a walk of
// linked nodes and a comparison per node. A key whose first byte starts no
// stored key (a Cyrillic word asked of the English lexicon) is answered
// before hashing (docs/performance.md, "Real comments").
#pragma once

#include <bitset>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "key_hash.hpp"

namespace parley::sentiment {

template <typename Value>
class FrozenStringMap {
 public:
  FrozenStringMap() = default;

  /// Takes the entries of `source` (left empty).
  template <typename Hash, typename Equal>
  explicit FrozenStringMap(std::unordered_map<std::string, Value, Hash, Equal>&& source) {
    std::size_t capacity = 8;
    while (capacity < 2 * source.size()) capacity *= 2;  // at most half full: short probes
    slots_.assign(capacity, Slot{});
    mask_ = capacity - 1;
    keys_.reserve(source.size());
    values_.reserve(source.size());
    for (auto& [key, value] : source) {
      const auto hash = text::hash_key(key);
      std::size_t at = hash & mask_;
      while (slots_[at].entry != 0) at = (at + 1) & mask_;
      keys_.push_back({static_cast<std::uint32_t>(key_bytes_.size()), static_cast<std::uint32_t>(key.size())});
      key_bytes_ += key;
      if (!key.empty()) first_bytes_.set(static_cast<unsigned char>(key.front()));
      values_.push_back(std::move(value));
      slots_[at] = {text::key_fingerprint(hash), static_cast<std::uint32_t>(values_.size())};
    }
    source.clear();
  }

  const Value* find(std::string_view key) const {
    if (values_.empty() || (!key.empty() && !first_bytes_.test(static_cast<unsigned char>(key.front())))) {
      return nullptr;
    }
    const auto hash = text::hash_key(key);
    const auto print = text::key_fingerprint(hash);
    for (std::size_t at = hash & mask_;; at = (at + 1) & mask_) {
      const Slot slot = slots_[at];
      if (slot.entry == 0) return nullptr;
      if (slot.fingerprint != print) continue;
      const Key& stored = keys_[slot.entry - 1];
      if (stored.size == key.size() && std::memcmp(key_bytes_.data() + stored.offset, key.data(), key.size()) == 0) {
        return &values_[slot.entry - 1];
      }
    }
  }

  std::size_t size() const { return values_.size(); }
  bool empty() const { return values_.empty(); }
  const std::vector<Value>& values() const { return values_; }

 private:
  struct Slot {
    std::uint32_t fingerprint = 0;  // the hash's high half
    std::uint32_t entry = 0;        // index into keys_/values_ plus one; 0 = empty
  };
  struct Key {
    std::uint32_t offset = 0;  // into key_bytes_
    std::uint32_t size = 0;
  };

  std::vector<Slot> slots_;
  std::vector<Key> keys_;
  std::string key_bytes_;
  std::vector<Value> values_;
  std::size_t mask_ = 0;
  std::bitset<256> first_bytes_;  // of the stored keys
};

}  // namespace parley::sentiment
