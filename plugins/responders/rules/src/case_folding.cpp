#include "case_folding.hpp"

#include <unicode/uchar.h>
#include <unicode/utf8.h>
#include <array>
#include <cstring>

namespace parley::rules {
namespace {

// Folded values of U+0000..U+07FF (Latin, Greek, Cyrillic, Armenian, Hebrew,
// Arabic): looked up once, so the common scripts skip ICU per character.
constexpr UChar32 kTableSize = 0x800;

const std::array<char16_t, kTableSize>& small_fold_table() {
  static const auto table = [] {
    std::array<char16_t, kTableSize> result{};
    for (UChar32 c = 0; c < kTableSize; ++c)
      result[static_cast<std::size_t>(c)] = static_cast<char16_t>(u_foldCase(c, U_FOLD_CASE_DEFAULT));
    return result;
  }();
  return table;
}

/// Lower-cases 8 ASCII bytes at once; false (nothing written) when any of
/// them is not ASCII.
inline bool fold_ascii_word(const std::uint8_t* in, char* out) {
  constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
  constexpr std::uint64_t kHighBits = 0x8080808080808080ULL;
  std::uint64_t word;
  std::memcpy(&word, in, sizeof word);
  if (word & kHighBits) return false;
  // Bytes are < 0x80, so these additions never carry into the next byte.
  const std::uint64_t at_least_a = word + (0x80 - 'A') * kOnes;   // high bit set when >= 'A'
  const std::uint64_t above_z = word + (0x80 - 'Z' - 1) * kOnes;  // high bit set when > 'Z'
  word |= ((at_least_a ^ above_z) & kHighBits) >> 2;              // +0x20 for 'A'..'Z'
  std::memcpy(out, &word, sizeof word);
  return true;
}

}  // namespace

void fold_case(std::string_view text, std::string& out) {
  // Simple folding grows a character by at most one byte (2-byte -> 3-byte
  // sequences, e.g. U+023A -> U+2C65), so 3/2 of the input always fits.
  out.resize(text.size() + text.size() / 2 + 4);
  char* write = out.data();
  const auto* bytes = reinterpret_cast<const std::uint8_t*>(text.data());
  const auto length = static_cast<std::int32_t>(text.size());
  const auto& table = small_fold_table();
  std::int32_t pos = 0;
  while (pos < length) {
    if (bytes[pos] < 0x80 && pos + 8 <= length && fold_ascii_word(bytes + pos, write)) {
      pos += 8;
      write += 8;
      continue;
    }
    const std::uint8_t byte = bytes[pos];
    if (byte < 0x80) {  // ASCII
      *write++ = static_cast<char>(byte >= 'A' && byte <= 'Z' ? byte + ('a' - 'A') : byte);
      ++pos;
      continue;
    }
    // Two-byte sequences (Latin, Greek, Cyrillic, Hebrew, Arabic, ...): all
    // below U+0800, so the table answers without ICU.
    if (byte >= 0xC2 && byte <= 0xDF && pos + 1 < length && (bytes[pos + 1] & 0xC0) == 0x80) {
      const char16_t folded = table[static_cast<std::size_t>(((byte & 0x1F) << 6) | (bytes[pos + 1] & 0x3F))];
      if (folded < 0x80) {
        *write++ = static_cast<char>(folded);
      } else if (folded < 0x800) {
        *write++ = static_cast<char>(0xC0 | (folded >> 6));
        *write++ = static_cast<char>(0x80 | (folded & 0x3F));
      } else {
        *write++ = static_cast<char>(0xE0 | (folded >> 12));
        *write++ = static_cast<char>(0x80 | ((folded >> 6) & 0x3F));
        *write++ = static_cast<char>(0x80 | (folded & 0x3F));
      }
      pos += 2;
      continue;
    }
    const std::int32_t start = pos;
    UChar32 code_point = 0;
    U8_NEXT(bytes, pos, length, code_point);
    if (code_point < 0) {  // not valid UTF-8: keep the bytes as they are
      for (std::int32_t i = start; i < pos; ++i) *write++ = static_cast<char>(bytes[i]);
      continue;
    }
    const UChar32 folded = code_point < kTableSize ? table[static_cast<std::size_t>(code_point)]
                                                   : u_foldCase(code_point, U_FOLD_CASE_DEFAULT);
    std::int32_t written = 0;
    [[maybe_unused]] UBool error = false;
    U8_APPEND(reinterpret_cast<std::uint8_t*>(write), written, U8_MAX_LENGTH, folded, error);
    write += written;
  }
  out.resize(static_cast<std::size_t>(write - out.data()));
}

std::string fold_case(std::string_view text) {
  std::string out;
  fold_case(text, out);
  return out;
}

}  // namespace parley::rules
