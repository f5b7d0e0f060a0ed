// SentimentModel: the lexicons of every language and the VADER-style rules
// that turn a text into sentiment scores and an anger intensity.
//
// Per text: one folding pass (TextNormalizer), one raw pass for punctuation,
// capitals and emoticons (TextSignals), then per token one lookup in a
// per-thread TokenCache; a word's first use stems it and looks up its exact
// form, stem and the phrases starting there. No regexes, nothing that grows
// with the lexicon size.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

#include "language.hpp"
#include "lexicon.hpp"
#include "sentiment_config.hpp"
#include "text_normalizer.hpp"
#include "text_signals.hpp"
#include "token_cache.hpp"

namespace parley::sentiment {

struct SentimentScores {
  double negative = 0.0;  ///< the three sum to 1
  double neutral = 1.0;
  double positive = 0.0;
  double anger = 0.0;     ///< 0..1
  double compound = 0.0;  ///< VADER's normalised valence sum, -1..1
};

/// What the caller knows beyond the text.
struct TextContext {
  std::string_view lang;  ///< ISO 639-1 from an earlier classifier or the platform; may be empty
  double abuse = 0.0;     ///< strongest toxicity.* score an earlier classifier set, 0..1
};

class SentimentModel {
 public:
  /// Loads the embedded lexicons and the config's additions. Throws
  /// std::invalid_argument on a broken lexicon line.
  explicit SentimentModel(const SentimentConfig& config);

  /// Threading: const, may be called concurrently (scratch is thread_local).
  SentimentScores score(std::string_view text, const TextContext& context) const;

  const Lexicon& lexicon(Language language) const { return *lexicons_[static_cast<std::size_t>(language)]; }
  std::size_t emoji_count() const { return emoji_->word_count(); }
  std::size_t emoticon_count() const { return emoticons_.size(); }

 private:
  struct Selection {
    std::array<const Lexicon*, 3> primary{};  ///< consulted in order; first hit wins
    std::array<std::size_t, 3> slots{};       ///< their TokenCache slots
    std::size_t count = 0;
  };
  Selection select(std::string_view lang, const text::NormalizedText& folded,
                   const std::vector<TokenCache::Entry*>& entries) const;

  text::TextNormalizer normalizer_;
  std::array<std::unique_ptr<Lexicon>, kLanguageCount> lexicons_;
  std::unique_ptr<Lexicon> emoji_;  // language-independent
  EmoticonTable emoticons_;
  double neutral_band_;
  std::uint64_t id_ = TokenCache::next_model_id();  // keys this model's per-thread TokenCache
};

}  // namespace parley::sentiment
