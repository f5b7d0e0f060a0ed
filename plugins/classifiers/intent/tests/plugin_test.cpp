// The registration in src/plugin.cpp, called in-process through the exported
// alias the host loads, and example.yaml.
#include <catch2/catch.hpp>

#include <memory>
#include <stdexcept>

#include <yaml-cpp/yaml.h>

#include <parley_test/descriptor.hpp>

#include "test_support.hpp"

using namespace parley::intent::test;

// A named namespace, so that helpers of different test files can share one
// unity-build translation unit.
namespace plugin_test {
using parley::test::linked_plugin_descriptor;

TEST_CASE("The descriptor names a classifier called intent", "[plugin]") {
  const auto& d = linked_plugin_descriptor();
  CHECK(d.api_major == PARLEY_API_MAJOR);
  CHECK(d.kind == parley::PluginKind::classifier);
  CHECK(std::string(d.name) == "intent");
  REQUIRE(d.create_classifier != nullptr);
  REQUIRE(d.config_schema != nullptr);
  CHECK(d.config_schema().at(0).name == "languages");
}

TEST_CASE("The factory builds a classifier or refuses a bad config", "[plugin]") {
  const auto& d = linked_plugin_descriptor();
  FakeContext context;
  auto classifier = d.create_classifier(yaml_config("{}"), context);
  REQUIRE(classifier);
  parley::Labels labels;
  classifier->classify(event_with("still waiting for my order"), labels);
  CHECK(labels.score("intent.complaint") >= 0.5);
  CHECK_THROWS_AS(d.create_classifier(yaml_config("extra: { legal: [x] }"), context), std::invalid_argument);
}

TEST_CASE("example.yaml is a valid entry", "[plugin]") {
  const YAML::Node example = YAML::LoadFile(INTENT_EXAMPLE_YAML);
  CHECK(example["plugin"].as<std::string>() == "intent");
  FakeContext context;
  parley::intent::IntentClassifier classifier(to_config(example["config"]), context);
  parley::Labels labels;
  classifier.classify(event_with("Kahvi ei tullut ajoissa, odotan edelleen"), labels);
  CHECK(labels.attribute("theme") == "late_delivery");
}

}  // namespace plugin_test
