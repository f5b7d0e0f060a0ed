// The config section: schema defaults and the checks the schema cannot make.
#include <catch2/catch.hpp>

#include <stdexcept>
#include <string>

#include "fasttext_config.hpp"
#include "test_support.hpp"

using namespace parley::fasttext;
using namespace parley::fasttext::test;
using Catch::Matchers::Contains;

// A named namespace, so that helpers of different test files can share one
// unity-build translation unit.
namespace fasttext_config_test {
const parley::ConfigField& field(const std::string& name) {
  static const auto schema = fasttext_schema();
  for (const auto& item : schema) {
    if (item.name == name) return item;
  }
  throw std::out_of_range(name);
}
TEST_CASE("The defaults use the shipped English offensive-language model", "[config]") {
  REQUIRE(field("model").default_value);
  CHECK(field("model").default_value->as_string() == "offensive-en.ftz");
  REQUIRE(field("labels").default_value);
  const auto& labels = field("labels").default_value->as_map();
  REQUIRE(labels.size() == 1);
  CHECK(labels[0].first == "offensive");
  CHECK(labels[0].second.as_string() == "toxicity.offensive");
  CHECK(field("threshold").default_value->as_number() == 0.0);
  CHECK_FALSE(field("k").default_value);
  CHECK_FALSE(field("attribute").default_value);
  CHECK(field("attribute").fields.at(0).required);
}

TEST_CASE("A config is read into typed fields", "[config]") {
  const auto parsed = parse_fasttext_config(coffee_config("k: 2\nthreshold: 0.25\nattribute: {name: theme}"));
  CHECK(parsed.model == "coffee.bin");
  REQUIRE(parsed.labels.size() == 3);
  CHECK(parsed.labels[0].model_label == "__label__late_delivery");  // prefix added
  CHECK(parsed.labels[1].model_label == "__label__praise");         // prefix kept
  CHECK(parsed.labels[1].label == "intent.praise");
  CHECK(parsed.k == 2);
  CHECK(parsed.threshold == 0.25);
  REQUIRE(parsed.attribute);
  CHECK(parsed.attribute->name == "theme");
  CHECK(parsed.attribute->from_labels);
  CHECK(parsed.languages.empty());
  CHECK(parse_fasttext_config(coffee_config()).k == -1);  // all labels
}

TEST_CASE("Labels that are not family.name are refused", "[config][refusal]") {
  for (const std::string bad : {"offensive", ".offensive", "toxicity."}) {
    const auto config = yaml_config("model: m.ftz\nlabels: {offensive: '" + bad + "'}\nthreshold: 0\nlanguages: []");
    CHECK_THROWS_WITH(parse_fasttext_config(config),
                      Contains("fasttext: labels.offensive: '" + bad + "' must be family.name"));
  }
  CHECK_THROWS_WITH(
      parse_fasttext_config(yaml_config("model: m.ftz\nlabels: {__label__: a.b}\nthreshold: 0\nlanguages: []")),
      Contains("empty model label"));
  CHECK_THROWS_WITH(parse_fasttext_config(yaml_config("model: ''\nlabels: {a: a.b}\nthreshold: 0\nlanguages: []")),
                    Contains("'model' is empty"));
}

TEST_CASE("The __label__ prefix is optional in the config", "[config]") {
  CHECK(with_label_prefix("offensive") == "__label__offensive");
  CHECK(with_label_prefix("__label__offensive") == "__label__offensive");
  CHECK(without_label_prefix("__label__offensive") == "offensive");
  CHECK(without_label_prefix("offensive") == "offensive");
}

}  // namespace fasttext_config_test
