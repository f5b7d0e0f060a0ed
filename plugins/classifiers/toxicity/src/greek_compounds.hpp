// Greek builds insults as compounds: a rude second element after the linking
// vowel -ο- ("χοντρο-μαλάκας", "βρωμο-πουτάνα", "ξινό-μουνο") or an
// intensifying first element ("παν-ηλίθιος"). The lists cannot name every
// compound, so a long Greek token also yields its tails after each linking
// -ο- and after "παν", as variants of the same token; a tail counts only if
// it is a list word itself.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "obfuscation.hpp"

namespace parley::toxicity {

/// Appends the compound tails of one folded Greek token (nothing for other
/// scripts or short tokens). Both parts keep at least four letters, which
/// leaves ordinary prefixes ("προ-", "απο-") and short words alone.
void add_greek_compound_variants(std::string_view token, std::uint32_t index, std::vector<TokenVariant>& variants);

}  // namespace parley::toxicity
