// ToxicityClassifier: the `toxicity` plugin instance. Folds and de-obfuscates
// the text, finds every list entry in one vectorscan pass over the words as
// written and one over their stems, and scores the matches
// (toxicity_scorer.hpp).
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <parley/plugin.hpp>

#include "lexicon.hpp"
#include "term_database.hpp"
#include "text_normalizer.hpp"
#include "toxicity_config.hpp"
#include "toxicity_scorer.hpp"

namespace parley::toxicity {

/// What the classifier knows about a text besides its words.
struct TextContext {
  std::optional<Language> language;  ///< nullopt: unknown, every list applies
  bool is_reply = false;
  bool replies_to_brand = false;  ///< metadata parent.author = brand: it answers the brand's own post
};

/// A matched entry, for debugging and tests.
struct MatchedTerm {
  Category category;
  float weight;
  std::string literal;  ///< the folded entry (" idiot ", " fuck")
};

class ToxicityClassifier final : public Classifier {
 public:
  /// Throws std::invalid_argument on a bad config (see parse_toxicity_config).
  ToxicityClassifier(const ConfigValue& config, PluginContext& context);
  explicit ToxicityClassifier(const ToxicityConfig& config);

  /// Sets toxicity.offensive|profanity|insult|hate|threat|harassment and
  /// abuse.target.staff|community|brand on every event (0 when nothing
  /// matched). Reads the `lang` attribute (else Event::lang). Threading:
  /// called concurrently; the instance is immutable after construction.
  void classify(const Event& event, Labels& labels) override;

  ToxicityScores score(std::string_view text, const TextContext& context) const;

  /// The entries that matched `text` (slow path: allocates; for debugging).
  std::vector<MatchedTerm> explain(std::string_view text, const TextContext& context) const;

  std::size_t pattern_count() const;

 private:
  struct Analysis;
  void analyse(std::string_view text, const TextContext& context, Analysis& analysis) const;

  text::TextNormalizer normalizer_;
  std::unique_ptr<Lexicon> lexicon_;
  std::unique_ptr<TermDatabase> surface_database_;
  std::unique_ptr<TermDatabase> stem_database_;
  std::vector<std::string> brand_handles_;  ///< text::handle_key of each brand name
};

}  // namespace parley::toxicity
