// Test helpers: a fake PluginContext, YAML -> ConfigValue, and one-call classify().
#pragma once

#include <string>
#include <utility>

#include <parley/parley.hpp>
#include <parley/testing.hpp>
#include <parley_test/yaml_config.hpp>

#include "intent_classifier.hpp"

namespace parley::intent::test {

using FakeContext = testing::FakePluginContext;
using ::parley::test::to_config;
using ::parley::test::yaml_config;

inline Event event_with(std::string text) {
  Event event;
  event.id = "ev-test";
  event.account = "nordic-coffee";
  event.author.id = "u-test";
  event.text = std::move(text);
  return event;
}

inline IntentClassifier make_classifier(const std::string& yaml = "{}") {
  FakeContext context;
  return IntentClassifier(yaml_config(yaml), context);
}

/// Labels that `classifier` gives `text`, on top of `earlier` labels.
inline Labels classify(IntentClassifier& classifier, std::string text, Labels earlier = {}) {
  classifier.classify(event_with(std::move(text)), earlier);
  return earlier;
}

}  // namespace parley::intent::test
