// Untrusted input: every text gets the four labels, nothing crashes.
#include <catch2/catch.hpp>

#include <string>
#include <thread>
#include <vector>

#include "test_support.hpp"

using namespace parley::sentiment::test;

// A named namespace, so that helpers of different test files can share one
// unity-build translation unit.
namespace robustness_test {
void check_defined(const parley::Labels& labels) {
  for (const char* name : {"sentiment.negative", "sentiment.neutral", "sentiment.positive", "anger"}) {
    REQUIRE(labels.has(name));
    CHECK(labels.score(name) >= 0.0);
    CHECK(labels.score(name) <= 1.0);
  }
}
TEST_CASE("Empty and whitespace-only texts are neutral", "[robustness]") {
  for (const char* text : {"", " ", "\n\t", "...", "!!!???"}) {
    const auto labels = classify(text);
    check_defined(labels);
    CHECK(polarity(labels) == "neutral");
    CHECK(labels.score("anger") == 0.0);
  }
}

TEST_CASE("Invalid UTF-8 is read around", "[robustness]") {
  const auto labels = classify(std::string("great \xC3\x28 \xFF\xFE service \xE2\x82", 22), "en");
  check_defined(labels);
  CHECK(polarity(labels) == "positive");
}

TEST_CASE("Zero-width characters do not hide a word", "[robustness]") {
  CHECK(polarity("ter\u200Brible", "en") == "negative");
  CHECK(polarity("у\u200Bжасно", "ru") == "negative");
}

TEST_CASE("Mixed right-to-left and left-to-right text", "[robustness]") {
  const auto labels = classify("\u202Bخدمة رائعة\u202C great \u200F!");
  check_defined(labels);
  CHECK(polarity(labels) == "positive");
}

TEST_CASE("Only emoji", "[robustness]") {
  check_defined(classify("🙂🙂🙂"));
  CHECK(polarity("🙂🙂🙂") == "positive");
  check_defined(classify("🏳️‍🌈👨‍👩‍👧"));
}

TEST_CASE("A megabyte of text", "[robustness]") {
  std::string text;
  while (text.size() < (1U << 20)) text += "terrible service, Ужасно! ((( :-) \xF0\x9F\x98\xA1 ";
  const auto labels = classify(text);
  check_defined(labels);
  CHECK(polarity(labels) == "negative");
  std::string parens(1U << 20, '(');
  check_defined(classify(parens));
  std::string quotes(1U << 20, '"');
  check_defined(classify(quotes));
}

TEST_CASE("Many threads share one instance", "[robustness]") {
  auto& classifier = default_classifier();
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"I love this coffee", "positive"}, {"Ужасный сервис", "negative"}, {"The shop opens at nine", "neutral"}};
  std::vector<std::thread> threads;
  std::vector<int> wrong(4, 0);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int round = 0; round < 300; ++round) {
        const auto& [text, expected] = cases[static_cast<std::size_t>(round + t) % cases.size()];
        if (polarity(classify(classifier, text)) != expected) ++wrong[static_cast<std::size_t>(t)];
      }
    });
  }
  for (auto& thread : threads) thread.join();
  CHECK(wrong == std::vector<int>(4, 0));
}

TEST_CASE("Models on one thread do not share remembered words", "[robustness]") {
  // Each model keeps its own per-thread word cache; a model built where an
  // earlier one was freed must not find that one's words.
  for (const std::string valence : {"3", "-3", "3"}) {
    FakeContext context;
    parley::sentiment::SentimentClassifier classifier(
        yaml_config("lexicon_additions:\n  en: { slaps: " + valence + " }\n"), context);
    CHECK(polarity(classify(classifier, "this coffee slaps", "en")) == (valence == "-3" ? "negative" : "positive"));
    CHECK(polarity("this coffee slaps", "en") == "neutral");  // the default model, in between
  }
}

TEST_CASE("More distinct words than the word cache holds", "[robustness]") {
  std::string text;
  for (int i = 0; i < 40000; ++i) text += "w" + std::to_string(i) + " ";
  text += "terrible";
  const auto first = classify(text, "en");
  const auto again = classify(text, "en");
  CHECK(polarity(first) == "negative");
  CHECK(again.score("sentiment.negative") == first.score("sentiment.negative"));
  CHECK(polarity("Ужасный сервис") == "negative");  // after the cache was full
}

}  // namespace robustness_test
