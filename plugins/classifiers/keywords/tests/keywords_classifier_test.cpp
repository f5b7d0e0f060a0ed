#include <catch2/catch.hpp>

#include <atomic>
#include <string>
#include <thread>
#include <vector>

#include "test_support.hpp"

using namespace parley::keywords::test;
using parley::Labels;

// A named namespace, so that helpers of different test files can share one
// unity-build translation unit.
namespace keywords_classifier_test {

// One insult list in six languages, word mode unless a test says otherwise.
const char* const kInsults = R"(
labels:
  toxicity.insult: [idiot, "ηλίθιε", "идиот", debil, "ääliö", "غبي"]
)";

TEST_CASE("A term of each language sets the label's score", "[classifier][languages]") {
  auto classifier = make_classifier(kInsults);
  for (const char* text :
       {"You are an idiot.", "Είσαι ηλίθιε;", "Ты идиот!", "Ty debil!", "Sinä olet ääliö", "أنت غبي"}) {
    INFO(text);
    CHECK(classify(classifier, text).score("toxicity.insult") == 1.0);
  }
  const Labels none = classify(classifier, "Thanks, the latte was lovely");
  CHECK_FALSE(none.has("toxicity.insult"));
  CHECK(none.scores().empty());
}

TEST_CASE("Case and diacritics do not matter, on either side", "[classifier][folding]") {
  auto classifier = make_classifier(R"(
labels:
  toxicity.insult: ["ηλίθιος", "ΗΛΙΘΙΕ"]
)");
  for (const char* text : {"ηλίθιος", "ΗΛΙΘΙΟΣ", "ηλιθιος", "Ηλίθιος!", "ηλιθιε", "Ηλίθιε"}) {
    INFO(text);
    CHECK(classify(classifier, text).has("toxicity.insult"));
  }
  auto latin = make_classifier(kInsults);
  CHECK(classify(latin, "IDIOT").has("toxicity.insult"));
  CHECK(classify(latin, "ＩＤＩＯＴ").has("toxicity.insult"));
  CHECK(classify(latin, "AALIO").has("toxicity.insult"));  // Finnish typed without ä/ö
  CHECK(classify(latin, "أنت غَبِيّ").has("toxicity.insult"));
  CHECK(classify(latin, "أنت غـــبي").has("toxicity.insult"));
}

TEST_CASE("Word mode: whole words only", "[classifier][word]") {
  auto classifier = make_classifier(R"(
labels:
  toxicity.profanity: [ass]
)");
  CHECK(classify(classifier, "what an ass!").has("toxicity.profanity"));
  CHECK(classify(classifier, "ASS").has("toxicity.profanity"));
  CHECK_FALSE(classify(classifier, "first class service").has("toxicity.profanity"));
  CHECK_FALSE(classify(classifier, "my assistant").has("toxicity.profanity"));
  CHECK_FALSE(classify(classifier, "bass").has("toxicity.profanity"));
}

TEST_CASE("Phrases match consecutive words, whatever the spacing and punctuation", "[classifier][phrase]") {
  auto classifier = make_classifier(R"(
labels:
  intent.complaint:
    score: 0.9
    terms: ["still waiting", "where is my order", "где мой заказ", "gdzie jest moje zamówienie"]
)");
  for (const char* text : {"I'm STILL   waiting!!", "still... waiting", "Hello, where is my order?", "Где мой заказ???",
                           "Gdzie jest moje zamowienie"}) {
    INFO(text);
    CHECK(classify(classifier, text).score("intent.complaint") == Approx(0.9));
  }
  for (const char* text : {"still, I'm waiting", "waiting still", "where is my", "order"}) {
    INFO(text);
    CHECK_FALSE(classify(classifier, text).has("intent.complaint"));
  }
}

TEST_CASE("A word can be a term and start a phrase; phrases sharing a first word", "[classifier][phrase]") {
  auto classifier = make_classifier(R"(
labels:
  intent.question: [how, "how much", "how do i"]
  intent.compensation: ["how about a refund"]
)");
  CHECK(classify(classifier, "how?").has("intent.question"));
  const Labels both = classify(classifier, "so how about a refund then");
  CHECK(both.has("intent.question"));
  CHECK(both.has("intent.compensation"));
  CHECK_FALSE(classify(classifier, "how about").has("intent.compensation"));
}

