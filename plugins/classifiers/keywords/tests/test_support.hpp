// Test helpers: the SDK's fake PluginContext, YAML -> ConfigValue, and a
// one-call classify().
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <parley/parley.hpp>
#include <parley/testing.hpp>
#include <parley_test/classify.hpp>
#include <parley_test/yaml_config.hpp>

#include "keywords_classifier.hpp"

namespace parley::keywords::test {

using FakeContext = testing::FakePluginContext;
using ::parley::test::classify;
using ::parley::test::event_with;
using ::parley::test::to_config;
using ::parley::test::yaml_config;

inline KeywordsClassifier make_classifier(const std::string& yaml) {
  FakeContext context;
  return KeywordsClassifier(yaml_config(yaml), context);
}

}  // namespace parley::keywords::test
