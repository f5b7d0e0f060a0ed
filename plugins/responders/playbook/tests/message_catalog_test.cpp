#include <catch2/catch.hpp>

#include <algorithm>
#include <stdexcept>

#include "message_catalog.hpp"
#include "personas.hpp"

using namespace parley::playbook;

// A named namespace, so that helpers of different test files can share one
// unity-build translation unit.
namespace message_catalog_test {
const std::vector<std::string> kLanguages{"en", "el", "ru", "pl", "fi", "ar"};

/// `message_name` and every wording of it for a portrait ("acknowledge.meek").
std::vector<std::string> with_persona_wordings(std::string_view message_name) {
  std::vector<std::string> names{std::string(message_name)};
  for (const auto persona : kPersonas) names.push_back(persona_message_name(message_name, persona));
  return names;
}
TEST_CASE("default catalog has every message in every language", "[catalog]") {
  const auto catalog = MessageCatalog::defaults();
  for (const auto& name : message_names()) {
    for (const auto& lang : kLanguages) {
      INFO(name << "/" << lang);
      const auto* variants = catalog.variants(name, lang);
      REQUIRE(variants != nullptr);
      CHECK(variants->size() >= (name == message::acknowledge ? 4u : 3u));
      for (const auto& text : *variants) {
        INFO(text);
        CHECK(text.find("{name}") != std::string::npos);
        if (name == message::acknowledge) CHECK(text.find("{eta}") != std::string::npos);
        if (name == message::warning) CHECK(text.find("{policy_link}") != std::string::npos);
        if (name == message::offer) CHECK(text.find("{offer}") != std::string::npos);
        if (name == message::answer_question) CHECK(text.find("{kb_link}") != std::string::npos);
        if (name == message::escalated) CHECK(text.find("{department}") != std::string::npos);
        if (name != message::offer) CHECK(text.find("{offer}") == std::string::npos);
      }
      // Variants differ from each other (P10).
      auto sorted = *variants;
      std::sort(sorted.begin(), sorted.end());
      CHECK(std::adjacent_find(sorted.begin(), sorted.end()) == sorted.end());
    }
  }
  CHECK(catalog.variants(message::acknowledge, "de") == nullptr);
  CHECK(catalog.variants("no_such_message", "en") == nullptr);
}

TEST_CASE("public defaults never mention an offer (P4)", "[catalog]") {
  // Stems of offer words in the six languages (lower case; checked on the
  // lowered text, which is enough for the ASCII and Cyrillic/Greek stems).
  const std::vector<std::string> offer_words{
      "refund",   "money back",  "compensat", "discount",       "voucher",     "coupon", "bonus",   "free ",
      "reimburs", "gift",        "offer",     "αποζημίωσ",      "επιστροφή",   "έκπτωσ", "κουπόνι", "δώρο",
      "προσφορ",  "деньг",       "возврат",   "компенсац",      "скидк",       "бонус",  "подар",   "предлож",
      "zwrot",    "rekompensat", "zniżk",     "rabat",          "odszkodowan", "gratis", "bon ",    "propozyc",
      "hyvity",   "korvau",      "alennu",    "rahat takaisin", "tarjo",       "lahja",  "استرداد", "تعويض",
      "تخفيض",    "كوبون",       "خصم",       "هدية",           "عرض"};
  const auto catalog = MessageCatalog::defaults();
  int checked = 0;
  for (const auto public_message :
       {message::acknowledge, message::answer_question, message::resolved_note, message::warning, message::thanks}) {
    for (const auto& name : with_persona_wordings(public_message)) {  // P16 wordings are public too
      for (const auto& lang : kLanguages) {
        const auto* variants = catalog.variants(name, lang);
        if (variants == nullptr) {
          CHECK(name != public_message);  // only a portrait's wording is optional
          continue;
        }
        for (const auto& text : *variants) {
          ++checked;
          std::string lowered = text;
          std::transform(lowered.begin(), lowered.end(), lowered.begin(),
                         [](unsigned char c) { return c < 0x80 ? static_cast<char>(std::tolower(c)) : c; });
          for (const auto& word : offer_words) {
            INFO(name << "/" << lang << ": " << text << " contains " << word);
            CHECK(lowered.find(word) == std::string::npos);
          }
        }
      }
    }
  }
  // Plain public texts (6 languages, 3+ each, acknowledge 4) and the four
  // portraits' acknowledgements (4 x 6 x 3).
  CHECK(checked >= 6 * (4 + 4 * 3) + 4 * 6 * 3);
}

TEST_CASE("built-in P16 wordings: acknowledge and move_private per portrait, in every language", "[catalog][persona]") {
  const auto catalog = MessageCatalog::defaults();
  for (const auto base : {message::acknowledge, message::move_private}) {
    for (const auto persona : {"meek", "aggressive", "high_roller", "chronic"}) {
      const auto name = persona_message_name(base, persona);
      for (const auto& lang : kLanguages) {
        INFO(name << "/" << lang);
        const auto* variants = catalog.variants(name, lang);
        REQUIRE(variants != nullptr);
        CHECK(variants->size() >= 3u);
        const auto* plain = catalog.variants(base, lang);
        for (const auto& text : *variants) {
          INFO(text);
          CHECK(text.find("{name}") != std::string::npos);
          if (base == message::acknowledge) CHECK(text.find("{eta}") != std::string::npos);
          CHECK(text.find("{offer}") == std::string::npos);
          CHECK(text.find("{department}") == std::string::npos);  // not known when move_private is sent
          // A wording of its own, not a copy of a plain variant.
          CHECK(std::find(plain->begin(), plain->end(), text) == plain->end());
        }
        auto sorted = *variants;
        std::sort(sorted.begin(), sorted.end());
        CHECK(std::adjacent_find(sorted.begin(), sorted.end()) == sorted.end());
      }
    }
  }
  // rip_off is handled by offer/decline_offer; its acknowledgement is the plain one.
  CHECK(catalog.variants("acknowledge.rip_off", "en") == nullptr);
  // The portraits are worded differently from each other.
  CHECK(*catalog.variants("acknowledge.aggressive", "ru") != *catalog.variants("acknowledge.meek", "ru"));
  CHECK(*catalog.variants("move_private.chronic", "ar") != *catalog.variants("move_private.high_roller", "ar"));
}

TEST_CASE("wording_for picks the portrait's wording, else the plain message", "[catalog][persona]") {
  auto catalog = MessageCatalog::defaults();
  CHECK(catalog.wording_for(message::acknowledge, "aggressive", "el") == "acknowledge.aggressive");
  CHECK(catalog.wording_for(message::move_private, "chronic", "ar") == "move_private.chronic");
  CHECK(catalog.wording_for(message::acknowledge, "", "en") == "acknowledge");         // no persona
  CHECK(catalog.wording_for(message::acknowledge, "rip_off", "en") == "acknowledge");  // no built-in wording
  CHECK(catalog.wording_for(message::thanks, "meek", "en") == "thanks");               // not worded per portrait
  catalog.set(message::acknowledge, "de", {"Hallo {name}, wir melden uns {eta}."});
  CHECK(catalog.wording_for(message::acknowledge, "aggressive", "de") == "acknowledge");  // no German wording
  catalog.set("acknowledge.aggressive", "de", {"Hallo {name}, wir kümmern uns sofort darum: Antwort {eta}."});
  CHECK(catalog.wording_for(message::acknowledge, "aggressive", "de") == "acknowledge.aggressive");
  catalog.erase("acknowledge.aggressive", "de");
  CHECK(catalog.variants("acknowledge.aggressive", "de") == nullptr);
  CHECK(catalog.wording_for(message::acknowledge, "aggressive", "de") == "acknowledge");
  CHECK(catalog.variants("acknowledge.aggressive", "en") != nullptr);  // other languages untouched
}

TEST_CASE("a portrait's wording is validated like any message", "[catalog][persona]") {
  MessageCatalog catalog;
  CHECK_NOTHROW(catalog.set("move_private.high_roller", "en", {"Hello {name}, {brand} here."}));
  CHECK_THROWS_WITH(catalog.set("acknowledge.grumpy", "en", {"Hi {name} {eta}"}),
                    Catch::Contains("acknowledge.grumpy/en") && Catch::Contains("<message>.<meek|"));
  CHECK_THROWS_WITH(catalog.set("greeting.meek", "en", {"Hi"}), Catch::Contains("greeting.meek/en"));
  CHECK_THROWS_WITH(catalog.set("acknowledge.", "en", {"Hi"}), Catch::Contains("acknowledge./en"));
  CHECK_THROWS_WITH(catalog.set("acknowledge.meek.meek", "en", {"Hi"}), Catch::Contains("unknown message"));
  CHECK_THROWS_WITH(catalog.set("acknowledge.meek", "en", {"Hi {nmae}"}),
                    Catch::Contains("acknowledge.meek/en") && Catch::Contains("{nmae}"));
  CHECK_THROWS_WITH(catalog.set("acknowledge.chronic", "fi", {}), Catch::Contains("acknowledge.chronic/fi"));
}

TEST_CASE("a brand overrides one message in one language", "[catalog]") {
  auto catalog = MessageCatalog::defaults();
  catalog.set(message::acknowledge, "en", {"Hey {name}, on it – answer {eta}.", "Hi {name}, checking now ({eta})."});
  REQUIRE(catalog.variants(message::acknowledge, "en")->size() == 2);
  CHECK(catalog.variants(message::acknowledge, "en")->front() == "Hey {name}, on it – answer {eta}.");
  CHECK(catalog.variants(message::acknowledge, "el")->size() >= 3);  // other languages untouched
  catalog.set(message::thanks, "de", {"Danke {name}!"});             // a new language
  CHECK(catalog.variants(message::thanks, "de")->size() == 1);
  CHECK(MessageCatalog::defaults().variants(message::acknowledge, "en")->size() >= 3);  // defaults untouched
}

TEST_CASE("catalog refuses bad overrides with a message naming them", "[catalog]") {
  MessageCatalog catalog;
  CHECK(catalog.variants(message::thanks, "en") == nullptr);
  CHECK_THROWS_WITH(catalog.set("greeting", "en", {"Hi"}), Catch::Contains("greeting/en"));
  CHECK_THROWS_WITH(catalog.set(message::thanks, "fi", {}), Catch::Contains("thanks/fi"));
  CHECK_THROWS_WITH(catalog.set(message::thanks, "fi", {"  "}), Catch::Contains("thanks/fi"));
  CHECK_THROWS_WITH(catalog.set(message::warning, "pl", {"Zasady: {policy_url}"}),
                    Catch::Contains("warning/pl") && Catch::Contains("{policy_url}"));
  CHECK_THROWS_AS(catalog.set(message::thanks, "", {"Hi"}), std::invalid_argument);
  // Braces that are not placeholders are text.
  CHECK_NOTHROW(catalog.set(message::thanks, "en", {"Thanks {name} :-{ }"}));
  for (const auto& placeholder : placeholder_names()) {
    CHECK_NOTHROW(catalog.set(message::offer, "en", {"{" + placeholder + "}"}));
  }
}

}  // namespace message_catalog_test
