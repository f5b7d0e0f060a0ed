// KeywordMatcher: the term tables of one keywords instance, folded once at
// construction, and the per-event lookup. Per event: one normalisation pass,
// then one hash lookup per token (plus phrase n-grams only after a token that
// starts a phrase), one trie walk per token for stems, and one Aho-Corasick
// pass over the text for substrings. No regexes, no loop over all terms.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "byte_trie.hpp"
#include "keywords_config.hpp"
#include "string_table.hpp"
#include "text_normalizer.hpp"

namespace parley::keywords {

using text::NormalizedText;
using text::TextNormalizer;

/// Which labels matched one text; reused across calls to avoid allocation.
class MatchSet {
 public:
  void reset(std::size_t label_count) {
    hits_.assign(label_count, 0);
    count_ = 0;
  }
  /// Marks a label; returns true when every label has matched (nothing left to find).
  bool mark(std::uint32_t label) {
    if (!hits_[label]) {
      hits_[label] = 1;
      ++count_;
    }
    return count_ == hits_.size();
  }
  bool has(std::uint32_t label) const { return hits_[label] != 0; }
  bool complete() const { return count_ == hits_.size(); }
  std::size_t count() const { return count_; }
  std::size_t size() const { return hits_.size(); }

 private:
  std::vector<unsigned char> hits_;
  std::size_t count_ = 0;
};

/// Summary of the tables, for the log line at start-up.
struct MatcherStats {
  std::size_t labels = 0;
  std::size_t word_terms = 0;
  std::size_t phrase_terms = 0;
  std::size_t prefix_terms = 0;
  std::size_t substring_terms = 0;
};

class KeywordMatcher {
 public:
  struct Label {
    std::string name;
    double score = 1.0;
    MatchMode mode = MatchMode::word;
  };

  /// Folds every term. Throws std::invalid_argument naming the label when a
  /// term folds to nothing (e.g. only punctuation).
  explicit KeywordMatcher(const std::vector<LabelTerms>& labels);

  const std::vector<Label>& labels() const { return labels_; }
  const MatcherStats& stats() const { return stats_; }
  const TextNormalizer& normalizer() const { return normalizer_; }

  /// Marks in `hits` the labels whose terms occur in `text` (already folded).
  /// Threading: const, may be called concurrently.
  void match(const NormalizedText& text, MatchSet& hits) const;

  /// Folds `text` into `scratch` and matches it.
  void match(std::string_view text, NormalizedText& scratch, MatchSet& hits) const;

 private:
  struct WordEntry {
    std::vector<std::uint32_t> labels;  ///< labels of the single-word term
    std::uint32_t longest_phrase = 1;   ///< words of the longest phrase starting here
  };
  struct StemTerm {
    std::uint32_t label = 0;
    std::vector<std::string> next_stems;  ///< stems for the following words of a phrase
  };

  void add_word_term(std::uint32_t label, const std::vector<std::string>& tokens);
  void add_prefix_term(std::uint32_t label, std::vector<std::string> tokens);
  bool stems_follow(const NormalizedText& text, std::size_t first, const StemTerm& term) const;

  TextNormalizer normalizer_;
  std::vector<Label> labels_;
  MatcherStats stats_;

  text::StringTable<WordEntry> words_;                     // word mode, by first word
  text::StringTable<std::vector<std::uint32_t>> phrases_;  // word mode, "w1 w2 ..." -> labels
  text::ByteTrie stems_;                                   // prefix mode, first stem -> StemTerm index
  std::vector<StemTerm> stem_terms_;
  text::ByteTrie substrings_;  // substring mode -> label
  bool has_words_ = false;
};

}  // namespace parley::keywords
