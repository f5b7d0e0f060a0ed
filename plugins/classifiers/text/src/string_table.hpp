// StringTable: a string -> Value hash table built once and then only read
// (keywords' word lists, sentiment's lexicons). Open addressing with linear
// probing over a power-of-two slot array, keys in one arena: a lookup is one
// hash, usually one slot and one memcmp, without the division and pointer
// chasing of std::unordered_map. A key whose first byte starts no stored key
// (a Cyrillic word asked of an English list) is answered before hashing, and
// most other absent keys by a Bloom filter of 16 bits per key: most words
// asked of a lexicon are not in it, and the filter, a few KB, stays in the
// cache where the slots, ten times larger, do not.
#pragma once

#include <bitset>
#include <cstdint>
#include <cstring>
#include <limits>
#include <map>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "key_hash.hpp"

namespace parley::text {

template <typename Value>
class StringTable {
 public:
  /// The value for `key`, default-constructed on first use. Only before freeze().
  Value& at_build(const std::string& key) {
    if (frozen_) throw std::logic_error("StringTable: changed after freeze");
    return build_[key];
  }

  /// Builds the slot array; the table is read-only afterwards.
  void freeze() {
    if (frozen_) return;
    frozen_ = true;
    std::size_t capacity = 16;
    while (capacity < build_.size() * 2) capacity *= 2;
    mask_ = capacity - 1;
    slots_.assign(capacity, Slot{});
    std::size_t filter_words = 1;
    while (filter_words * 64 < build_.size() * kFilterBitsPerKey) filter_words *= 2;
    filter_.assign(filter_words, 0);
    filter_mask_ = filter_words - 1;
    values_.reserve(build_.size());
    for (auto& [key, value] : build_) {
      if (keys_.size() + key.size() > std::numeric_limits<std::uint32_t>::max()) {
        throw std::length_error("StringTable: keys too large");
      }
      Slot slot;
      slot.hash = hash_key(key);
      if (!key.empty()) first_bytes_.set(static_cast<unsigned char>(key.front()));
      slot.key_offset = static_cast<std::uint32_t>(keys_.size());
      slot.key_length = static_cast<std::uint32_t>(key.size());
      slot.value = static_cast<std::uint32_t>(values_.size());
      filter_[filter_word(slot.hash)] |= filter_bits(slot.hash);
      keys_ += key;
      values_.push_back(std::move(value));
      std::size_t index = slot.hash & mask_;
      while (slots_[index].value != kEmpty) index = (index + 1) & mask_;
      slots_[index] = slot;
    }
    build_.clear();
  }

  /// The value for `key`, or nullptr. Only after freeze().
  const Value* find(std::string_view key) const {
    if (values_.empty() || (!key.empty() && !first_bytes_.test(static_cast<unsigned char>(key.front())))) {
      return nullptr;
    }
    const std::uint64_t hash = hash_key(key);
    const std::uint64_t bits = filter_bits(hash);
    if ((filter_[filter_word(hash)] & bits) != bits) return nullptr;
    for (std::size_t index = hash & mask_;; index = (index + 1) & mask_) {
      const Slot& slot = slots_[index];
      if (slot.value == kEmpty) return nullptr;
      if (slot.hash == hash && slot.key_length == key.size() &&
          std::memcmp(keys_.data() + slot.key_offset, key.data(), key.size()) == 0) {
        return &values_[slot.value];
      }
    }
  }

  bool empty() const { return frozen_ ? values_.empty() : build_.empty(); }
  std::size_t size() const { return frozen_ ? values_.size() : build_.size(); }
  /// Every value, in no particular order. Only after freeze().
  const std::vector<Value>& values() const { return values_; }

 private:
  static constexpr std::uint32_t kEmpty = std::numeric_limits<std::uint32_t>::max();
  // Two bits of one 64-bit word per key, from hash bits the slot index does
  // not use: about 1.5% of absent keys pass the filter.
  static constexpr std::size_t kFilterBitsPerKey = 16;
  std::size_t filter_word(std::uint64_t hash) const { return (hash >> 20) & filter_mask_; }
  static std::uint64_t filter_bits(std::uint64_t hash) {
    return (std::uint64_t{1} << ((hash >> 46) & 63)) | (std::uint64_t{1} << ((hash >> 58) & 63));
  }
  struct Slot {
    std::uint64_t hash = 0;
    std::uint32_t key_offset = 0;
    std::uint32_t key_length = 0;
    std::uint32_t value = kEmpty;
  };

  std::map<std::string, Value> build_;
  std::vector<Slot> slots_;
  std::string keys_;
  std::vector<Value> values_;
  std::size_t mask_ = 0;
  std::vector<std::uint64_t> filter_;  // the Bloom filter of the stored keys' hashes
  std::size_t filter_mask_ = 0;
  std::bitset<256> first_bytes_;  // of the stored keys
  bool frozen_ = false;
};

}  // namespace parley::text
