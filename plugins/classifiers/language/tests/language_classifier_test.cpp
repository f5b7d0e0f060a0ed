#include <catch2/catch.hpp>

#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "test_support.hpp"

using namespace parley::language::test;

// A named namespace, so that helpers of different test files can share one
// unity-build translation unit.
namespace language_classifier_test {

std::string lang_of(parley::language::LanguageClassifier& classifier, const std::string& text) {
  return classify(classifier, text).attribute("lang");
}

// Real sentences and words of the six languages (written for these tests).
const std::vector<std::pair<std::string, std::string>> kSentences = {
    {"en", "I have been waiting two weeks for my order and nobody answers my emails."},
    {"el", "Περιμένω δύο εβδομάδες την παραγγελία μου και κανείς δεν απαντά."},
    {"ru", "Я жду свой заказ уже две недели, и никто не отвечает на письма."},
    {"pl", "Czekam na zamówienie od dwóch tygodni i nikt nie odpowiada na maile."},
    {"fi", "Olen odottanut tilaustani kaksi viikkoa eikä kukaan vastaa sähköposteihin."},
    {"ar", "أنتظر طلبي منذ أسبوعين ولا أحد يرد على رسائلي."},
};

// One test case with sections: the models are loaded once per process, and
// catch_discover_tests runs each test case in a process of its own.

TEST_CASE("The language classifier", "[classifier]") {
  SECTION("Sentences in the six languages get their language, restricted or not") {
    for (const auto& [language, text] : kSentences) {
      INFO(text);
      const auto labels = classify(six_languages(), text);
      CHECK(labels.attribute("lang") == language);
      CHECK(labels.score("lang." + language) >= 0.9);
      CHECK(lang_of(any_language(), text) == language);
    }
  }

  SECTION("Single words get their language when the brand lists its languages") {
    const std::vector<std::pair<std::string, std::string>> words = {
        {"en", "thanks"},     {"en", "disappointed"}, {"pl", "dziękuję"},    {"pl", "zamowienie"},
        {"pl", "reklamacja"}, {"fi", "kiitos"},       {"fi", "tilauksesta"}, {"fi", "hyvää"},
        {"el", "ευχαριστώ"},  {"ru", "спасибо"},      {"ar", "شكرا"},        {"en", "refund"},
    };
    for (const auto& [language, word] : words) {
      INFO(word);
      CHECK(lang_of(six_languages(), word) == language);
    }
  }

  SECTION("Scores are lang.<code> in [0,1], best first, at most `top` of them") {
    auto classifier = make_classifier("languages: [en, pl, fi]\ntop: 2");
    const auto labels = classify(classifier, "reklamacja");
    REQUIRE_FALSE(labels.scores().empty());
    CHECK(labels.scores().size() <= 2);
    double previous = 1.0;
    for (const auto& [name, score] : labels.scores()) {
      CHECK(name.rfind("lang.", 0) == 0);
      CHECK(score <= previous);
      CHECK(score >= 0.0);
      previous = score;
    }
  }

  SECTION("Greek letters decide without the models; a Latin brand name lowers the confidence") {
    CHECK(classify(six_languages(), "Καλημέρα").score("lang.el") == 1.0);
    const auto mixed = classify(six_languages(), "Το iPhone app δεν ανοίγει");
    CHECK(mixed.attribute("lang") == "el");
    CHECK(mixed.score("lang.el") < 1.0);
    CHECK(lang_of(any_language(), "Καλημέρα") == "el");
  }

  SECTION("Greeklish and translit are el and ru when the brand lists them") {
    const auto greeklish = classify(six_languages(), "den exw parei akoma tin paraggelia mou");
    CHECK(greeklish.attribute("lang") == "el");
    CHECK(greeklish.attribute("lang_script") == "latin");
    CHECK(lang_of(six_languages(), "privet, gde moi zakaz? uzhe nedelyu zhdu") == "ru");
    // Without el and ru in `languages` the words are Latin-script text like any other.
    auto latin_only = make_classifier("languages: [en, pl, fi]");
    CHECK(lang_of(latin_only, "den exw parei akoma tin paraggelia mou") != "el");
    // And it can be switched off.
    auto no_romanized = make_classifier("languages: [en, el, ru]\nromanized: false");
    CHECK(classify(no_romanized, "den exw parei akoma tin paraggelia mou").attribute("lang_script").empty());
  }

  SECTION("Links, mentions and hashtags do not make a text English") {
    CHECK(lang_of(six_languages(), "@NordicCoffee #fail https://example.com/order/123 Gdzie jest moje zamówienie?") ==
          "pl");
    CHECK(lang_of(any_language(), "@support https://t.co/abc #help Missä tilaukseni on?") == "fi");
  }

  SECTION("Text without letters gets the default language and no scores") {
    for (const std::string text : {"", "😡😡😡", "👍🏽", "123 456 !!!", "https://example.com @someone #tag"}) {
      INFO(text);
      const auto labels = classify(six_languages(), text);
      CHECK(labels.attribute("lang") == "und");
      CHECK(labels.scores().empty());
    }
    auto with_default = make_classifier("languages: [en, fi]\ndefault: fi");
    CHECK(lang_of(with_default, "🙂") == "fi");
  }

  SECTION("Below min_confidence the attribute is the default, the scores stay") {
    auto strict = make_classifier("languages: [en, pl, fi]\nmin_confidence: 1.0\ndefault: en");
    const auto labels = classify(strict, "ok");
    CHECK(labels.attribute("lang") == "en");
    CHECK_FALSE(labels.scores().empty());
  }

  SECTION("Text in a language the brand does not list is not forced into one with confidence") {
    auto finnish_brand = make_classifier("languages: [en, fi]");
    const auto labels = classify(finnish_brand, "Je voudrais savoir pourquoi ma commande n'est toujours pas arrivée");
    CHECK(labels.score("lang.en") < 0.5);
    CHECK(labels.score("lang.fi") < 0.5);
  }

  SECTION("Hostile input: huge, invalid UTF-8, bidi mixing, zero-width characters") {
    std::string huge;
    while (huge.size() < 1'000'000) huge += "Czekam na zamówienie od dwóch tygodni. ";
    CHECK(lang_of(six_languages(), huge) == "pl");
    CHECK(lang_of(any_language(), huge) == "pl");

    const std::string invalid = std::string("\xFF\xFE\xC3\x28 Olen odottanut tilaustani \xE2\x82 kaksi viikkoa \xF0");
    CHECK(lang_of(six_languages(), invalid) == "fi");
    CHECK_NOTHROW(classify(any_language(), std::string("\x80\x81\x82\xC0\xAF", 5)));

    CHECK(lang_of(six_languages(), "\u202Bأين طلبي؟\u202C order #123 \u200Fلم يصل\u200F") == "ar");
    CHECK(lang_of(six_languages(), "z\u200Bam\u200Bó\u200Bwienie") == "pl");
  }

  SECTION("Many threads share one instance and get the same answers") {
    auto& classifier = six_languages();
    std::vector<std::string> expected;
    for (const auto& [language, text] : kSentences) expected.push_back(lang_of(classifier, text));
    std::vector<int> mismatches(4, 0);
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t) {
      threads.emplace_back([&, t] {
        for (int round = 0; round < 50; ++round) {
          for (std::size_t i = 0; i < kSentences.size(); ++i) {
            parley::Labels labels;
            classifier.classify(event_with(kSentences[i].second), labels);
            if (labels.attribute("lang") != expected[i]) ++mismatches[static_cast<std::size_t>(t)];
          }
        }
      });
    }
    for (auto& thread : threads) thread.join();
    for (const int count : mismatches) CHECK(count == 0);
  }
}

}  // namespace language_classifier_test
