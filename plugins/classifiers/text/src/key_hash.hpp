// The hash of the plugins' flat word tables (sentiment's FrozenStringMap and
// TokenCache, parley_text's StringCache): FNV-1a over the bytes, then a 64-bit finaliser (MurmurHash3's)
// so that the low bits, which pick the slot, depend on every byte. Words are
// short: this costs less than std::hash's 8-byte blocks, and a flat table
// indexes with a mask where std::unordered_map divides by a prime.
#pragma once

#include <cstdint>
#include <string_view>

namespace parley::text {

inline std::uint64_t hash_key(std::string_view key) {
  std::uint64_t hash = 0xcbf29ce484222325ULL;
  for (const char c : key) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 0x100000001b3ULL;
  }
  hash ^= hash >> 33;
  hash *= 0xff51afd7ed558ccdULL;
  hash ^= hash >> 33;
  return hash;
}

/// The part of a key's hash a flat table's slot keeps, to skip most keys
/// that are not the one asked for without comparing them.
inline std::uint32_t key_fingerprint(std::uint64_t hash) { return static_cast<std::uint32_t>(hash >> 32); }

}  // namespace parley::text
