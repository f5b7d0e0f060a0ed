#include <catch2/catch.hpp>

#include "romanized_words.hpp"

using parley::language::RomanizedWords;

TEST_CASE("Greeklish, Russian translit and Arabizi are recognised by frequent words", "[romanized]") {
  const RomanizedWords words({"en", "el", "ru", "pl", "fi", "ar"});
  CHECK(words.clear_winner("den exw parei akoma tin paraggelia mou").language == "el");
  CHECK(words.clear_winner("efxaristo").language == "el");
  CHECK(words.clear_winner("privet gde moi zakaz uzhe nedelyu zhdu").language == "ru");
  CHECK(words.clear_winner("spasibo").language == "ru");
  CHECK(words.clear_winner("yalla habibi").language == "ar");
  CHECK(words.clear_winner("shukran").language == "ar");
}

TEST_CASE("English, Polish and Finnish text is not taken for romanized text", "[romanized]") {
  const RomanizedWords words({"en", "el", "ru", "pl", "fi", "ar"});
  CHECK(words.clear_winner("where is my order i have been waiting for a week").language.empty());
  CHECK(words.clear_winner("gdzie jest moje zamowienie czekam juz tydzien").language.empty());
  CHECK(words.clear_winner("missa on tilaukseni olen odottanut viikon").language.empty());
  // One listed word among many is not clear evidence.
  CHECK(words.clear_winner("the pizza at the mall was ok but the kafes were cold and late").language.empty());
  CHECK(words.clear_winner("").language.empty());
}

TEST_CASE("Only the brand's languages are looked for, and confidence grows with the share", "[romanized]") {
  const RomanizedWords only_english({"en", "pl"});
  CHECK(only_english.empty());
  CHECK(only_english.clear_winner("efxaristo poli").language.empty());
  const RomanizedWords greek({"el"});
  const auto all = greek.clear_winner("efxaristo poli");
  const auto half = greek.clear_winner("efxaristo poli for the great coffee");
  REQUIRE(all.language == "el");
  REQUIRE(half.language == "el");
  CHECK(all.confidence > half.confidence);
  CHECK(all.confidence <= 0.95);
}
