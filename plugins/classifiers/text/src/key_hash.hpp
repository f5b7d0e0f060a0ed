// The hash of the plugins' flat string tables (StringTable, StringCache,
// sentiment's word cache): FNV-1a over the bytes, then a 64-bit finaliser
// (MurmurHash3's) so that the low bits, which pick the slot, depend on every
// byte. On the sentiment lexicons' short words it gave 2-8% more texts/s
// than an 8-bytes-at-a-time multiplicative hash (docs/performance.md,
// "Real comments"). A flat table indexes with a mask where
// std::unordered_map divides by a prime and walks linked nodes.
#pragma once

#include <cstdint>
#include <string_view>

namespace parley::text {

inline std::uint64_t hash_key(std::string_view text) noexcept {
  std::uint64_t hash = 0xcbf29ce484222325ULL;
  for (const char c : text) {
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
