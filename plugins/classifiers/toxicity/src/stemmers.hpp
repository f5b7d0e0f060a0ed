// Snowball stemmers (libstemmer) for the languages that have one: English,
// Greek, Russian, Finnish and Arabic. Polish has none: its lists use prefixes.
#pragma once

#include <string>
#include <string_view>

#include "language.hpp"

namespace parley::toxicity {

/// True when `language` has a Snowball stemmer.
bool has_stemmer(Language language);

/// Appends the stem of one folded token to `out`; the token itself when the
/// language has no stemmer or the token is too short to stem. Threading: safe
/// to call concurrently (each thread has its own stemmer objects, which
/// libstemmer requires).
void append_stem(Language language, std::string_view token, std::string& out);

/// The stem of one token (for building tables; allocates).
std::string stem(Language language, std::string_view token);

}  // namespace parley::toxicity
