// SentimentClassifier: the `sentiment` plugin instance. Sets
// sentiment.negative/neutral/positive (a distribution) and anger.
#pragma once

#include <parley/plugin.hpp>

#include "sentiment_config.hpp"
#include "sentiment_model.hpp"

namespace parley::sentiment {

class SentimentClassifier final : public Classifier {
 public:
  /// Throws std::invalid_argument on a bad config (see parse_sentiment_config).
  SentimentClassifier(const ConfigValue& config, PluginContext& context);
  explicit SentimentClassifier(const SentimentConfig& config);

  /// Reads the `lang` attribute (from the language classifier), else the
  /// event's own lang, else guesses by script; reads toxicity.* for anger.
  /// Threading: called concurrently; the instance is immutable.
  void classify(const Event& event, Labels& labels) override;

  const SentimentModel& model() const { return model_; }

 private:
  SentimentModel model_;
};

}  // namespace parley::sentiment
