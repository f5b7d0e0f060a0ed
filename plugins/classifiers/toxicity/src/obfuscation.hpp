// Undoing the ways people disguise abusive words, in two steps around the
// shared TextNormalizer:
//  - before it, on the raw text: "@handle" mentions and "#word_word" topic
//    hashtags are removed (and counted), "@" and "$" inside words become "a"
//    and "s" ("@ss", "bi$$h"), and "*" masking letters ("f*ck", "f**k")
//    becomes a mask letter the normaliser keeps inside the word;
//  - after it, per token: leetspeak digits ("sh1t", "4ss"), stretched
//    letters ("fuuuuck"), masked tokens resolved against the lexicon's words,
//    and s p a c e d or d.o.t.t.e.d letters joined into one word.
// Each recovered form is an extra variant of the token(s) it came from; the
// original tokens stay, so nothing that matched before stops matching.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "lexicon.hpp"

namespace parley::toxicity {

/// The letter that stands for one masked character after prepare_raw_text()
/// (U+01C2, a letter no list uses, so the normaliser keeps it in the word).
inline constexpr std::string_view kMaskLetter = "\xC7\x82";

struct RawTextFacts {
  std::uint32_t mentions = 0;        ///< "@handle" occurrences, the brand's own aside
  std::uint32_t topic_tags = 0;      ///< "#word_word" hashtags left out
  std::uint32_t brand_mentions = 0;  ///< "@handle"s of the brand's own accounts
};

/// Rewrites what the normaliser would otherwise split or drop. Returns `raw`
/// itself when there is nothing to rewrite, else a view of `buffer`. A
/// handle whose key starts with one of `brand_handles` (text::handle_key of the
/// brand's names: "@NordicCoffeeHelp") is the brand's own account.
std::string_view prepare_raw_text(std::string_view raw, std::string& buffer, RawTextFacts& facts,
                                  std::span<const std::string> brand_handles = {});

/// A de-obfuscated form of tokens [first, first + count).
struct TokenVariant {
  std::uint32_t first = 0;
  std::uint32_t count = 1;
  std::string text;
};

/// Appends leetspeak and stretched-letter variants of one folded token.
void add_token_variants(std::string_view token, std::uint32_t index, std::vector<TokenVariant>& variants);

/// The lexicon word a masked token ("f" + mask + "ck") stands for, or empty.
/// `allowed` limits the candidates to languages compatible with the text.
std::string_view resolve_masked_token(std::string_view token, std::span<const MaskCandidate> candidates,
                                      LanguageMask allowed);

/// For each run of three or more one-letter tokens ("f u c k", "f.u.c.k"),
/// appends the joined word as a variant of the run.
void add_spaced_letter_variants(const std::vector<std::string_view>& tokens, std::vector<TokenVariant>& variants);

}  // namespace parley::toxicity
