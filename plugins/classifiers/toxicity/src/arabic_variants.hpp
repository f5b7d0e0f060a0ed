// Arabic spellings the lists do not spell out, as extra variants of a token:
//  - attached particles: the conjunctions و/ف, the prepositions ب/ل/ك, the
//    article ال (and لل), and in tweets the vocative يا written together with
//    the insult ("ياكلب", "وياحمار", "فالحقير"). The Snowball stemmer strips
//    some of them, but only for inflected entries and never يا; exact
//    entries ("=وسخ") would miss every attached form. When a vocative comes
//    off, a lone "يا" variant is added too, so the second-person rule sees it;
//  - feminine and plural endings (ه ين ون ات): "وسخين" -> "وسخ";
//  - elongation: doubled letters ("حقوود" -> "حقود") and long vowels
//    stretched where the word has none ("الكاااالب" -> "الكلب"). The generic
//    stretch variants keep one or two copies of a run, which cannot undo a
//    letter inserted only to stretch the word.
// The token as written stays in the stream, so nothing that matched before
// stops matching.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "obfuscation.hpp"

namespace parley::toxicity {

/// Appends the de-cliticised and de-elongated forms of one folded Arabic
/// token (nothing for other scripts). Each form keeps at least three letters,
/// so short words are not cut into list words by accident ("بكس" stays whole).
void add_arabic_variants(std::string_view token, std::uint32_t index, std::vector<TokenVariant>& variants);

}  // namespace parley::toxicity
