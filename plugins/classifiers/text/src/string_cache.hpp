// StringCache: remembers a string computed from a short key (a word's stem),
// for one thread, up to a bound, then starts again empty. A flat table: the
// slots, the entries and the bytes of keys and values are arrays allocated
// once, so a lookup is a hash, a probe and one comparison, and an insert
// allocates nothing (docs/performance.md, "Real comments").
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace parley::text {

class StringCache {
 public:
  /// Holds up to `max_entries` keys of at most `max_key_bytes` each.
  StringCache(std::size_t max_entries, std::size_t max_key_bytes);

  /// The value stored for `key`, valid until the next put().
  std::optional<std::string_view> find(std::string_view key) const;

  /// Stores `value` for `key` (not present): empties the cache first when it
  /// is full; a key longer than max_key_bytes is not kept.
  void put(std::string_view key, std::string_view value);

  std::size_t size() const { return entries_.size(); }

 private:
  struct Slot {
    std::uint32_t fingerprint = 0;  // key_fingerprint of the key's hash
    std::uint32_t entry = 0;        // index into entries_ plus one; 0 = empty
  };
  struct Entry {
    std::uint32_t key_offset = 0;  // into bytes_; the value follows the key
    std::uint32_t key_size = 0;
    std::uint32_t value_size = 0;
  };
  void clear();

  std::size_t max_entries_;
  std::size_t max_key_bytes_;
  std::vector<Slot> slots_;  // a power of two, at least twice max_entries_: at most half full
  std::vector<Entry> entries_;
  std::string bytes_;
};

}  // namespace parley::text
