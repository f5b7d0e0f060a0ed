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

/// Appends the swearword inside one folded English compound (nothing for
/// other tokens, or when the rest is shorter than two letters).
void add_english_compound_variants(std::string_view token, std::uint32_t index, std::vector<TokenVariant>& variants);

}  // namespace parley::toxicity
