#include <catch2/catch.hpp>

#include <stdexcept>

#include "test_support.hpp"

using namespace parley::toxicity;
using namespace parley::toxicity::test;

TEST_CASE("An empty config works with the shipped lists", "[config]") {
  const auto config = parse_toxicity_config(yaml_config("{}"));
  CHECK(config.add.empty());
  CHECK(config.allow.empty());
  CHECK(default_classifier().pattern_count() > 1000);
}

TEST_CASE("Brand terms: add, allow", "[config]") {
  FakeContext context;
  ToxicityClassifier classifier(yaml_config(R"(
add:
  insult: ["coffee clown*", "beanhead | 0.4"]
  profanity: [frak]
allow: [Scunthorpe, fucking]
)"),
                                context);
  CHECK(classify(classifier, event_with("what a coffee clowns")).score("toxicity.insult") >= 0.8);
  CHECK(classify(classifier, event_with("beanhead")).score("toxicity.insult") == Approx(0.4));
  CHECK(classify(classifier, event_with("frak this")).score("toxicity.offensive") >= 0.5);
  CHECK(classify(classifier, event_with("this fucking coffee")).score("toxicity.offensive") == 0.0);
  CHECK(classify(classifier, event_with("fuck")).score("toxicity.offensive") >= 0.5);
}

TEST_CASE("Bad configs are refused with the key at fault", "[config]") {
  CHECK_THROWS_WITH(parse_toxicity_config(yaml_config("add: { rude: [x] }")), Catch::Contains("rude"));
  CHECK_THROWS_WITH(parse_toxicity_config(yaml_config("add: { insult: [404] }")), Catch::Contains("add.insult[1]"));
  CHECK_THROWS_WITH(parse_toxicity_config(yaml_config("add: { insult: ['x | 2'] }")), Catch::Contains("[0,1]"));
  CHECK_THROWS_WITH(parse_toxicity_config(yaml_config("staff_names: Maria")), Catch::Contains("staff_names"));
  CHECK_THROWS_WITH(parse_toxicity_config(yaml_config("threshold: 0.5")), Catch::Contains("threshold"));
  CHECK_THROWS_AS(parse_toxicity_config(yaml_config("allow: ['']")), std::invalid_argument);
}

TEST_CASE("The schema declares every key", "[config]") {
  const auto schema = toxicity_schema();
  REQUIRE(schema.size() == 4);
  CHECK(schema[0].name == "add");
  CHECK(schema[1].name == "allow");
  CHECK(schema[2].name == "staff_names");
  CHECK(schema[3].name == "brand_names");
}

TEST_CASE("example.yaml builds a working classifier", "[config]") {
  const YAML::Node example = YAML::LoadFile(TOXICITY_EXAMPLE_YAML);
  CHECK(example["plugin"].as<std::string>() == "toxicity");
  FakeContext context;
  ToxicityClassifier classifier(to_config(example["config"]), context);
  const auto labels = classify(classifier, event_with("Jukka is a worst barista, total coffee clown"));
  CHECK(labels.score("toxicity.insult") >= 0.8);
  CHECK(labels.score("abuse.target.staff") >= 0.6);
}
