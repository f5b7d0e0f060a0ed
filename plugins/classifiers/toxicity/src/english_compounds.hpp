// English glues swearwords onto other words: "dipshit", "dumbfuck",
// "sonofabitch", "bitchass". The lists cannot name every compound, so a
// Latin token that ends with a swearword also yields that swearword as a
// variant of the same token, and one that starts with "bitch" (listed as an
// exact word, since "bitching" is only grumbling) yields "bitch". No English
// word ends with these tails, so ordinary words are left alone.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "obfuscation.hpp"

namespace parley::toxicity {

/// The part of add_english_compound_variants after its quick checks.
void add_english_compound_parts(std::string_view token, std::uint32_t index, std::vector<TokenVariant>& variants);

/// Appends the swearword inside one folded English compound (nothing for
/// other tokens, or when the rest is shorter than two letters). Every token
/// of every text passes here, so the checks that turn almost all of them
/// away are inline: at least six bytes, and a last letter a tail ends with
/// (k, t, h, s, r) or a first one of "bitch".
constexpr std::size_t kShortestCompound = 6;  ///< a four-letter tail after two letters: "dipshit"

inline void add_english_compound_variants(std::string_view token, std::uint32_t index,
                                          std::vector<TokenVariant>& variants) {
  if (token.size() < kShortestCompound) return;
  const char last = token.back();
  if (last != 'k' && last != 't' && last != 'h' && last != 's' && last != 'r' && token.front() != 'b') return;
  add_english_compound_parts(token, index, variants);
}

}  // namespace parley::toxicity
