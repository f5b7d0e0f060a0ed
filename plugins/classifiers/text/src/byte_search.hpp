// byte_search: the first of a few bytes in a text. memchr looks at many bytes
// at a time; std::string_view::find_first_of calls memchr on its set once
// per byte of the text, which costs more than the work it guards.
#pragma once

#include <cstddef>
#include <cstring>
#include <initializer_list>
#include <string_view>

namespace parley::text {

/// The offset of the first byte of `text` at or after `from` that is one of
/// `bytes`, or npos.
inline std::size_t find_first_byte(std::string_view text, std::size_t from,
                                   std::initializer_list<unsigned char> bytes) {
  if (from >= text.size()) return std::string_view::npos;
  std::size_t nearest = text.size();
  for (const unsigned char byte : bytes) {
    const void* found = std::memchr(text.data() + from, byte, nearest - from);
    if (found != nullptr) nearest = static_cast<std::size_t>(static_cast<const char*>(found) - text.data());
  }
  return nearest == text.size() ? std::string_view::npos : nearest;
}

}  // namespace parley::text
