// Test helpers: a fake PluginContext, YAML -> ConfigValue, and one-call classify().
#pragma once

#include <string>
#include <utility>

#include <parley/parley.hpp>
#include <parley/testing.hpp>
#include <parley_test/classify.hpp>
#include <parley_test/yaml_config.hpp>

#include "intent_classifier.hpp"

namespace parley::intent::test {

using FakeContext = testing::FakePluginContext;
using ::parley::test::classify;
using ::parley::test::event_with;
using ::parley::test::to_config;
using ::parley::test::yaml_config;

inline IntentClassifier make_classifier(const std::string& yaml = "{}") {
  FakeContext context;
  return IntentClassifier(yaml_config(yaml), context);
}

}  // namespace parley::intent::test
