// The registration in src/plugin.cpp, called in-process through the exported
// alias the host loads, and example.yaml.
#include <catch2/catch.hpp>

#include <memory>
#include <stdexcept>

#include <yaml-cpp/yaml.h>

#include <parley_test/descriptor.hpp>

#include "test_support.hpp"

using namespace parley::mention::test;

// A named namespace, so that helpers of different test files can share one
// unity-build translation unit.
namespace plugin_test {
using parley::test::linked_plugin_descriptor;

TEST_CASE("The descriptor names a classifier called mention", "[plugin]") {
  const auto& d = linked_plugin_descriptor();
  CHECK(d.api_major == PARLEY_API_MAJOR);
  CHECK(d.kind == parley::PluginKind::classifier);
  CHECK(std::string(d.name) == "mention");
  REQUIRE(d.create_classifier != nullptr);
  REQUIRE(d.config_schema != nullptr);
  CHECK(d.config_schema().at(0).name == "brands");
}

TEST_CASE("The factory builds a classifier or refuses a bad config", "[plugin]") {
  const auto& d = linked_plugin_descriptor();
  FakeContext context;
  auto classifier = d.create_classifier(yaml_config(kNordic), context);
  REQUIRE(classifier);
  parley::Labels labels;
  classifier->classify(event_with("nordic coffee"), labels);
  CHECK(labels.score("mention.brand") == 1.0);
  CHECK_THROWS_AS(d.create_classifier(yaml_config("brands: [{name: \"?\"}]"), context), std::invalid_argument);
}

TEST_CASE("example.yaml is a valid entry", "[plugin]") {
  const YAML::Node example = YAML::LoadFile(MENTION_EXAMPLE_YAML);
  CHECK(example["plugin"].as<std::string>() == "mention");
  FakeContext context;
  parley::mention::MentionClassifier classifier(to_config(example["config"]), context);
  parley::Labels labels;
  classifier.classify(event_with("Взял колд брю в Нордик Кофе"), labels);
  CHECK(labels.attribute("brand") == "Nordic Coffee");
  CHECK(labels.attribute("product") == "Cold Brew");
}

}  // namespace plugin_test