TEST_CASE("Prefix mode: stems match inflected forms", "[classifier][prefix]") {
  auto classifier = make_classifier(R"(
labels:
  toxicity.insult: ["идиот", "дебил", "debil", "idiot", "ääliö", "idioot", "ηλίθι"]
match: prefix
)");
  const char* inflected[] = {
      "вы идиоты",      "с идиотом",       "ИДИОТКА",        "какие дебилы",  // ru
      "jesteś debilem", "DEBILE",          "co za idiotyzm",                  // pl
      "ääliöt",         "senkin ääliöitä", "idiootteja",                      // fi
      "ηλίθιοι",        "ΗΛΙΘΙΑ",          "ηλιθιότητα",                      // el
  };
  for (const char* text : inflected) {
    INFO(text);
    CHECK(classify(classifier, text).has("toxicity.insult"));
  }
  // A stem matches the start of a word, not the middle or a shorter word.
  for (const char* text : {"неидиот", "idio", "ηλίθ", "kidiot"}) {
    INFO(text);
    CHECK_FALSE(classify(classifier, text).has("toxicity.insult"));
  }
}

TEST_CASE("Prefix mode phrases: every word of the term is a stem", "[classifier][prefix]") {
  auto classifier = make_classifier(R"(
labels:
  intent.compensation: ["zwrot pieniędz", "верните деньг"]
match: prefix
)");
  CHECK(classify(classifier, "Żądam zwrotu pieniędzy!").has("intent.compensation"));
  CHECK(classify(classifier, "zwrot pieniedzy prosze").has("intent.compensation"));
  CHECK(classify(classifier, "Верните деньги").has("intent.compensation"));
  CHECK_FALSE(classify(classifier, "pieniędzy zwrot").has("intent.compensation"));
  CHECK_FALSE(classify(classifier, "zwrot").has("intent.compensation"));
}

TEST_CASE("Substring mode matches inside words and across spaces", "[classifier][substring]") {
  auto classifier = make_classifier(R"(
labels:
  intent.spam: ["bit.ly", "crypto", "free money"]
match: substring
)");
  CHECK(classify(classifier, "visit BIT.LY/xyz").has("intent.spam"));
  CHECK(classify(classifier, "cryptocurrency gains").has("intent.spam"));
  CHECK(classify(classifier, "FREE   money!!!").has("intent.spam"));
  CHECK(classify(classifier, "get free moneyyyy").has("intent.spam"));
  CHECK_FALSE(classify(classifier, "the coffee was free").has("intent.spam"));
}

TEST_CASE("per_label_match overrides the default mode for one label", "[classifier][modes]") {
  auto classifier = make_classifier(R"(
labels:
  toxicity.insult: ["идиот"]
  toxicity.profanity: [ass]
match: word
per_label_match: { toxicity.insult: prefix }
)");
  CHECK(classify(classifier, "идиоты").has("toxicity.insult"));
  CHECK_FALSE(classify(classifier, "class").has("toxicity.profanity"));
  CHECK_FALSE(classify(classifier, "asses").has("toxicity.profanity"));
}

TEST_CASE("Scores: list form is 1.0, object form its score; a higher earlier score stays", "[classifier][scores]") {
  auto classifier = make_classifier(R"(
labels:
  intent.complaint: { score: 0.6, terms: [late] }
  intent.question: [why]
)");
  const Labels labels = classify(classifier, "why so late");
  CHECK(labels.score("intent.complaint") == Approx(0.6));
  CHECK(labels.score("intent.question") == 1.0);

  Labels earlier;
  earlier.set("intent.complaint", 0.95);
  classifier.classify(event_with("late again"), earlier);
  CHECK(earlier.score("intent.complaint") == Approx(0.95));

  Labels weaker;
  weaker.set("intent.complaint", 0.2);
  classifier.classify(event_with("late again"), weaker);
  CHECK(weaker.score("intent.complaint") == Approx(0.6));
}

TEST_CASE("One term in several labels sets all of them", "[classifier][scores]") {
  auto classifier = make_classifier(R"(
labels:
  intent.complaint: [refund]
  intent.compensation: [refund]
)");
  const Labels labels = classify(classifier, "I want a refund");
  CHECK(labels.has("intent.complaint"));
  CHECK(labels.has("intent.compensation"));
}

