#include "string_cache.hpp"

#include "key_hash.hpp"

namespace parley::text {
namespace {

std::size_t power_of_two_at_least(std::size_t n) {
  std::size_t size = 8;
  while (size < n) size *= 2;
  return size;
}

// Room per entry for key and value together, on average; a cache of longer
// strings is full sooner.
constexpr std::size_t kBytesPerEntry = 32;

}  // namespace

StringCache::StringCache(std::size_t max_entries, std::size_t max_key_bytes)
    : max_entries_(max_entries), max_key_bytes_(max_key_bytes), slots_(power_of_two_at_least(2 * max_entries)) {
  entries_.reserve(max_entries);
  bytes_.reserve(max_entries * kBytesPerEntry);
}

std::optional<std::string_view> StringCache::find(std::string_view key) const {
  const auto hash = hash_key(key);
  const auto fingerprint = key_fingerprint(hash);
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t at = hash & mask; slots_[at].entry != 0; at = (at + 1) & mask) {
    const Slot slot = slots_[at];
    if (slot.fingerprint != fingerprint) continue;
    const Entry& entry = entries_[slot.entry - 1];
    if (std::string_view(bytes_.data() + entry.key_offset, entry.key_size) == key) {
      return std::string_view(bytes_.data() + entry.key_offset + entry.key_size, entry.value_size);
    }
  }
  return std::nullopt;
}

void StringCache::put(std::string_view key, std::string_view value) {
  if (key.size() > max_key_bytes_ || key.size() + value.size() > bytes_.capacity()) return;
  if (entries_.size() >= max_entries_ || bytes_.size() + key.size() + value.size() > bytes_.capacity()) clear();
  const auto hash = hash_key(key);
  const std::size_t mask = slots_.size() - 1;
  std::size_t at = hash & mask;
  while (slots_[at].entry != 0) at = (at + 1) & mask;
  entries_.push_back({static_cast<std::uint32_t>(bytes_.size()), static_cast<std::uint32_t>(key.size()),
                      static_cast<std::uint32_t>(value.size())});
  bytes_.append(key);  // within the capacity reserved: nothing moves
  bytes_.append(value);
  slots_[at] = {key_fingerprint(hash), static_cast<std::uint32_t>(entries_.size())};
}

void StringCache::clear() {
  slots_.assign(slots_.size(), Slot{});
  entries_.clear();
  bytes_.clear();
}

}  // namespace parley::text
