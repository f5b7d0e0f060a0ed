#include <catch2/catch.hpp>

#include <yaml-cpp/yaml.h>

#include <parley/testing.hpp>
#include <parley_test/yaml_config.hpp>
#include <thread>

#include "persona_classifier.hpp"

using namespace parley;
using parley::persona::PersonaClassifier;
using parley::test::yaml_config;

// A named namespace, so that helpers of different test files can share one
// unity-build translation unit.
namespace persona_classifier_test {
Event event_with(std::string text) {
  Event event;
  event.id = "ev-1";
  event.author.id = "u1";
  event.text = std::move(text);
  return event;
}

Labels classify(PersonaClassifier& classifier, const Event& event, Labels labels = {}) {
  classifier.classify(event, labels);
  return labels;
}
TEST_CASE("all five labels are set, each in [0,1]") {
  testing::FakePluginContext context;
  PersonaClassifier classifier(yaml_config("{}"), context);
  const auto labels = classify(classifier, event_with("hello"));
  for (const auto* name :
       {"persona.meek", "persona.aggressive", "persona.high_roller", "persona.rip_off", "persona.chronic"}) {
    REQUIRE(labels.has(name));
    CHECK(labels.score(name) >= 0.0);
    CHECK(labels.score(name) <= 1.0);
  }
  CHECK(labels.attribute("persona").empty());  // nothing stands out
}

TEST_CASE("the seeds' portraits in six languages") {
  testing::FakePluginContext context;
  PersonaClassifier classifier(yaml_config("{}"), context);
  SECTION("meek, in Finnish and Polish") {
    CHECK(classify(classifier, event_with("Anteeksi että häiritsen, olisiko mahdollista tarkistaa tilaukseni? "
                                          "Kiitos etukäteen"))
              .attribute("persona") == "meek");
    CHECK(classify(classifier, event_with("Przepraszam za kłopot, jeśli to możliwe proszę o informację"))
              .attribute("persona") == "meek");
  }
  SECTION("rip-off, in Russian and Greek") {
    CHECK(classify(classifier, event_with("Требую компенсацию или скидку, иначе напишу плохой отзыв"))
              .attribute("persona") == "rip_off");
    CHECK(classify(classifier, event_with("Θέλω αποζημίωση και έκπτωση για την επόμενη παραγγελία"))
              .attribute("persona") == "rip_off");
  }
  SECTION("high-roller, in Arabic") {
    CHECK(classify(classifier, event_with("أنا عميل دائم منذ سنوات وأتوقع الأفضل")).attribute("persona") ==
          "high_roller");
  }
  SECTION("aggressive: shouting and ultimatums in English") {
    CHECK(classify(classifier, event_with("THIS IS UNACCEPTABLE!!! I DEMAND A FIX RIGHT NOW")).attribute("persona") ==
          "aggressive");
  }
}

TEST_CASE("aggression is read from the toxicity and anger labels of earlier classifiers") {
  testing::FakePluginContext context;
  PersonaClassifier classifier(yaml_config("{}"), context);
  Labels earlier;
  earlier.set("toxicity.insult", 0.95);
  const auto labels = classify(classifier, event_with("you are all clowns"), earlier);
  CHECK(labels.score("persona.aggressive") >= 0.9);
  CHECK(labels.attribute("persona") == "aggressive");
}

TEST_CASE("chronic and high-roller come from the author's history the host provides") {
  testing::FakePluginContext context;
  context.history.complaints_30d = 4;
  context.history.customer_tier = "Platinum";
  PersonaClassifier classifier(yaml_config("{}"), context);
  Labels earlier;
  earlier.set("intent.complaint", 0.9);
  const auto labels = classify(classifier, event_with("The order is late."), earlier);
  CHECK(labels.score("persona.chronic") >= 0.7);
  CHECK(labels.score("persona.high_roller") >= 0.9);
}

TEST_CASE("the brand sets the tiers, the chronic bar and extra cues") {
  testing::FakePluginContext context;
  context.history.complaints_30d = 4;
  PersonaClassifier classifier(yaml_config(R"(
chronic_after: 10
high_roller_tiers: [diamond]
extra_cues:
  high_roller: ["frequent flyer"]
)"),
                               context);
  auto event = event_with("As a frequent flyer I expect an answer");
  event.metadata["customer_tier"] = "gold";  // not a high-roller tier for this brand
  Labels earlier;
  earlier.set("intent.complaint", 0.9);
  const auto labels = classify(classifier, event, earlier);
  CHECK(labels.score("persona.chronic") < 0.5);
  CHECK(labels.score("persona.high_roller") > 0.3);  // the cue, not the tier
  CHECK(labels.score("persona.high_roller") < 0.9);
  event.metadata["customer_tier"] = "Diamond";
  CHECK(classify(classifier, event).score("persona.high_roller") >= 0.9);
}

TEST_CASE("a bad config is refused with the key at fault") {
  testing::FakePluginContext context;
  CHECK_THROWS_WITH(PersonaClassifier(yaml_config("chronic_after: 0"), context), Catch::Contains("chronic_after"));
  CHECK_THROWS_WITH(PersonaClassifier(yaml_config("extra_cues: {grumpy: [x]}"), context), Catch::Contains("grumpy"));
  CHECK_THROWS_WITH(PersonaClassifier(yaml_config("extra_cues: {meek: ['***']}"), context),
                    Catch::Contains("extra_cues.meek"));
}

TEST_CASE("bad input gives defined labels") {
  testing::FakePluginContext context;
  PersonaClassifier classifier(yaml_config("{}"), context);
  std::string megabyte(1 << 20, 'A');
  megabyte.append("!!");
  const std::string inputs[] = {"",    std::string("\xff\xfe\xc3", 3), "\u200b\u200b\u200d",
                                "😡😡😡", "مرحبا hello Привет",           megabyte};
  for (const auto& text : inputs) {
    const auto labels = classify(classifier, event_with(text));
    CHECK(labels.scores().size() == 5);
  }
  // A megabyte of capitals is shouting, nothing else.
  CHECK(classify(classifier, event_with(std::string(1 << 20, 'A'))).attribute("persona").empty());
}

TEST_CASE("shouting: at least 8 letters, at least two upper case for each lower case one") {
  testing::FakePluginContext context;
  PersonaClassifier classifier(yaml_config("{}"), context);
  const auto aggressive = [&](std::string text) {
    return classify(classifier, event_with(std::move(text))).score("persona.aggressive");
  };
  CHECK(aggressive("WHERE IS MY ORDER") == Approx(0.35));
  CHECK(aggressive("WHERE IS MY ORDER now") == Approx(0.35));  // 14 upper, 3 lower
  CHECK(aggressive("WHERE IS MY order") == 0.0);               // 9 upper, 5 lower
  CHECK(aggressive("WHERE is my order") == 0.0);
  CHECK(aggressive("WHERE 1S 17") == 0.0);  // digits are not letters: 7 letters only
  CHECK(aggressive("ГДЕ МОЙ ЗАКАЗ") == Approx(0.35));
  CHECK(aggressive("где мой заказ") == 0.0);
}

TEST_CASE("the example config loads and classifies concurrently") {
  testing::FakePluginContext context;
  const auto example = YAML::LoadFile(PERSONA_EXAMPLE_YAML);
  PersonaClassifier classifier(parley::test::to_config(example["config"]), context);
  std::vector<std::thread> threads;
  std::atomic<int> rip_offs{0};
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 200; ++i) {
        if (classify(classifier, event_with("Chcę rekompensatę albo zniżkę, inaczej napiszę złą opinię"))
                .attribute("persona") == "rip_off")
          ++rip_offs;
      }
    });
  }
  for (auto& thread : threads) thread.join();
  CHECK(rip_offs == 800);
}

TEST_CASE("hedges, apologies, platinum tiers and an audience are cues in six languages") {
  testing::FakePluginContext context;
  PersonaClassifier classifier(yaml_config("{}"), context);
  for (const char* text :
       {"I don't want to be a nuisance, but my parcel hasn't come yet", "Ζητώ συγγνώμη, δεν βιάζομαι",
        "Простите за сообщение, не срочно", "Przepraszam za wiadomość, nie ma pośpiechu",
        "Pahoittelen viestiä, ei kiirettä", "اعذروني، مو مستعجل"}) {
    INFO(text);
    CHECK(classify(classifier, event_with(text)).score("persona.meek") >= 0.5);
  }
  for (const char* text : {"As a platinum member I expected better", "Как платиновый участник я ожидал большего",
                           "Platinajäsenenä odotin parempaa", "كعضو بلاتيني كنت متوقع أحسن"}) {
    INFO(text);
    CHECK(classify(classifier, event_with(text)).score("persona.high_roller") > 0.0);
  }
  CHECK(classify(classifier, event_with("Where is my parcel?")).score("persona.high_roller") == 0.0);
}

}  // namespace persona_classifier_test
