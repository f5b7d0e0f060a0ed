// The VADER-style rules: negation, boosters, contrast, emphasis, emoji,
// sarcasm and complaint cues, anger.
#include <catch2/catch.hpp>

#include "test_support.hpp"

using namespace parley::sentiment::test;

// A named namespace, so that helpers of different test files can share one
// unity-build translation unit.
namespace rules_test {
double positive(const std::string& text, const std::string& lang = "en") {
  return classify(text, lang).score("sentiment.positive");
}
double negative(const std::string& text, const std::string& lang = "en") {
  return classify(text, lang).score("sentiment.negative");
}
double anger(const std::string& text, const std::string& lang = "en") { return classify(text, lang).score("anger"); }
TEST_CASE("The three scores are a distribution", "[rules]") {
  for (const char* text : {"great", "awful", "the bus", "", "good but bad"}) {
    const auto labels = classify(text, "en");
    CHECK(labels.score("sentiment.negative") + labels.score("sentiment.neutral") + labels.score("sentiment.positive") ==
          Approx(1.0));
    CHECK(labels.has("anger"));
  }
}

TEST_CASE("Negation flips a sentiment word in each language", "[rules]") {
  CHECK(polarity("The coffee is good", "en") == "positive");
  CHECK(polarity("The coffee is not good", "en") == "negative");
  CHECK(polarity("The coffee isn't good", "en") == "negative");
  CHECK(polarity("Ο καφές δεν είναι καλός", "el") != "positive");
  CHECK(polarity("Кофе не хороший", "ru") != "positive");
  CHECK(polarity("Nie polecam", "pl") == "negative");
  CHECK(polarity("لا أحب هذا المنتج", "ar") != "positive");
}

TEST_CASE("Boosters strengthen, dampeners weaken", "[rules]") {
  CHECK(positive("very good") > positive("good"));
  CHECK(positive("slightly good") < positive("good"));
  CHECK(positive("очень хорошо", "ru") > positive("хорошо", "ru"));
}

TEST_CASE("After 'but' the second clause decides", "[rules]") {
  CHECK(polarity("The staff were nice but the coffee was terrible", "en") == "negative");
  CHECK(polarity("Доставка задержалась, но кофе отличный", "ru") == "positive");
}

TEST_CASE("Exclamation marks, capitals and elongation add emphasis", "[rules]") {
  CHECK(positive("good!!!") > positive("good"));
  CHECK(negative("This is TERRIBLE service") > negative("This is terrible service"));
  CHECK(positive("soooo goood") > positive("so good"));
}

TEST_CASE("Emoji and emoticons carry sentiment", "[rules]") {
  CHECK(polarity("😍😍", "en") == "positive");
  CHECK(polarity("😡", "en") == "negative");
  CHECK(polarity("the coffee :(", "en") == "negative");
  CHECK(polarity("спасибо)))", "ru") == "positive");
  CHECK(polarity("опять ничего не пришло((", "ru") == "negative");
}

TEST_CASE("Sarcasm: thanks for nothing, great in a complaint, scare quotes", "[rules]") {
  CHECK(polarity("Thanks for nothing", "en") == "negative");
  CHECK(polarity("Спасибо за ничего", "ru") == "negative");
  CHECK(polarity("Dzięki za nic", "pl") == "negative");
  CHECK(polarity("Great, third time my flight is delayed", "en") == "negative");
  CHECK(negative("What \"great\" service") > negative("What great service"));
}

TEST_CASE("Brand complaint cues are negative", "[rules]") {
  CHECK(polarity("Still waiting for my order", "en") == "negative");
  CHECK(polarity("Never again", "en") == "negative");
  CHECK(polarity("I want a refund", "en") == "negative");
  CHECK(polarity("Всё ещё жду заказ", "ru") == "negative");
  CHECK(polarity("Nadal czekam na zamówienie", "pl") == "negative");
}

TEST_CASE("Requests and handles are not praise", "[rules]") {
  CHECK(polarity("Please help, where is my bag?", "en") == "neutral");
  CHECK(polarity("@united when does the gate open?", "en") == "neutral");
  CHECK(polarity("I like the new menu", "en") == "positive");
  CHECK(polarity("Пожалуйста, помогите с заказом", "ru") == "neutral");
  // A handle in any script is a name, not words: "Любовь" is "love".
  CHECK(polarity("@Любовь_К во сколько вы открываетесь?", "ru") == "neutral");
  CHECK(polarity("Любовь к кофе", "ru") == "positive");
}

TEST_CASE("Anger rises with anger words, capitals, exclamations and abuse", "[anger]") {
  CHECK(anger("I love it") < 0.2);
  CHECK(anger("I am furious, this is unacceptable") >= 0.5);
  CHECK(anger("I am FURIOUS!!! You ruined everything") > anger("I am furious"));
  CHECK(anger("Я в бешенстве, вы достали", "ru") >= 0.5);
  CHECK(anger("Είμαι πολύ θυμωμένος", "el") >= 0.4);
  CHECK(anger("I am not angry") < anger("I am angry"));

  parley::Labels labels;
  labels.set("toxicity.insult", 1.0);
  default_classifier().classify(event_with("you are slow"), labels);
  CHECK(labels.score("anger") > anger("you are slow"));
}

TEST_CASE("Abuse the lexicon lacks reads as negative unless something positive was said", "[rules]") {
  const auto with_abuse = [](const std::string& text, const std::string& lang, const char* label, double score) {
    parley::Labels labels;
    labels.set(label, score);
    default_classifier().classify(event_with(text, lang), labels);
    return labels;
  };
  // The lexicons have no "clowns" in Russian nor this spelling of a swear
  // word: the toxicity classifier's score stands in for them.
  CHECK(negative("Клоуны.", "ru") < 0.1);
  CHECK(with_abuse("Клоуны.", "ru", "toxicity.insult", 0.45).score("sentiment.negative") > 0.4);
  CHECK(polarity(with_abuse("Два часа ждали пиццу, бл*", "ru", "toxicity.profanity", 0.8)) == "negative");
  // Swearing in praise stays praise; abuse the lexicon already scored counts once.
  CHECK(polarity(with_abuse("fucking amazing coffee", "en", "toxicity.profanity", 0.7)) == "positive");
  CHECK(polarity(with_abuse("Кофе просто огонь, бл*", "ru", "toxicity.profanity", 0.7)) == "positive");
  CHECK(with_abuse("this is shit", "en", "toxicity.profanity", 0.7).score("sentiment.negative") ==
        Approx(negative("this is shit")));
}

TEST_CASE("A refund thanked for is positive: its complaint word belongs to the thanks", "[rules]") {
  CHECK(polarity("Thanks for the refund, all smooth", "en") == "positive");
  CHECK(polarity("Dziękuję za zwrot pieniędzy, wszystko sprawnie", "pl") == "positive");
  CHECK(polarity("Спасибо за возврат, всё быстро", "ru") == "positive");
  CHECK(polarity("Kiitos hyvityksestä", "fi") == "positive");
  // Waiting for it is still a complaint, and sarcastic thanks still irony.
  CHECK(polarity("Still waiting for the refund", "en") == "negative");
  CHECK(polarity("Thanks for nothing, still no refund", "en") == "negative");
}

TEST_CASE("Brand additions change a word's valence", "[config]") {
  FakeContext context;
  parley::sentiment::SentimentClassifier classifier(
      yaml_config("lexicon_additions:\n  en: { slaps: 3, \"cold brew\": -2, united: 0 }\n  ru: { огонь: 2.5 }\n"
                  "anger_additions:\n  all: { grrrr: 0.9 }\n"),
      context);
  CHECK(polarity(classify(classifier, "this coffee slaps", "en")) == "positive");
  CHECK(polarity(classify(classifier, "cold brew again", "en")) == "negative");
  CHECK(polarity(classify(classifier, "Кофе просто огонь", "ru")) == "positive");
  // A brand's own name can be made neutral with 0.
  CHECK(polarity(classify(classifier, "Flying United tomorrow", "en")) == "neutral");
  CHECK(polarity("Flying United tomorrow", "en") == "positive");
  CHECK(classify(classifier, "grrrr", "ru").score("anger") >= 0.5);
  CHECK(polarity("this coffee slaps", "en") == "neutral");  // the default classifier is unchanged
}

TEST_CASE("An inflection missing from the English lexicon counts as its base", "[rules]") {
  CHECK(polarity("The app crashes every time", "en") == "negative");  // only "crash" is listed
  CHECK(polarity("My app keeps crashing", "en") == "negative");
}

TEST_CASE("Names of things in customer service carry no sentiment", "[rules]") {
  // A brand's demo comment: "loyalty" (+2.5) named a product, "crashes" was unknown.
  CHECK(polarity("Since the 4.2 update the app crashes every time I open the loyalty card. Can't pay with my points.",
                 "en") == "negative");
  for (const char* text : {"Where do I use my loyalty card?", "I bought two gift cards", "I called customer support",
                           "Is happy hour on Fridays?", "The help desk opens at nine"}) {
    CAPTURE(text);
    CHECK(polarity(text, "en") == "neutral");
  }
  CHECK(polarity("I love your loyalty card!", "en") == "positive");           // the other words still count
  CHECK(polarity("My loyalty is to the staff", "en") == "positive");          // the word alone is still a feeling
  CHECK(polarity("Оформил карту лояльности в магазине", "ru") == "neutral");  // лояльность is +2.4
  CHECK(polarity("Написал в службу поддержки", "ru") == "neutral");
  CHECK(polarity("Επικοινώνησα με την υποστήριξη πελατών", "el") == "neutral");
  CHECK(polarity("اتصلت بخدمة العملاء", "ar") == "neutral");
  CHECK(polarity("أين أستخدم بطاقة الولاء؟", "ar") == "neutral");
  // Polish and Finnish name them with words of no valence: nothing to neutralise.
  CHECK(polarity("Gdzie użyć karty lojalnościowej?", "pl") == "neutral");
  CHECK(polarity("Tilasin kanta-asiakaskortin eilen", "fi") == "neutral");
}

TEST_CASE("A service named with 'late' is no delay; lateness still is", "[rules]") {
  for (const char* text :
       {"Can I book a late check-in?", "Are you open late on Fridays?", "Is the late night menu available on weekends?",
        "Μπορώ να έχω late check-out την Κυριακή;"}) {
    CAPTURE(text);
    CHECK(polarity(text, "en") == "neutral");
  }
  CHECK(negative("My order is late") > negative("Is the shop open late?"));  // "late" alone still counts
  CHECK(polarity("Late check-out was refused and the room was dirty", "en") == "negative");
}

TEST_CASE("Asking whether it is too late, or real or a scam, is no bad mood", "[rules]") {
  const std::pair<const char*, const char*> questions[] = {
      {"Is it too late to change my order?", "en"},  {"Is this giveaway real or a scam?", "en"},
      {"Этот розыгрыш настоящий или развод?", "ru"}, {"Czy nie jest za późno, żeby zmienić zamówienie?", "pl"},
      {"Onko tämä arvonta aito vai huijaus?", "fi"}, {"Αυτός ο διαγωνισμός είναι αληθινός ή απάτη;", "el"},
      {"هل هذه المسابقة حقيقية أم نصب؟", "ar"},
  };
  for (const auto& [text, lang] : questions) {
    CAPTURE(text);
    CHECK(polarity(text, lang) == "neutral");
  }
  CHECK(polarity("This giveaway is a scam", "en") == "negative");
  CHECK(negative("It was delivered too late") > negative("Is it too late to change my order?"));
}

TEST_CASE("A mark out of 5 or 10 is a verdict in any language", "[rules]") {
  CHECK(polarity("10/10 θα ξαναπαραγγείλω", "el") == "positive");
  CHECK(polarity("9/10 zamówię znowu", "pl") == "positive");
  CHECK(polarity("Hotelli 2/5, huone oli pieni", "fi") == "negative");
  CHECK(polarity("I'd give the room 4 out of 5", "en") == "positive");
  // A middling mark, a date and a fraction are no verdict.
  CHECK(polarity("Ставлю 3/5", "ru") == "neutral");
  CHECK(polarity("Delivery booked for 10/10/2026", "en") == "neutral");
  CHECK(polarity("3/4 of the order came today", "en") == "neutral");
}

}  // namespace rules_test
