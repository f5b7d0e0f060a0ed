#include "handle_span.hpp"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cstdint>

namespace parley::text {
namespace {

bool is_ascii_handle_byte(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

bool is_handle_code_point(UChar32 c) { return c >= 0 && (u_isalnum(c) || (U_GET_GC_MASK(c) & U_GC_M_MASK) != 0); }

// The code point starting at `at` and the offset after it; c < 0 when the
// bytes are not valid UTF-8.
UChar32 code_point_at(std::string_view text, std::size_t at, std::size_t& next) {
  // A code point is at most 4 bytes: decode a short window so that offsets fit int32_t.
  const auto window = static_cast<std::int32_t>(std::min<std::size_t>(4, text.size() - at));
  std::int32_t offset = 0;
  UChar32 c = 0;
  U8_NEXT(text.data() + at, offset, window, c);
  next = at + static_cast<std::size_t>(offset);
  return c;
}

}  // namespace

std::size_t handle_end(std::string_view text, std::size_t start, bool with_dots) {
  std::size_t at = start;
  while (at < text.size()) {
    const auto byte = static_cast<unsigned char>(text[at]);
    if (byte < 0x80) {
      if (!is_ascii_handle_byte(byte) && !(with_dots && byte == '.')) break;
      ++at;
      continue;
    }
    std::size_t next = at;
    if (!is_handle_code_point(code_point_at(text, at, next))) break;
    at = next;
  }
  return at;
}

bool handle_char_before(std::string_view text, std::size_t at) {
  if (at == 0 || at > text.size()) return false;
  const auto byte = static_cast<unsigned char>(text[at - 1]);
  if (byte < 0x80) return is_ascii_handle_byte(byte);
  // Back up over continuation bytes (10xxxxxx) to the lead byte, at most 3.
  std::size_t lead = at - 1;
  while (lead > 0 && at - lead < 4 && (static_cast<unsigned char>(text[lead]) & 0xC0) == 0x80) --lead;
  std::size_t next = lead;
  const UChar32 c = code_point_at(text, lead, next);
  return next == at && is_handle_code_point(c);
}

}  // namespace parley::text
