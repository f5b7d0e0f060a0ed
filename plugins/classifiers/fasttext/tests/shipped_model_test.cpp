// The shipped model (training/offensive-en.ftz) with the default labels: a
// smoke test on sentences written for it. Its speed is measured by
// bench/classifier_suite_bench (plugin README, "Speed").
#include <catch2/catch.hpp>

#include <string>

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

}  // namespace shipped_model_test
