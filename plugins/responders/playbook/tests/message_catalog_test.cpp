#include <catch2/catch.hpp>

#include <algorithm>
#include <stdexcept>

#include "message_catalog.hpp"

using namespace parley::playbook;

namespace {
const std::vector<std::string> kLanguages{"en", "el", "ru", "pl", "fi", "ar"};
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
  for (const auto name :
       {message::acknowledge, message::answer_question, message::resolved_note, message::warning, message::thanks}) {
    for (const auto& lang : kLanguages) {
      for (const auto& text : *catalog.variants(name, lang)) {
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
