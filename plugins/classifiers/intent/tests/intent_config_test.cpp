#include <catch2/catch.hpp>

#include <stdexcept>
#include <string>

#include "test_support.hpp"

using namespace parley::intent::test;

TEST_CASE("An empty config works with every default", "[config]") {
  auto classifier = make_classifier("{}");
  CHECK(classifier.themes().size() == parley::intent::default_themes().size());
  CHECK(classifier.cue_count() > 1000);
}

TEST_CASE("The schema declares every field with a default", "[config]") {
  const auto schema = parley::intent::intent_schema();
  std::vector<std::string> names;
  for (const auto& field : schema) names.push_back(field.name);
  CHECK(names == std::vector<std::string>{"languages", "themes", "replace_defaults", "extra", "theme_min_complaint",
                                          "refine_sentiment"});
}

TEST_CASE("Configs the schema cannot refuse are refused with a clear message", "[config]") {
  const auto refused = [](const std::string& yaml, const std::string& expected) {
    INFO(yaml);
    try {
      make_classifier(yaml);
      FAIL("accepted");
    } catch (const std::invalid_argument& error) {
      CHECK_THAT(error.what(), Catch::Contains(expected));
    }
  };
  refused("themes: { Late-Delivery: [late] }", "must be lower-case letters");
  refused("themes: { late_delivery: late }", "expected a list of terms");
  refused("themes: { late_delivery: [late, 404] }", "term 2 is not a non-empty string");
  refused("themes: { late_delivery: { en: [\"\"] } }", "themes.late_delivery.en");
  refused("extra: { legal: [lawyer] }", "unknown intent 'legal'");
  refused("extra: { spam: [\"!!!\"] }", "has no letters");
}
