#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>

#include "keywords_config.hpp"
#include "test_support.hpp"

using namespace parley::keywords;
using namespace parley::keywords::test;
using Catch::Matchers::Contains;

// A named namespace, so that helpers of different test files can share one
// unity-build translation unit.
namespace keywords_config_test {
void check_refused(const std::string& yaml, const std::string& needle) {
  INFO(yaml);
  FakeContext context;
  CHECK_THROWS_WITH(KeywordsClassifier(yaml_config(yaml), context), Contains(needle));
  CHECK_THROWS_AS(KeywordsClassifier(yaml_config(yaml), context), std::invalid_argument);
}
TEST_CASE("Both label forms parse, with the default and overridden modes", "[config]") {
  const auto config = parse_keywords_config(yaml_config(R"(
labels:
  toxicity.insult: [idiot, "идиот"]
  intent.complaint: { score: 0.9, terms: ["still waiting"] }
match: word
per_label_match: { toxicity.insult: prefix }
attributes: { theme: "theme." }
)"));
  REQUIRE(config.labels.size() == 2);
  CHECK(config.labels[0].label == "toxicity.insult");
  CHECK(config.labels[0].score == 1.0);
  CHECK(config.labels[0].mode == MatchMode::prefix);
  CHECK(config.labels[0].terms == std::vector<std::string>{"idiot", "идиот"});
  CHECK(config.labels[1].score == Approx(0.9));
  CHECK(config.labels[1].mode == MatchMode::word);
  REQUIRE(config.attributes.size() == 1);
  CHECK(config.attributes[0] == std::pair<std::string, std::string>{"theme", "theme"});
}

TEST_CASE("match defaults to word when absent", "[config]") {
  const auto config = parse_keywords_config(yaml_config("labels: { intent.praise: [great] }"));
  CHECK(config.labels.at(0).mode == MatchMode::word);
}

TEST_CASE("Bad term lists are refused, naming the label", "[config]") {
  check_refused("labels: { toxicity.insult: [] }", "label 'toxicity.insult': the term list is empty");
  check_refused("labels: { toxicity.insult: [idiot, 42] }", "label 'toxicity.insult': term 2 is not a string");
  check_refused("labels: { toxicity.insult: [idiot, [nested]] }", "'toxicity.insult'");
  check_refused("labels: { toxicity.insult: [\"\"] }", "label 'toxicity.insult': term 1 is empty");
  check_refused("labels: { toxicity.insult: [\"?!\"] }", "label 'toxicity.insult': term '?!' has no letters");
  check_refused("labels: { toxicity.insult: idiot }", "label 'toxicity.insult' must be a list of terms or an object");
  check_refused("labels: { intent.complaint: { score: 0.5, terms: [] } }",
                "label 'intent.complaint': the term list is empty");
  check_refused("labels: { intent.complaint: { score: 0.5 } }", "label 'intent.complaint': 'terms' is missing");
  check_refused("labels: { intent.complaint: { terms: [late], weight: 2 } }", "unknown key 'weight'");
  check_refused("labels: { intent.complaint: { score: 1.5, terms: [late] } }", "label 'intent.complaint': score 1.5");
  check_refused("labels: { intent.complaint: { score: high, terms: [late] } }",
                "label 'intent.complaint': score must be a number");
}

TEST_CASE("Bad modes, unknown labels and empty maps are refused", "[config]") {
  check_refused("labels: {}", "'labels' names no label");
  check_refused("match: word", "'labels' must be a map");
  check_refused("labels: { a.b: [x] }\nmatch: fuzzy", "'match' is 'fuzzy'");
  check_refused("labels: { a.b: [x] }\nper_label_match: { a.c: prefix }",
                "per_label_match names label 'a.c', which is not in 'labels'");
  check_refused("labels: { a.b: [x] }\nper_label_match: { a.b: stem }", "per_label_match.a.b is 'stem'");
  check_refused("labels: { a.b: [x] }\nattributes: { theme: \"\" }", "attributes.theme");
  check_refused("labels: { a.b: [x] }\nextra: 1", "unknown key 'extra'");
}

TEST_CASE("The schema describes every field", "[config][schema]") {
  const auto schema = keywords_schema();
  REQUIRE(schema.size() == 4);
  for (const auto& field : schema) {
    INFO(field.name);
    CHECK_FALSE(field.description.empty());
  }
  CHECK(schema[0].name == "labels");
  CHECK(schema[0].type == parley::FieldType::map);
  CHECK(schema[0].required);
  REQUIRE(schema[0].fields.size() == 1);
  CHECK(schema[0].fields[0].type == parley::FieldType::any);
  CHECK(schema[1].name == "match");
  CHECK(schema[1].choices == std::vector<std::string>{"word", "prefix", "substring"});
  REQUIRE(schema[1].default_value.has_value());
  CHECK(schema[1].default_value->as_string() == "word");
  CHECK(schema[2].name == "per_label_match");
  CHECK(schema[2].type == parley::FieldType::map);
  CHECK(schema[2].fields.at(0).type == parley::FieldType::string);
  CHECK(schema[3].name == "attributes");
}

TEST_CASE("example.yaml builds a working classifier", "[config][example]") {
  const YAML::Node example = YAML::LoadFile(KEYWORDS_EXAMPLE_YAML);
  FakeContext context;
  KeywordsClassifier classifier(to_config(example["config"]), context);
  REQUIRE(context.logged.size() == 1);
  CHECK_THAT(context.logged[0].message, Contains("labels"));
  CHECK(classify(classifier, "Ты идиот").has("toxicity.insult"));
  CHECK(classify(classifier, "Still waiting for my order").has("intent.complaint"));
}

}  // namespace keywords_config_test
