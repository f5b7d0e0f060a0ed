#include <catch2/catch.hpp>

#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "test_support.hpp"

using namespace parley::mention::test;

// A named namespace, so that helpers of different test files can share one
// unity-build translation unit.
namespace mention_classifier_test {
parley::mention::MentionClassifier& nordic() {
  static auto classifier = make_classifier(kNordic);
  return classifier;
}
TEST_CASE("Names and aliases in any script score 1.0", "[exact]") {
  const char* texts[] = {
      "Had a great morning at Nordic Coffee today",
      "NORDIC COFFEE!!! best place",
      "Πήγα στο Νόρντικ Κόφι χθες",
      "Был вчера в Нордик Кофе",
      "ذهبت إلى نورديك كوفي أمس",
  };
  for (const char* text : texts) {
    INFO(text);
    const auto labels = classify(nordic(), text);
    CHECK(labels.score("mention.brand") == 1.0);
    CHECK(labels.attribute("brand") == "Nordic Coffee");
  }
}

TEST_CASE("Hashtags and handles written together match the name", "[exact]") {
  for (const char* text : {"#NordicCoffee is the best", "love #nordiccoffee", "@NordicCoffee where is my order"}) {
    INFO(text);
    const auto labels = classify(nordic(), text);
    CHECK(labels.score("mention.brand") == 1.0);
    CHECK(labels.attribute("brand") == "Nordic Coffee");
  }
}

TEST_CASE("Typos match with a lower score", "[fuzzy]") {
  const char* texts[] = {
      "Nordik Coffee was closed",        // 1 edit
      "nordic cofee is overpriced",      // 1 edit
      "#nordiccofee",                    // written together, 1 edit
      "Nordci Cofee again",              // swap + deletion: 2 edits, name has 12 letters
      "Nordic Coffeen latte oli hyvää",  // Finnish genitive ending: 1 letter more
      "Был в Нордик Кофи",               // Cyrillic, 1 edit
  };
  for (const char* text : texts) {
    INFO(text);
    const auto labels = classify(nordic(), text);
    CHECK(labels.score("mention.brand") >= 0.5);
    CHECK(labels.score("mention.brand") < 1.0);
    CHECK(labels.attribute("brand") == "Nordic Coffee");
  }
}

TEST_CASE("Short names only match exactly; unrelated words do not match", "[fuzzy]") {
  CHECK(classify(nordic(), "Teho on hyvä").attribute("brand") == "Teho");
  CHECK_FALSE(classify(nordic(), "Tehon loppui").has("mention.brand"));      // 4 letters: exact only
  CHECK(classify(nordic(), "Kahvit loppui").attribute("brand") == "Kahvi");  // 5 letters: 1 edit
  CHECK_FALSE(classify(nordic(), "Kahvila auki").has("mention.brand"));      // 2 edits
  CHECK_FALSE(classify(nordic(), "Nordic countries drink coffee").has("mention.brand"));
  CHECK_FALSE(classify(nordic(), "Some tea from Finland").has("mention.brand"));
  CHECK_FALSE(classify(nordic(), "").has("mention.brand"));
}

TEST_CASE("fuzzy_exclude keeps real words out; fuzzy: false turns typos off", "[fuzzy]") {
  auto plain = make_classifier("brands: [{name: Nordics}]");
  CHECK(classify(plain, "the nordic way").has("mention.brand"));
  auto excluded = make_classifier("brands: [{name: Nordics}]\nfuzzy_exclude: [nordic]");
  CHECK_FALSE(classify(excluded, "the nordic way").has("mention.brand"));
  auto exact_only = make_classifier("brands: [{name: \"Nordic Coffee\"}]\nfuzzy: false");
  CHECK_FALSE(classify(exact_only, "Nordik Coffee").has("mention.brand"));
  CHECK(classify(exact_only, "Nordic Coffee").score("mention.brand") == 1.0);
}

TEST_CASE("Products set mention.product and the product attribute", "[products]") {
  auto labels = classify(nordic(), "The oat latte at Nordic Coffee is great");
  CHECK(labels.score("mention.product") == 1.0);
  CHECK(labels.attribute("product") == "Oat Latte");
  CHECK(labels.attribute("brand") == "Nordic Coffee");

  labels = classify(nordic(), "Взял колд брю, неплохо");
  CHECK(labels.attribute("product") == "Cold Brew");
  CHECK_FALSE(labels.has("mention.brand"));  // a product alone is not a brand mention
}

TEST_CASE("mention.untagged when the brand is named but its handle is absent (P15)", "[untagged]") {
  CHECK(classify(nordic(), "Nordic Coffee never answers").score("mention.untagged") == 1.0);
  CHECK_FALSE(classify(nordic(), "@nordiccoffee your Nordic Coffee app is down").has("mention.untagged"));
  CHECK_FALSE(classify(nordic(), "@NordicCoffee hello").has("mention.untagged"));
  // A brand without an @alias: its name written together is the handle.
  auto plain = make_classifier("brands: [{name: \"Oat Works\"}]");
  CHECK_FALSE(classify(plain, "@OatWorks hi").has("mention.untagged"));
  CHECK(classify(plain, "Oat Works is closed").has("mention.untagged"));
}

TEST_CASE("The first brand listed wins a tie; a higher score wins otherwise", "[exact]") {
  auto labels = classify(nordic(), "Suomi Tea or Nordic Coffee?");
  CHECK(labels.attribute("brand") == "Nordic Coffee");
  labels = classify(nordic(), "Suomi Tea or Nordik Coffee?");
  CHECK(labels.attribute("brand") == "Suomi Tea");
}

TEST_CASE("Bad input: invalid UTF-8, zero-width, RTL marks, emoji, 1 MB", "[robustness]") {
  CHECK(classify(nordic(), std::string("\xFF\xFE Nordic\xE2\x80\x8B Coffee \xC3")).score("mention.brand") == 1.0);
  CHECK(classify(nordic(),
                 "\xE2\x80\x8F"
                 "نورديك كوفي\xE2\x80\x8E ok")
            .score("mention.brand") == 1.0);
  CHECK_FALSE(classify(nordic(), "😀☕😀☕").has("mention.brand"));
  std::string huge;
  while (huge.size() < (1U << 20)) huge += "coffee nordic tea lorem ipsum ";
  huge += "Nordic Coffee";
  const auto labels = classify(nordic(), huge);
  CHECK(labels.score("mention.brand") == 1.0);
}

TEST_CASE("One instance serves several threads", "[robustness]") {
  std::vector<std::thread> threads;
  std::vector<int> wrong(4, 0);
  const std::vector<std::string> texts = {"Nordic Coffee", "Nordik Coffee", "Suomi Tea", "nothing here"};
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 2000; ++i) {
        const auto labels = classify(nordic(), texts[static_cast<std::size_t>(t)]);
        const bool ok = t == 3 ? !labels.has("mention.brand") : labels.score("mention.brand") >= 0.5;
        if (!ok) ++wrong[static_cast<std::size_t>(t)];
      }
    });
  }
  for (auto& thread : threads) thread.join();
  CHECK(wrong == std::vector<int>(4, 0));
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
  refused("brands: [{name: \"!!!\"}]", "has no letters");
  refused("brands: [{name: X, products: [{title: Y}]}]", "product key 'title'");
  refused("brands: [{name: X, products: [[Y]]}]", "a product is a name");
  refused("brands: [{name: X, products: [{aliases: [y]}]}]", "needs a name");
}

}  // namespace mention_classifier_test
