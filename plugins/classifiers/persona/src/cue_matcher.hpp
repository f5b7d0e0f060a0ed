// CueMatcher: finds short phrases ("sorry to bother", "компенсаци*") in a
// text, all at once, after the same Unicode folding on both sides.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "text_normalizer.hpp"

namespace parley::persona {

struct CueWord {
  std::string folded;   ///< one folded token
  bool prefix = false;  ///< written with a trailing '*': matches any token starting with it
};

struct Cue {
  std::size_t group = 0;  ///< what the cue is evidence of (a persona's index)
  std::vector<CueWord> words;
};

class CueMatcher {
 public:
  /// `group_count` groups; add cues with add() before matching.
  explicit CueMatcher(std::size_t group_count);

  /// Adds "word word*" for `group`. Returns false when the phrase folds to no
  /// token (e.g. only punctuation), so callers can report it.
  bool add(std::size_t group, std::string_view phrase);

  /// How many distinct cues of each group occur in `text` (folded tokens).
  std::vector<int> count(const text::NormalizedText& text) const;

  const text::TextNormalizer& normalizer() const { return normalizer_; }

 private:
  bool matches_at(const text::NormalizedText& text, std::size_t first, const Cue& cue) const;

  std::size_t group_count_;
  text::TextNormalizer normalizer_;
  std::vector<Cue> cues_;
  /// First word -> cues starting with it (exact and prefix first words apart).
  std::unordered_map<std::string, std::vector<std::size_t>> by_first_word_;
  std::unordered_map<std::string, std::vector<std::size_t>> by_first_prefix_;
  std::unordered_set<std::size_t> prefix_lengths_;  ///< byte lengths of prefix keys
};

}  // namespace parley::persona
