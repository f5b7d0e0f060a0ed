// The registration in src/plugin.cpp, called in-process through the exported
// alias the host loads, and example.yaml.
#include <catch2/catch.hpp>

#include <stdexcept>
#include <utility>

#include <parley_test/descriptor.hpp>

#include "test_support.hpp"

using namespace parley::language::test;

// A named namespace, so that helpers of different test files can share one
// unity-build translation unit.
namespace plugin_test {
using parley::test::linked_plugin_descriptor;

TEST_CASE("The descriptor names a classifier called language", "[plugin]") {
  const auto& d = linked_plugin_descriptor();
  CHECK(d.api_major == PARLEY_API_MAJOR);
  CHECK(std::string(d.build_fingerprint) == PARLEY_BUILD_FINGERPRINT);
  CHECK(d.kind == parley::PluginKind::classifier);
  CHECK(std::string(d.name) == "language");
  REQUIRE(d.create_classifier != nullptr);
  REQUIRE(d.config_schema != nullptr);
  CHECK(d.config_schema().at(0).name == "languages");
}

TEST_CASE("The factory builds a classifier from example.yaml or refuses a bad config", "[plugin]") {
  const auto& d = linked_plugin_descriptor();
  FakeContext context;
  const YAML::Node example = YAML::LoadFile(LANGUAGE_EXAMPLE_YAML);
  REQUIRE(example["plugin"].as<std::string>() == "language");
  parley::ConfigValue::Map config = to_config(example["config"]).as_map();
  config.emplace_back("model", parley::ConfigValue(model_file("lid.176.ftz")));
  config.emplace_back("eld_data", parley::ConfigValue(model_file("eld")));
  auto classifier = d.create_classifier(parley::ConfigValue(std::move(config)), context);
  REQUIRE(classifier);
  parley::Labels labels;
  classifier->classify(event_with("Kiitos nopeasta toimituksesta!"), labels);
  CHECK(labels.attribute("lang") == "fi");
  CHECK(labels.score("lang.fi") > 0.5);
  CHECK_THROWS_AS(d.create_classifier(config_with_models("languages: [xx]"), context), std::invalid_argument);
}

}  // namespace plugin_test
