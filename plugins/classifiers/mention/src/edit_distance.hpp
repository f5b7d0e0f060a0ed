// Optimal-string-alignment (restricted Damerau-Levenshtein) distance over
// code points, bounded: the answer is exact when it is <= `limit`, and
// `limit + 1` otherwise. A typo is one insertion, deletion, substitution or
// swap of two neighbours ("Nordci" -> "Nordic").
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace parley::mention {

/// Appends the code points of UTF-8 `text` to `out` (invalid bytes become
/// U+FFFD). Returns false (and stops) when `out` would exceed `max_length`.
bool decode_utf8(std::string_view text, std::u32string& out, std::size_t max_length);

std::size_t bounded_osa_distance(std::u32string_view a, std::u32string_view b, std::size_t limit);

}  // namespace parley::mention
