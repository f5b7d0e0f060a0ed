// Test helpers: a fake PluginContext, YAML -> ConfigValue, and one-call classify().
#pragma once

#include <string>
#include <utility>

#include <parley/parley.hpp>
#include <parley/testing.hpp>
#include <parley_test/classify.hpp>
#include <parley_test/yaml_config.hpp>

#include "mention_classifier.hpp"

namespace parley::mention::test {

using FakeContext = testing::FakePluginContext;
using ::parley::test::classify;
using ::parley::test::event_with;
using ::parley::test::to_config;
using ::parley::test::yaml_config;

inline MentionClassifier make_classifier(const std::string& yaml) {
  FakeContext context;
  return MentionClassifier(yaml_config(yaml), context);
}

/// The brands of example.yaml.
inline constexpr const char* kNordic = R"(
brands:
  - name: "Nordic Coffee"
    aliases: ["@nordiccoffee", "Нордик Кофе", "Νόρντικ Κόφι", "نورديك كوفي"]
    products: ["Oat Latte", { name: "Cold Brew", aliases: ["колд брю"] }]
  - name: "Suomi Tea"
    aliases: ["@suomitea"]
  - name: "Kahvi"
  - name: "Teho"
)";

}  // namespace parley::mention::test
