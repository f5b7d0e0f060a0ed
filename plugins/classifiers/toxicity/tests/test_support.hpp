// Test helpers: one shared default classifier (building the vectorscan
// databases takes a moment), events and one-call scoring.
#pragma once

#include <string>

#include <parley/parley.hpp>
#include <parley/testing.hpp>
#include <parley_test/classify.hpp>
#include <parley_test/yaml_config.hpp>

#include "toxicity_classifier.hpp"

namespace parley::toxicity::test {

using FakeContext = testing::FakePluginContext;
using ::parley::test::event_with;
using ::parley::test::to_config;
using ::parley::test::yaml_config;

/// The classifier with `config: {}`.
inline const ToxicityClassifier& default_classifier() {
  static const ToxicityClassifier classifier{ToxicityConfig{}};
  return classifier;
}

inline ToxicityScores scores_of(const std::string& text, std::optional<Language> language = std::nullopt) {
  return default_classifier().score(text, {language, false});
}

inline Labels classify(ToxicityClassifier& classifier, const Event& event) {
  Labels labels;
  classifier.classify(event, labels);
  return labels;
}

}  // namespace parley::toxicity::test
