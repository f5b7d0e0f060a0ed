// Bad input: defined labels, never a crash; concurrent use.
#include <catch2/catch.hpp>

#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "test_support.hpp"

using namespace parley::toxicity;
using namespace parley::toxicity::test;

// A named namespace, so that helpers of different test files can share one
// unity-build translation unit.
namespace robustness_test {
const char* const kLabels[] = {"toxicity.offensive", "toxicity.profanity",     "toxicity.insult",
                               "toxicity.hate",      "toxicity.threat",        "toxicity.harassment",
                               "abuse.target.staff", "abuse.target.community", "abuse.target.brand"};

// toxicity.offensive is always set; the others when above 0, all in [0,1].
void check_all_labels_set(const parley::Labels& labels) {
  CHECK(labels.has("toxicity.offensive"));
  CHECK(labels.score("toxicity.offensive") >= 0.0);
  CHECK(labels.score("toxicity.offensive") <= 1.0);
  for (const char* name : kLabels) {
    INFO(name);
    if (std::string_view(name) == "toxicity.offensive" || !labels.has(name)) continue;
    CHECK(labels.score(name) > 0.0);
    CHECK(labels.score(name) <= 1.0);
  }
}
TEST_CASE("Defined labels, also for empty, emoji-only and invalid input", "[robustness]") {
  FakeContext context;
  ToxicityClassifier classifier(yaml_config("{}"), context);
  for (const std::string& text :
       {std::string(), std::string("   "), std::string("😀😀🔥👍"), std::string("\xFF\xFE idiot \xC3"),
        std::string("\u200B\u200C\u200D\uFEFF"), std::string("مرحبا hello שלום \u202Eidiot\u202C"),
        std::string(1, '\0'), std::string("***** @@@ $$$ 1111"), std::string("f*"), std::string("@")}) {
    INFO(text);
    check_all_labels_set(classify(classifier, event_with(text)));
  }
  CHECK(classify(classifier, event_with("\xFF\xFE idiot \xC3")).score("toxicity.insult") >= 0.6);
  CHECK(classify(classifier, event_with("you\u200B idiot")).score("toxicity.insult") >= 0.8);
}

TEST_CASE("A megabyte of text is handled", "[robustness]") {
  std::string big;
  while (big.size() < (1u << 20)) big += "lorem ipsum dolor f*ck a b c d 4ss ηλίθιος ";
  const auto scores = scores_of(big);
  CHECK(scores.offensive >= 0.9);
  std::string letters(1u << 20, 'a');
  CHECK(scores_of(letters).offensive == 0.0);
}

TEST_CASE("Concurrent classify calls agree with a single-threaded run", "[robustness]") {
  const std::vector<std::string> texts = {"you idiot", "ты дебил", "ρε μαλάκα", "kurwa", "يا حمار", "hello there"};
  std::vector<double> expected;
  for (const auto& text : texts) expected.push_back(scores_of(text).offensive);
  std::vector<std::thread> threads;
  std::vector<int> mismatches(4, 0);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int round = 0; round < 200; ++round) {
        for (std::size_t i = 0; i < texts.size(); ++i) {
          if (scores_of(texts[i]).offensive != expected[i]) ++mismatches[t];
        }
      }
    });
  }
  for (auto& thread : threads) thread.join();
  for (int count : mismatches) CHECK(count == 0);
}

}  // namespace robustness_test
