// TokenStream: a text's folded tokens laid out for literal matching. Two
// parallel buffers hold the same pieces, one as written ("surface") and one
// stemmed:
//   " you are idiots | variant | variant "
// Main tokens come first, joined by single spaces so phrases match; each
// de-obfuscated variant follows behind " | ", so it matches as a word but
// never joins a phrase. Every piece remembers the tokens it stands for.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "language.hpp"
#include "obfuscation.hpp"
#include "text_normalizer.hpp"

namespace parley::toxicity {

struct TokenSpanRef {
  std::uint32_t first = 0;  ///< first token index
  std::uint32_t end = 0;    ///< one past the last token index
};

class TokenStream {
 public:
  /// Rebuilds the stream from folded tokens and their variants. `language`
  /// picks the stemmer for Latin-script tokens (other scripts have one
  /// language each here); nullopt stems Latin as English.
  void build(const text::NormalizedText& normalized, const std::vector<TokenVariant>& variants,
             std::optional<Language> language);

  const std::string& surface() const { return surface_; }
  const std::string& stems() const { return stems_; }
  std::uint32_t token_count() const { return token_count_; }

  /// The tokens covered by a literal of `words` words that starts (with its
  /// leading space) at byte `start` of the surface or stem buffer.
  TokenSpanRef tokens_at(bool in_stems, std::uint32_t start, std::uint32_t words) const;

 private:
  void add_piece(std::string_view word, TokenSpanRef tokens, std::optional<Language> language);

  std::string surface_;
  std::string stems_;
  std::vector<std::uint32_t> surface_offsets_;  ///< byte offset of each piece, ascending
  std::vector<std::uint32_t> stem_offsets_;
  std::vector<TokenSpanRef> pieces_;
  std::uint32_t token_count_ = 0;
};

}  // namespace parley::toxicity
