// The registration in src/plugin.cpp, called in-process through the exported
// alias the host loads, and example.yaml.
#include <catch2/catch.hpp>

#include <yaml-cpp/yaml.h>

#include <stdexcept>

#include <parley_test/descriptor.hpp>

#include "test_support.hpp"

using namespace parley::fasttext::test;

// A named namespace, so that helpers of different test files can share one
// unity-build translation unit.
namespace plugin_test {
using parley::test::linked_plugin_descriptor;

TEST_CASE("The descriptor names a classifier called fasttext", "[plugin]") {
  const auto& d = linked_plugin_descriptor();
  CHECK(d.size == sizeof(parley::PluginDescriptor));
  CHECK(d.api_major == PARLEY_API_MAJOR);
  CHECK(std::string(d.build_fingerprint) == PARLEY_BUILD_FINGERPRINT);
  CHECK(d.kind == parley::PluginKind::classifier);
  CHECK(std::string(d.name) == "fasttext");
  CHECK(d.create_connector == nullptr);
  CHECK(d.create_responder == nullptr);
  REQUIRE(d.create_classifier != nullptr);
  REQUIRE(d.config_schema != nullptr);
  CHECK(d.config_schema().at(0).name == "model");
}

TEST_CASE("The factory builds a classifier or refuses a bad config", "[plugin]") {
  const auto& d = linked_plugin_descriptor();
  auto context = fixtures_context();
  auto classifier = d.create_classifier(coffee_config(), context);
  REQUIRE(classifier);
  parley::Labels labels;
  classifier->classify(event_with("great coffee"), labels);
  CHECK(labels.score("intent.praise") > 0.9);
  CHECK_THROWS_AS(d.create_classifier(coffee_config("model: missing.ftz"), context), std::invalid_argument);
}

TEST_CASE("example.yaml is an entry for the fasttext plugin with a valid config", "[plugin]") {
  const YAML::Node entry = YAML::LoadFile(FASTTEXT_EXAMPLE_YAML);
  CHECK(entry["plugin"].as<std::string>() == "fasttext");
  const auto config = ::parley::test::to_config(entry["config"]);
  const auto parsed = parley::fasttext::parse_fasttext_config(config);
  CHECK(parsed.model == "offensive-en.ftz");
  REQUIRE(parsed.labels.size() == 1);
  CHECK(parsed.labels[0].label == "toxicity.offensive");
  CHECK(parsed.languages == std::vector<std::string>{"en"});
}

}  // namespace plugin_test
