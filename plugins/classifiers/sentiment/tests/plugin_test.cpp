// The registration in src/plugin.cpp, called in-process through the exported
// alias the host loads.
#include <catch2/catch.hpp>

#include <stdexcept>

#include <parley_test/descriptor.hpp>

#include "test_support.hpp"

using namespace parley::sentiment::test;

// A named namespace, so that helpers of different test files can share one
// unity-build translation unit.
namespace plugin_test {
using parley::test::linked_plugin_descriptor;

TEST_CASE("The descriptor names a classifier called sentiment", "[plugin]") {
  const auto& d = linked_plugin_descriptor();
  CHECK(d.api_major == PARLEY_API_MAJOR);
  CHECK(d.kind == parley::PluginKind::classifier);
  CHECK(std::string(d.name) == "sentiment");
  REQUIRE(d.create_classifier != nullptr);
  REQUIRE(d.config_schema != nullptr);
  CHECK(d.config_schema().at(0).name == "neutral_band");
}

TEST_CASE("The factory builds a classifier from `config: {}` or refuses a bad one", "[plugin]") {
  const auto& d = linked_plugin_descriptor();
  FakeContext context;
  auto classifier = d.create_classifier(yaml_config("{}"), context);
  REQUIRE(classifier);
  parley::Labels labels;
  classifier->classify(event_with("I love it"), labels);
  CHECK(polarity(labels) == "positive");
  CHECK_THROWS_AS(d.create_classifier(yaml_config("neutral_band: -1"), context), std::invalid_argument);
}

}  // namespace plugin_test
