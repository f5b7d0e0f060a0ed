// Config: defaults, refusals with a message naming the key, and the schema.
#include <catch2/catch.hpp>

#include <stdexcept>

#include "sentiment_config.hpp"
#include "test_support.hpp"

using namespace parley::sentiment::test;
using parley::sentiment::parse_sentiment_config;

TEST_CASE("An empty config uses the defaults", "[config]") {
  const auto config = parse_sentiment_config(yaml_config("{}"));
  CHECK(config.neutral_band == Approx(parley::sentiment::SentimentConfig{}.neutral_band));
  CHECK(config.lexicon_additions.empty());
  CHECK(config.anger_additions.empty());
}

TEST_CASE("Additions are read per language, `all` for every language", "[config]") {
  const auto config = parse_sentiment_config(yaml_config("lexicon_additions: { en: { meh: -1 }, all: { wow: 2 } }"));
  REQUIRE(config.lexicon_additions.size() == 7);
  CHECK(config.lexicon_additions[0].term == "meh");
  CHECK(config.lexicon_additions[0].value == Approx(-1.0));
}

TEST_CASE("Bad configs are refused with the key at fault", "[config]") {
  const auto refusal = [](const std::string& yaml) {
    try {
      parse_sentiment_config(yaml_config(yaml));
    } catch (const std::invalid_argument& error) {
      return std::string(error.what());
    }
    return std::string("accepted");
  };
  CHECK_THAT(refusal("neutral_band: 2"), Catch::Contains("neutral_band"));
  CHECK_THAT(refusal("lexicon_additions: { de: { gut: 2 } }"), Catch::Contains("unknown language 'de'"));
  CHECK_THAT(refusal("lexicon_additions: { en: { meh: 9 } }"), Catch::Contains("lexicon_additions.en.'meh'"));
  CHECK_THAT(refusal("lexicon_additions: { en: { meh: bad } }"), Catch::Contains("must be a number"));
  CHECK_THAT(refusal("anger_additions: { en: { grr: 2 } }"), Catch::Contains("anger_additions.en.'grr'"));
  CHECK_THAT(refusal("neutral: 0.2"), Catch::Contains("unknown key 'neutral'"));
}

TEST_CASE("The neutral band moves texts between neutral and polar", "[config]") {
  FakeContext context;
  parley::sentiment::SentimentClassifier wide(yaml_config("neutral_band: 0.9"), context);
  parley::sentiment::SentimentClassifier narrow(yaml_config("neutral_band: 0.05"), context);
  CHECK(polarity(classify(wide, "ok", "en")) == "neutral");
  CHECK(polarity(classify(narrow, "ok", "en")) == "positive");
}

TEST_CASE("The example config is valid", "[config]") {
  const YAML::Node example = YAML::LoadFile(SENTIMENT_EXAMPLE_YAML);
  CHECK(example["plugin"].as<std::string>() == "sentiment");
  FakeContext context;
  parley::sentiment::SentimentClassifier classifier(to_config(example["config"]), context);
  CHECK(polarity(classify(classifier, "this slaps", "en")) == "positive");
  CHECK(polarity(classify(classifier, "Просто огонь", "ru")) == "positive");
  REQUIRE(context.logged.size() == 1);
}
