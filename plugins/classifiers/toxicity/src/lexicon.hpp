// Lexicon: every list entry turned into the literals the matcher looks for.
// A literal is folded words between spaces (" know where you live "), looked
// up in one of two streams of the text: the words as written (after
// de-obfuscation) or their stems. A prefix entry has no closing space
// (" fuck"). A later entry for the same folded words, category and language
// replaces an earlier one, weight and match mode (curated lists after LDNOOBW,
// the config's `add:` after both); entries that fold to the same literal
// share it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "text_normalizer.hpp"

#include "category.hpp"
#include "language.hpp"
#include "list_parser.hpp"

namespace parley::toxicity {

struct Meaning {
  Category category = Category::profanity;
  float weight = 1.0f;
  LanguageMask languages = kAllLanguages;  ///< texts of these languages may match it
};

struct Pattern {
  std::string literal;  ///< " word word " (or " word" for a prefix)
  std::uint32_t words = 1;
  std::vector<Meaning> meanings;
};

/// A single word an obfuscated token ("f*ck", "sh**") may stand for.
struct MaskCandidate {
  std::string word;  ///< folded
  bool prefix = false;
  Category category = Category::profanity;
  float weight = 1.0f;
  LanguageMask languages = kAllLanguages;
};

enum class Stream : std::uint8_t { surface, stems };

class Lexicon {
 public:
  explicit Lexicon(const text::TextNormalizer& normalizer) : normalizer_(normalizer) {}

  /// Adds entries of one category. `language`: the list's language (its
  /// stemmer, and only texts of compatible languages match); nullopt for
  /// config terms, which match every language and are stemmed by script.
  void add(const std::vector<ListEntry>& entries, Category category, std::optional<Language> language,
           double default_weight);

  const std::vector<Pattern>& patterns(Stream stream) const { return stream == Stream::surface ? surface_ : stems_; }
  /// Turns the entries added so far into patterns; call once, after the
  /// last add().
  void build();

  /// Single-word abuse entries for masked tokens: mildest category first, strongest word first within it.
  const std::vector<MaskCandidate>& mask_candidates() const { return mask_candidates_; }

 private:
  struct PendingEntry {
    std::vector<std::string> words;  ///< folded
    TermMatch match = TermMatch::inflected;
    std::optional<Language> language;
    Meaning meaning;
  };

  void add_literal(Stream stream, std::string literal, std::uint32_t words, const Meaning& meaning);

  const text::TextNormalizer& normalizer_;
  std::vector<PendingEntry> pending_;
  std::unordered_map<std::string, std::size_t> pending_index_;  ///< entry key -> index in pending_
  std::vector<Pattern> surface_;
  std::vector<Pattern> stems_;
  std::unordered_map<std::string, std::size_t> surface_index_;
  std::unordered_map<std::string, std::size_t> stem_index_;
  std::vector<MaskCandidate> mask_candidates_;
};

}  // namespace parley::toxicity
