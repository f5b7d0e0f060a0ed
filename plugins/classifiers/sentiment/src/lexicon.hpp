// Lexicon: what the words and phrases of one language mean for sentiment,
// folded and stemmed once at construction. Lookups are hash lookups keyed by
// the folded token (exact form first, then its stem), in flat read-only
// tables (parley_text's StringTable) once the lexicon is complete.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "language.hpp"
#include "string_table.hpp"
#include "text_normalizer.hpp"

namespace parley::sentiment {

/// What one word (or phrase) contributes. A word may be several things at
/// once: "worst" is a valence word, a complaint cue and nothing else.
struct Cue {
  float valence = 0.0F;  ///< VADER scale, -4..4; 0 = not a sentiment word
  float boost = 0.0F;    ///< intensifier (> 0) or dampener (< 0)
  float anger = 0.0F;    ///< anger intensity 0..1
  bool negator = false;
  bool contrast = false;   ///< "but": what follows weighs more
  bool irony = false;      ///< positive word often meant sarcastically
  bool complaint = false;  ///< brand-complaint cue
  bool blame = false;      ///< second person ("you", "your")
  bool stopword = false;   ///< a frequent function word, to guess the language
  bool fixed = false;      ///< valence set by hand (cues, config): a 0 here means "neutral"
};

/// A phrase of two or more words, compared by stems.
struct Phrase {
  std::vector<std::string> stems;  ///< one per word, the first included
  Cue cue;
};

/// The hash functor for heterogeneous lookups (string_view without a copy).
struct StringHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view text) const noexcept { return std::hash<std::string_view>{}(text); }
};
template <typename Value>
using StringMap = std::unordered_map<std::string, Value, StringHash, std::equal_to<>>;

class Lexicon {
 public:
  explicit Lexicon(Language language) : language_(language) {}

  Language language() const { return language_; }

  /// Adds a valence word or phrase (from a lexicon file or the config).
  /// `override_existing`: replace an entry already there (hand-written cues
  /// and brand additions win over the bulk lexicons).
  void add_valence(const text::TextNormalizer& normalizer, std::string_view term, float valence,
                   bool override_existing);

  /// Reads a hand-written cue file (kind<TAB>term[<TAB>value]; see
  /// lexicons/cues-en.tsv). Throws std::invalid_argument naming the line.
  void add_cues(const text::TextNormalizer& normalizer, std::string_view file_name, std::string_view content);

  /// Adds an anger word with intensity 0..1.
  void add_anger(const text::TextNormalizer& normalizer, std::string_view term, float intensity);

  /// Builds the stem table and freezes the maps the lookups read; call
  /// once, after the last add and before the first lookup.
  void finish();

  /// The cue of a folded token into `out`: the exact form's flags, and its
  /// valence and anger, or else those of its stem (English: of the negative
  /// word it inflects, see lookup_base_form). False when neither is known.
  bool lookup(std::string_view token, Cue& out) const { return lookup(token, stem_of(token), out); }
  /// The same with the token's stem already computed (stem_of(token)).
  bool lookup(std::string_view token, std::string_view stem, Cue& out) const {
    return lookup(token, stem, find_exact(token), out);
  }
  /// The same with the exact form's entry already looked up (find_exact(token)).
  bool lookup(std::string_view token, std::string_view stem, const Cue* exact, Cue& out) const;
  /// The exact form only (function words: negators, boosters).
  const Cue* find_exact(std::string_view token) const;

  /// Phrases whose first word has the stem of `token`; nullptr if none.
  const std::vector<Phrase>* phrases_starting(std::string_view token) const {
    return phrases_with_first_stem(stem_of(token));
  }
  const std::vector<Phrase>* phrases_with_first_stem(std::string_view stem) const;

  std::string_view stem_of(std::string_view token) const;

  std::size_t word_count() const { return words_.size(); }
  std::size_t phrase_count() const;

 private:
  /// English: the valence, anger and complaint flag of the first base form of
  /// `token` (english_base_forms) that the lexicon rates as clearly negative
  /// (-1 or below) or as an anger word, merged into `out`; false when none.
  bool lookup_base_form(std::string_view token, const Cue* exact, Cue& out) const;

  Cue* entry_for(const text::TextNormalizer& normalizer, std::string_view term, Phrase** phrase);

  Language language_;
  // Filled by the add_* calls; finish() freezes them into the maps below.
  StringMap<Cue> added_words_;
  StringMap<std::vector<Phrase>> added_phrases_;  // by the stem of the first word
  // Valence words collected for the stem table: stem -> (sum, count).
  StringMap<std::pair<float, int>> stem_valence_;
  StringMap<Cue> stem_overrides_;
  // What the lookups read, from finish() on.
  text::StringTable<Cue> words_;
  text::StringTable<Cue> stems_;
  text::StringTable<std::vector<Phrase>> phrases_;  // by the stem of the first word
};

}  // namespace parley::sentiment
