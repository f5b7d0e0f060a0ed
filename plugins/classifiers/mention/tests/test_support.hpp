// Test helpers: a fake PluginContext, YAML -> ConfigValue, and one-call classify().
#pragma once

#include <string>
#include <utility>

#include <parley/parley.hpp>
#include <parley/testing.hpp>
#include <parley_test/yaml_config.hpp>

#include "mention_classifier.hpp"

namespace parley::mention::test {

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

inline MentionClassifier make_classifier(const std::string& yaml) {
  FakeContext context;
  return MentionClassifier(yaml_config(yaml), context);
}

inline Labels classify(MentionClassifier& classifier, std::string text) {
  Labels labels;
  classifier.classify(event_with(std::move(text)), labels);
  return labels;
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
