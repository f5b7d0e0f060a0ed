// Light stemmers for the inflected languages: strip the longest inflection
// suffix (and, for Arabic, the article and conjunction prefixes) from a folded
// token. The same function runs on lexicon entries and on text tokens, so
// "ужасно", "ужасный" and "ужасная" all reduce to "ужасн" and meet.
//
// They work on folded text (accents and marks removed, й→и, ä→a, ς→σ), which
// is why Snowball's stemmers (written for unfolded spelling) are not used.
#pragma once

#include <string_view>

#include "language.hpp"

namespace parley::sentiment {

/// The stem of `token` (a view into `token`). English tokens are returned as
/// they are: its lexicon lists inflected forms.
std::string_view stem(Language language, std::string_view token);

}  // namespace parley::sentiment
