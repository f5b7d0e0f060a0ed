// NormalizedText: what TextNormalizer makes of a text, folded tokens joined
// by single spaces.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace parley::text {

/// Byte range [begin, end) of one token inside NormalizedText::text.
struct TokenSpan {
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
};

/// The folded text as tokens joined by single spaces ("where is my order"),
/// so that consecutive tokens form a contiguous substring (a phrase key).
struct NormalizedText {
  std::string text;
  std::vector<TokenSpan> tokens;

  std::string_view token(std::size_t index) const {
    return std::string_view(text).substr(tokens[index].begin, tokens[index].end - tokens[index].begin);
  }
  /// Tokens [first, first + count) with the single spaces between them.
  std::string_view tokens_view(std::size_t first, std::size_t count) const {
    return std::string_view(text).substr(tokens[first].begin, tokens[first + count - 1].end - tokens[first].begin);
  }
  void clear() {
    text.clear();
    tokens.clear();
  }
};

}  // namespace parley::text
