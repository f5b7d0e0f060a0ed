// FasttextClassifier on the coffee fixture model (tests/fixtures/coffee.bin,
// see make-coffee-model.sh). Expected probabilities come from the fastText
// CLI on the same line: `echo "rude barista" | fasttext predict-prob coffee.bin - 3`.
#include <catch2/catch.hpp>

#include <atomic>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "test_support.hpp"

using namespace parley::fasttext::test;
using Catch::Matchers::Contains;
using parley::fasttext::FasttextClassifier;

// A named namespace, so that helpers of different test files can share one
// unity-build translation unit.
namespace fasttext_classifier_test {
std::string refusal(const parley::ConfigValue& config) {
  auto context = fixtures_context();
  try {
    FasttextClassifier classifier(config, context);
  } catch (const std::invalid_argument& error) {
    return error.what();
  }
  return "(accepted)";
}
TEST_CASE("Each mapped label gets the model's probability", "[classifier]") {
  auto context = fixtures_context();
  FasttextClassifier classifier(coffee_config(), context);
  // fasttext predict-prob: rude_staff 0.841495, late_delivery 0.101042, praise 0.0574935
  const auto labels = classify(classifier, "Rude BARISTA!!");
  CHECK(labels.score("theme.rude_staff") == Approx(0.841495).margin(1e-4));
  CHECK(labels.score("theme.late_delivery") == Approx(0.101042).margin(1e-4));
  CHECK(labels.score("intent.praise") == Approx(0.0574935).margin(1e-4));
  CHECK(labels.scores().size() == 3);
  CHECK(labels.attributes().empty());
}

TEST_CASE("The model's labels are read from the file", "[classifier]") {
  auto context = fixtures_context();
  FasttextClassifier classifier(coffee_config(), context);
  CHECK(classifier.model_labels() ==
        std::vector<std::string>{"__label__praise", "__label__late_delivery", "__label__rude_staff"});
  REQUIRE(context.logged.size() == 1);
  CHECK_THAT(context.logged[0].message, Contains("coffee.bin") && Contains("3 labels"));
}

TEST_CASE("Model labels that are not mapped set nothing", "[classifier]") {
  auto context = fixtures_context();
  FasttextClassifier classifier(
      yaml_config("model: coffee.bin\nlabels: {praise: intent.praise}\nthreshold: 0.0\nlanguages: []"), context);
  const auto labels = classify(classifier, "my delivery is late");
  CHECK(labels.scores().size() == 1);
  // fasttext predict-prob: late_delivery 0.80241, praise 0.105732, rude_staff 0.091888
  CHECK(labels.score("intent.praise") == Approx(0.105732).margin(1e-4));
}

TEST_CASE("threshold drops less probable labels", "[classifier]") {
  auto context = fixtures_context();
  FasttextClassifier classifier(coffee_config("threshold: 0.3"), context);
  // hello: praise 0.489306, late_delivery 0.327104, rude_staff 0.18362
  const auto labels = classify(classifier, "hello");
  CHECK(labels.score("intent.praise") == Approx(0.489306).margin(1e-4));
  CHECK(labels.score("theme.late_delivery") == Approx(0.327104).margin(1e-4));
  CHECK_FALSE(labels.has("theme.rude_staff"));
}

TEST_CASE("k keeps only the k most probable model labels", "[classifier]") {
  auto context = fixtures_context();
  FasttextClassifier classifier(coffee_config("k: 1"), context);
  const auto labels = classify(classifier, "hello");
  CHECK(labels.scores().size() == 1);
  CHECK(labels.score("intent.praise") == Approx(0.489306).margin(1e-4));
}

TEST_CASE("attribute takes the most probable mapped label", "[classifier]") {
  auto context = fixtures_context();
  SECTION("from our label's last part") {
    FasttextClassifier classifier(coffee_config("attribute: {name: theme, from_labels: true}"), context);
    CHECK(classify(classifier, "my delivery is late").attribute("theme") == "late_delivery");
    CHECK(classify(classifier, "the barista was rude").attribute("theme") == "rude_staff");
  }
  SECTION("from the model's label") {
    FasttextClassifier classifier(
        yaml_config("model: coffee.bin\nlabels: {praise: intent.thanks}\nthreshold: 0.0\nlanguages: []\n"
                    "attribute: {name: kind, from_labels: false}"),
        context);
    CHECK(classify(classifier, "great coffee").attribute("kind") == "praise");
  }
  SECTION("nothing above the threshold: no attribute") {
    FasttextClassifier classifier(coffee_config("threshold: 0.9\nattribute: {name: theme}"), context);
    const auto labels = classify(classifier, "hello");
    CHECK(labels.scores().empty());
    CHECK(labels.attribute("theme").empty());
  }
}

TEST_CASE("A stronger score set by an earlier classifier stays", "[classifier]") {
  auto context = fixtures_context();
  FasttextClassifier classifier(coffee_config(), context);
  parley::Labels labels;
  labels.set("theme.rude_staff", 0.95);
  labels.set("intent.praise", 0.01);
  classifier.classify(event_with("rude barista"), labels);
  CHECK(labels.score("theme.rude_staff") == 0.95);
  CHECK(labels.score("intent.praise") == Approx(0.0574935).margin(1e-4));
}

TEST_CASE("languages skips events in other languages", "[classifier]") {
  auto context = fixtures_context();
  FasttextClassifier classifier(
      yaml_config("model: coffee.bin\nlabels: {rude_staff: theme.rude_staff}\nthreshold: 0.0\nlanguages: [en]"),
      context);
  parley::Labels greek;
  greek.set_attribute("lang", "el");
  classifier.classify(event_with("rude barista"), greek);
  CHECK_FALSE(greek.has("theme.rude_staff"));

  parley::Labels english;
  english.set_attribute("lang", "en");
  classifier.classify(event_with("rude barista"), english);
  CHECK(english.score("theme.rude_staff") > 0.8);

  SECTION("the platform's language counts when no classifier set lang") {
    parley::Labels labels;
    classifier.classify(event_with("rude barista", "fi"), labels);
    CHECK_FALSE(labels.has("theme.rude_staff"));
  }
  SECTION("an event of unknown language is classified") {
    CHECK(classify(classifier, "rude barista").has("theme.rude_staff"));
  }
}

TEST_CASE("A missing model is refused with the paths looked at", "[classifier][refusal]") {
  const auto message = refusal(coffee_config("model: no-such-model.ftz"));
  CHECK_THAT(message, Contains("fasttext: model file not found") &&
                          Contains(std::string(FASTTEXT_FIXTURES_DIR) + "/no-such-model.ftz") &&
                          Contains("fasttext/no-such-model.ftz") && Contains("'model'"));
  CHECK_THAT(refusal(coffee_config("model: /nowhere/model.ftz")),
             Contains("'/nowhere/model.ftz'") && !Contains(" or "));
  CHECK_THAT(refusal(coffee_config("model: .")), Contains("model file not found"));  // a folder
}

TEST_CASE("A file that is not a model is refused, not loaded", "[classifier][refusal]") {
  CHECK_THAT(refusal(coffee_config("model: not-a-model.bin")),
             Contains("cannot load model") && Contains("not-a-model.bin") && Contains("not a fastText model"));
  CHECK_THAT(refusal(coffee_config("model: coffee-train.txt")), Contains("not a fastText model"));
  // fastText itself loops forever on these; the classifier stops at the end.
  CHECK_THAT(refusal(coffee_config("model: truncated.bin")),
             Contains("truncated.bin") && Contains("truncated or damaged"));
  CHECK_THAT(refusal(coffee_config("model: truncated-header.bin")), Contains("truncated or damaged"));
}

TEST_CASE("A label the model does not have is refused, listing the model's labels", "[classifier][refusal]") {
  CHECK_THAT(refusal(yaml_config("model: coffee.bin\nlabels: {late: theme.late}\nthreshold: 0.0\nlanguages: []")),
             Contains("has no label 'late'") && Contains("praise, late_delivery, rude_staff"));
}

TEST_CASE("Hostile input gives defined labels, never a crash", "[classifier][input]") {
  auto context = fixtures_context();
  FasttextClassifier classifier(coffee_config(), context);
  SECTION("no words: no labels") {
    CHECK(classify(classifier, "").scores().empty());
    CHECK(classify(classifier, " \n\t...!?").scores().empty());
    CHECK(classify(classifier, "\u200b\u200c\u200d\ufeff").scores().empty());
  }
  SECTION("words the model never saw still give probabilities summing to 1") {
    for (const std::string text : {"\U0001F600\U0001F621\U0001F44D", "\xff\xfe\xfd bad bytes \xc3",
                                   "ακόμα περιμένω την παραγγελία", "\u202eabc\u202c مرحبا"}) {
      const auto labels = classify(classifier, text);
      REQUIRE(labels.scores().size() == 3);
      double sum = 0;
      for (const auto& [name, score] : labels.scores()) sum += score;
      CHECK(sum == Approx(1.0).margin(1e-3));
    }
  }
  SECTION("a megabyte of text") {
    std::string huge;
    while (huge.size() < (1 << 20)) huge += "my delivery is late again ";
    CHECK(classify(classifier, huge).score("theme.late_delivery") > 0.8);
    CHECK(classify(classifier, std::string(1 << 20, 'x')).scores().size() == 3);
  }
}

TEST_CASE("Many threads classify with one instance at once", "[classifier][threads]") {
  auto context = fixtures_context();
  FasttextClassifier classifier(coffee_config("attribute: {name: theme}"), context);
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"my delivery is late", "late_delivery"}, {"great coffee", "praise"}, {"rude barista", "rude_staff"}};
  std::atomic<int> wrong{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 300; ++i) {
        const auto& [text, theme] = cases[static_cast<std::size_t>(t + i) % cases.size()];
        if (classify(classifier, text).attribute("theme") != theme) ++wrong;
      }
    });
  }
  for (auto& thread : threads) thread.join();
  CHECK(wrong == 0);
}

}  // namespace fasttext_classifier_test