TEST_CASE("attributes: the strongest matched label of a family names the attribute", "[classifier][attributes]") {
  auto classifier = make_classifier(R"(
labels:
  theme.late_delivery: { score: 0.8, terms: [late] }
  theme.billing_error: { score: 0.9, terms: [charged] }
  theme.app_crash: { score: 0.9, terms: [crash] }
attributes: { theme: theme }
)");
  CHECK(classify(classifier, "late again").attribute("theme") == "late_delivery");
  CHECK(classify(classifier, "late and charged twice").attribute("theme") == "billing_error");
  // A tie goes to the label listed first.
  CHECK(classify(classifier, "charged, then the app crash").attribute("theme") == "billing_error");
  CHECK(classify(classifier, "lovely").attribute("theme").empty());
}

TEST_CASE("Zero-width characters inside a word do not hide it", "[classifier][robustness]") {
  auto classifier = make_classifier(kInsults);
  CHECK(classify(classifier, "you i\u200Bd\u200Ci\u200Dot").has("toxicity.insult"));
  CHECK(classify(classifier, "ид\u00ADиот").has("toxicity.insult"));
  CHECK(classify(classifier, "غ\u200Bبي").has("toxicity.insult"));
}

TEST_CASE("Invalid UTF-8 is classified around the bad bytes", "[classifier][robustness]") {
  auto classifier = make_classifier(kInsults);
  CHECK(classify(classifier, "you \xFF\xFEidiot\xC3").has("toxicity.insult"));
  CHECK(classify(classifier, "\xD0\xB8\xD0\xB4\xD0\xB8\xD0\xBE\xD1\x82\xD0").has("toxicity.insult"));
  CHECK(classify(classifier, "\xFF\xFE\xFD\xC0\xAF").scores().empty());
}

TEST_CASE("Empty and emoji-only texts", "[classifier][robustness]") {
  auto classifier = make_classifier(R"(
labels:
  toxicity.insult: [idiot]
  intent.praise: ["❤", "👍", "love"]
)");
  CHECK(classify(classifier, "").scores().empty());
  CHECK(classify(classifier, "😡😡😡🤬").scores().empty());
  CHECK(classify(classifier, "👍🏽👍").has("intent.praise"));
  CHECK(classify(classifier, "❤️❤️").has("intent.praise"));
  CHECK_FALSE(classify(classifier, "😡").has("intent.praise"));
}

TEST_CASE("A 1 MB text is classified in full", "[classifier][robustness]") {
  auto classifier = make_classifier(R"(
labels:
  toxicity.insult: ["идиот"]
  intent.complaint: ["still waiting"]
  intent.spam: { score: 0.7, terms: ["crypto"] }
per_label_match: { toxicity.insult: prefix, intent.spam: substring }
)");
  std::string big;
  while (big.size() < (std::size_t{1} << 20)) big += "кофе был холодный, ηλίθιο λάθος; coffee ";
  CHECK(classify(classifier, big).scores().empty());
  const Labels labels = classify(classifier, big + " идиоты still waiting cryptobros");
  CHECK(labels.has("toxicity.insult"));
  CHECK(labels.has("intent.complaint"));
  CHECK(labels.score("intent.spam") == Approx(0.7));
}

TEST_CASE("Text beyond the 4 MiB limit is not read", "[classifier][robustness]") {
  auto classifier = make_classifier(kInsults);
  std::string huge(parley::text::TextNormalizer::kMaxInputBytes, ' ');
  CHECK_FALSE(classify(classifier, huge + "idiot").has("toxicity.insult"));
  CHECK(classify(classifier, "idiot" + huge).has("toxicity.insult"));
}

TEST_CASE("One instance classifies from several threads", "[classifier][threads]") {
  auto classifier = make_classifier(kInsults);
  std::vector<std::thread> threads;
  std::atomic<int> hits{0};
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 2000; ++i) {
        Labels labels;
        classifier.classify(event_with(t % 2 ? "Ты идиот" : "a fine day"), labels);
        if (labels.has("toxicity.insult")) ++hits;
      }
    });
  }
  for (auto& thread : threads) thread.join();
  CHECK(hits == 4000);
}

}  // namespace keywords_classifier_test
