// The shipped model (training/offensive-en.ftz) with the default labels: a
// smoke test on sentences written for it, and a hidden throughput figure
// (fasttext_tests "[.throughput]", in a release build).
#include <catch2/catch.hpp>

#include <chrono>
#include <iostream>
#include <string>
#include <vector>

#include "test_support.hpp"

using namespace parley::fasttext::test;
using parley::fasttext::FasttextClassifier;

// A named namespace, so that helpers of different test files can share one
// unity-build translation unit.
namespace shipped_model_test {
parley::ConfigValue shipped_config() {
  auto config = yaml_config("labels: {offensive: toxicity.offensive}\nthreshold: 0.0\nlanguages: [en]");
  auto map = config.as_map();
  map.emplace_back("model", parley::ConfigValue(FASTTEXT_SHIPPED_MODEL));
  return map;
}
TEST_CASE("The shipped model tells insults from ordinary customer messages", "[shipped]") {
  FakeContext context;
  FasttextClassifier classifier(shipped_config(), context);
  CHECK(classifier.model_labels().size() == 2);
  for (const std::string text : {"you are a stupid bitch", "shut up you dumb hoe", "what a fucking idiot"}) {
    INFO(text);
    CHECK(classify(classifier, text).score("toxicity.offensive") > 0.5);
  }
  for (const std::string text : {"thank you for the lovely coffee this morning", "my order arrived late and cold",
                                 "where is my parcel? I ordered it two weeks ago"}) {
    INFO(text);
    const auto labels = classify(classifier, text);
    REQUIRE(labels.has("toxicity.offensive"));
    CHECK(labels.score("toxicity.offensive") < 0.5);
  }
}

TEST_CASE("Throughput of the shipped model, one thread", "[.throughput]") {
  FakeContext context;
  FasttextClassifier classifier(shipped_config(), context);
  const std::vector<std::string> texts = {
      "@nordic_coffee where is my order? still waiting after 2 hours!!",
      "Thank you for the lovely coffee this morning, the staff were great",
      "you are a stupid bitch and your app is trash https://t.co/x",
      "My package arrived damaged and nobody answers the phone. Not impressed.",
      "lol this is the best latte I ever had \U0001F602\U0001F602",
  };
  const int rounds = 40000;
  double sum = 0;
  const auto start = std::chrono::steady_clock::now();
  for (int i = 0; i < rounds; ++i) sum += classify(classifier, texts[i % texts.size()]).score("toxicity.offensive");
  const std::chrono::duration<double> seconds = std::chrono::steady_clock::now() - start;
  std::cout << "fasttext: " << static_cast<long>(rounds / seconds.count()) << " texts/s on one thread (mean score "
            << sum / rounds << ")\n";
  CHECK(sum > 0);
}

}  // namespace shipped_model_test
