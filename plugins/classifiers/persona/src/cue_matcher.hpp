// CueMatcher: finds short phrases ("sorry to bother", "компенсаци*") in a
// text, all at once, after the same Unicode folding on both sides.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "byte_trie.hpp"
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
  /// `group_count` groups; add cues with add(), then freeze(), then count().
  explicit CueMatcher(std::size_t group_count);

  /// Adds "word word*" for `group`. Returns false when the phrase folds to no
  /// token (e.g. only punctuation), so callers can report it.
  bool add(std::size_t group, std::string_view phrase);

  /// Builds the lookup of stems; add() is refused afterwards.
  void freeze() { by_first_prefix_.freeze(); }

  /// How many distinct cues of each group occur in `text` (folded tokens).
  std::vector<int> count(const text::NormalizedText& text) const;

  const text::TextNormalizer& normalizer() const { return normalizer_; }

 private:
  bool matches_at(const text::NormalizedText& text, std::size_t first, const Cue& cue) const;

  std::size_t group_count_;
  text::TextNormalizer normalizer_;
  std::vector<Cue> cues_;
  /// Hashes std::string and std::string_view alike, so a token is looked up without a copy.
  struct WordHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view word) const { return std::hash<std::string_view>{}(word); }
  };

  /// First word -> cues starting with it; a first word with a star goes to
  /// the trie, which finds all of a token's prefixes in one pass.
  std::unordered_map<std::string, std::vector<std::size_t>, WordHash, std::equal_to<>> by_first_word_;
  text::ByteTrie by_first_prefix_;
};

}  // namespace parley::persona
