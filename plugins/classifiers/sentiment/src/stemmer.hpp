// Light stemmers for the inflected languages: strip the longest inflection
// suffix (and, for Arabic, the article and conjunction prefixes) from a folded
// token. The same function runs on lexicon entries and on text tokens, so
// "ужасно", "ужасный" and "ужасная" all reduce to "ужасн" and meet.
//
// They work on folded text (accents and marks removed, й→и, ä→a, ς→σ), which
// is why Snowball's stemmers (written for unfolded spelling) are not used.
#pragma once

#include <array>
#include <cstddef>
#include <string>
#include <string_view>

#include "language.hpp"

namespace parley::sentiment {

/// The number of code points in UTF-8 `text`.
std::size_t code_points(std::string_view text);

/// The stem of `token` (a view into `token`). English tokens are returned as
/// they are: its lexicon lists inflected forms.
std::string_view stem(Language language, std::string_view token);

/// The words an English token may be a regular inflection of, most likely
/// first: "crashes" -> "crash"; "hated" -> "hate", "hat"; "worries" ->
/// "worry"; "crashing" -> "crash", "crashe". The English lexicon lists
/// inflected forms, but not all of them ("crash" is there, "crashes" is not):
/// a token it lacks is looked up as these. Removed: -ies, -ied, -ed, -ing and
/// -es after s, x, z, ch, sh. Left alone: a bare plural -s ("odds" is not
/// "odd"), -ly, which derives a new word ("hardly" is not "hard"), and
/// doubled consonants ("stopped"). Each base keeps at least 3 letters of
/// the token ("thing" is not "the").
/// Lowercase a-z tokens only.
struct EnglishBaseForms {
  std::array<std::string, 3> forms;
  std::size_t count = 0;
};
EnglishBaseForms english_base_forms(std::string_view token);

}  // namespace parley::sentiment
