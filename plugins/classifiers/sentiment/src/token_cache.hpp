// TokenCache: what each lexicon said about a folded token, remembered per
// thread. Brand comments repeat their words, so a word seen before costs one
// hash lookup instead of a stemmer pass and three hash lookups per lexicon.
// A flat table (open addressing, entries and key bytes in arrays that never
// move), emptied whole when full: half the words of real comments are new.
// The answers are exactly what the lexicons give (they are immutable after
// construction), so the scores do not change.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "lexicon.hpp"

namespace parley::sentiment {

/// One lexicon's answer for one token.
struct LexiconAnswer {
  std::string_view stem;                         ///< the lexicon's stem of the token (a view into the token)
  const std::vector<Phrase>* phrases = nullptr;  ///< phrases whose first word has that stem
  Cue cue;                                       ///< Lexicon::lookup's cue (default when not known)
  bool known = false;                            ///< Lexicon::lookup's result
  bool stopword = false;                         ///< the exact form is a function word of the language

  static LexiconAnswer of(const Lexicon& lexicon, std::string_view token);
};

/// The per-thread cache of one SentimentModel. Lexicons are addressed by a
/// slot (0..kSlots-1) that the model assigns.
class TokenCache {
 public:
  static constexpr std::size_t kSlots = 7;  // six languages and the emoji

  /// The cache of the model `model_id` on this thread; emptied when it holds
  /// too many words. Call once per text: entries stay valid until the next call.
  static TokenCache& for_model(std::uint64_t model_id);

  /// A fresh id for a model (ids are never reused, so a new model at an old
  /// model's address finds no stale answers).
  static std::uint64_t next_model_id();

  /// The answers of `token`; nullptr when the cache is full (a long text of
  /// distinct words) or the token long: then the caller asks the lexicon itself.
  struct Entry;
  Entry* entry(std::string_view token);

  /// The answer of `lexicon` (in `slot`) for `token`, from `entry` if any,
  /// else computed into `spare`.
  static const LexiconAnswer& answer(Entry* entry, std::size_t slot, const Lexicon& lexicon, std::string_view token,
                                     LexiconAnswer& spare);

  struct Entry {
    std::string_view token;  ///< in the cache's key bytes, which the stems view
    std::array<LexiconAnswer, kSlots> answers;
    std::uint8_t filled = 0;  ///< bit per slot
    /// Facts about the token's letters, for the caller to remember
    /// (kShapeKnown set once they are filled in).
    std::uint8_t shape = 0;
  };
  static constexpr std::uint8_t kShapeKnown = 1;

 private:
  struct Slot {
    std::uint32_t fingerprint = 0;  // key_fingerprint of the token's hash
    std::uint32_t entry = 0;        // index into entries_ plus one; 0 = empty
  };
  /// No room for one more token of the longest kept.
  bool full() const;
  /// Empties the cache for `model_id`; the first call allocates it.
  void reset(std::uint64_t model_id);

  std::vector<Slot> slots_;
  std::vector<Entry> entries_;  // capacity fixed at the first reset: entries never move
  std::string key_bytes_;       // likewise: the tokens' views stay valid
  std::uint64_t model_id_ = 0;
  std::uint64_t last_use_ = 0;
};

}  // namespace parley::sentiment
