// Test helpers: a fake PluginContext rooted at the fixtures folder, a full
// config (the host fills in defaults, so tests pass every field) and a
// one-call classify().
#pragma once

#include <algorithm>
#include <string>

#include <parley/parley.hpp>
#include <parley/testing.hpp>
#include <parley_test/classify.hpp>
#include <parley_test/yaml_config.hpp>

#include "fasttext_classifier.hpp"

namespace parley::fasttext::test {

using FakeContext = testing::FakePluginContext;
using ::parley::test::classify;
using ::parley::test::event_with;
using ::parley::test::yaml_config;

inline FakeContext fixtures_context() { return FakeContext(FASTTEXT_FIXTURES_DIR); }

/// The config the host would hand over for the coffee fixture model (three
/// labels: late_delivery, praise, rude_staff), with the keys of the YAML map
/// `overrides` replaced or added.
inline ConfigValue coffee_config(const std::string& overrides = "") {
  auto map = yaml_config(
                 "model: coffee.bin\n"
                 "labels: {late_delivery: theme.late_delivery, __label__praise: intent.praise, "
                 "rude_staff: theme.rude_staff}\n"
                 "threshold: 0.0\n"
                 "languages: []\n")
                 .as_map();
  if (overrides.empty()) return map;
  const ConfigValue replacements = yaml_config(overrides);
  for (const auto& replacement : replacements.as_map()) {
    const auto& key = replacement.first;  // not a structured binding: clang 14 cannot capture those
    auto same = std::find_if(map.begin(), map.end(), [&](const auto& entry) { return entry.first == key; });
    if (same != map.end()) {
      same->second = replacement.second;
    } else {
      map.emplace_back(key, replacement.second);
    }
  }
  return map;
}

}  // namespace parley::fasttext::test
