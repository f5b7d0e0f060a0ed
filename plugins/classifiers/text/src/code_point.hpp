// code_point: reading one UTF-8 code point forwards or backwards, and
// whether it belongs to a word; for scanners that walk raw bytes.
#pragma once

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace parley::text {

/// The code point starting at `at` (negative for invalid UTF-8) and, in
/// `next`, the offset after it.
inline UChar32 code_point_at(std::string_view text, std::size_t at, std::size_t& next) {
  // A code point is at most 4 bytes: decode a short window so that offsets fit int32_t.
  const auto window = static_cast<std::int32_t>(std::min<std::size_t>(4, text.size() - at));
  std::int32_t offset = 0;
  UChar32 c = 0;
  U8_NEXT(text.data() + at, offset, window, c);
  next = at + static_cast<std::size_t>(offset);
  return c;
}

/// The code point that ends just before `at`; negative at the start or
/// after invalid UTF-8.
inline UChar32 code_point_before(std::string_view text, std::size_t at) {
  if (at == 0 || at > text.size()) return U_SENTINEL;
  // Back up over continuation bytes (10xxxxxx) to the lead byte, at most 3.
  std::size_t lead = at - 1;
  while (lead > 0 && at - lead < 4 && (static_cast<unsigned char>(text[lead]) & 0xC0) == 0x80) --lead;
  std::size_t next = lead;
  const UChar32 c = code_point_at(text, lead, next);
  return next == at ? c : U_SENTINEL;
}

/// Letters and digits of any script and their combining marks.
inline bool is_word_code_point(UChar32 c) { return c >= 0 && (u_isalnum(c) || (U_GET_GC_MASK(c) & U_GC_M_MASK) != 0); }

}  // namespace parley::text
