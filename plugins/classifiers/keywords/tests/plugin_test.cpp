// The registration in src/plugin.cpp, called in-process through the exported
// alias the host loads.
#include <catch2/catch.hpp>

#include <memory>
#include <stdexcept>

#include <parley_test/descriptor.hpp>

#include "test_support.hpp"

using namespace parley::keywords::test;

// A named namespace, so that helpers of different test files can share one
// unity-build translation unit.
namespace plugin_test {
using parley::test::linked_plugin_descriptor;

TEST_CASE("The descriptor names a classifier called keywords", "[plugin]") {
  const auto& d = linked_plugin_descriptor();
  CHECK(d.size == sizeof(parley::PluginDescriptor));
  CHECK(d.api_major == PARLEY_API_MAJOR);
  CHECK(d.api_minor == PARLEY_API_MINOR);
  CHECK(std::string(d.build_fingerprint) == PARLEY_BUILD_FINGERPRINT);
  CHECK(d.kind == parley::PluginKind::classifier);
  CHECK(std::string(d.name) == "keywords");
  CHECK_FALSE(std::string(d.summary).empty());
  CHECK(d.create_connector == nullptr);
  CHECK(d.create_responder == nullptr);
  REQUIRE(d.create_classifier != nullptr);
  REQUIRE(d.config_schema != nullptr);
  CHECK(d.config_schema().at(0).name == "labels");
}

TEST_CASE("The factory builds a classifier or refuses a bad config", "[plugin]") {
  const auto& d = linked_plugin_descriptor();
  FakeContext context;
  auto classifier = d.create_classifier(yaml_config("labels: { toxicity.insult: [idiot] }\nmatch: word"), context);
  REQUIRE(classifier);
  parley::Labels labels;
  classifier->classify(event_with("idiot"), labels);
  CHECK(labels.score("toxicity.insult") == 1.0);
  CHECK(context.logged.size() == 1);

  CHECK_THROWS_AS(d.create_classifier(yaml_config("labels: { toxicity.insult: [] }"), context), std::invalid_argument);
}

}  // namespace plugin_test
