// Test helpers: one shared classifier with the default config, a one-call
// classify(), and the predicted class.
#pragma once

#include <string>
#include <string_view>

#include <parley/parley.hpp>
#include <parley/testing.hpp>
#include <parley_test/classify.hpp>
#include <parley_test/yaml_config.hpp>

#include "sentiment_classifier.hpp"

namespace parley::sentiment::test {

using FakeContext = testing::FakePluginContext;
using ::parley::test::event_with;
using ::parley::test::to_config;
using ::parley::test::yaml_config;

/// The classifier with `config: {}` (built once: the lexicons take a moment).
inline SentimentClassifier& default_classifier() {
  static SentimentClassifier classifier{SentimentConfig{}};
  return classifier;
}

inline Labels classify(SentimentClassifier& classifier, std::string text, std::string lang = "") {
  Labels labels;
  classifier.classify(event_with(std::move(text), std::move(lang)), labels);
  return labels;
}

inline Labels classify(std::string text, std::string lang = "") {
  return classify(default_classifier(), std::move(text), std::move(lang));
}

/// "negative", "neutral" or "positive": the highest of the three scores.
inline std::string polarity(const Labels& labels) {
  const double negative = labels.score("sentiment.negative");
  const double neutral = labels.score("sentiment.neutral");
  const double positive = labels.score("sentiment.positive");
  if (positive > negative && positive > neutral) return "positive";
  if (negative > positive && negative > neutral) return "negative";
  return "neutral";
}

inline std::string polarity(std::string text, std::string lang = "") {
  return polarity(classify(std::move(text), std::move(lang)));
}

}  // namespace parley::sentiment::test
