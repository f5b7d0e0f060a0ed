#include <catch2/catch.hpp>

#include <string>

#include <unicode/uchar.h>

#include "prepared_text.hpp"

using parley::language::prepare_text;
using parley::language::PreparedText;
using parley::language::Script;

// A named namespace, so that helpers of different test files can share one
// unity-build translation unit.
namespace prepared_text_test {
PreparedText prepared(const std::string& raw) {
  PreparedText text;
  prepare_text(raw, text);
  return text;
}
TEST_CASE("Words are lower-cased letters; links, mentions, hashtags and e-mail addresses are dropped", "[text]") {
  const auto text =
      prepared("@NordicCoffee WHERE is my order?? https://t.co/x1 #fail mail me: a.b@example.com www.x.fi");
  CHECK(text.words == "where is my order mail me");
  CHECK(text.word_count == 6);
  CHECK(text.total_letters == text.letters_in(Script::latin));
}

TEST_CASE("Letters are counted per script", "[text]") {
  const auto text = prepared("Το iPhone δεν δουλεύει, привет, مرحبا");
  CHECK(text.letters_in(Script::greek) == 13);  // Το δεν δουλεύει
  CHECK(text.letters_in(Script::latin) == 6);
  CHECK(text.letters_in(Script::cyrillic) == 6);
  CHECK(text.letters_in(Script::arabic) == 5);
  CHECK(text.words == "το iphone δεν δουλεύει привет مرحبا");
}

TEST_CASE("Polish and Finnish letters are counted", "[text]") {
  CHECK(prepared("Zamówienie nie dotarło").polish_letters == 2);
  CHECK(prepared("Tilaus ei ole vielä tullut, hyvää päivää").finnish_letters == 6);
  CHECK(prepared("order").polish_letters == 0);
}

TEST_CASE("An apostrophe between letters stays in the word, others separate", "[text]") {
  CHECK(prepared("Don't 'quote' me").words == "don't quote me");
}

TEST_CASE("Zero-width and bidi characters do not split a word, invalid UTF-8 does", "[text]") {
  CHECK(prepared("i\u200Bd\u200Di\u2060o\u00ADt").words == "idiot");
  CHECK(prepared("\u202Bمرحبا\u202C hello").words == "مرحبا hello");
  CHECK(prepared(std::string("ab\xFF\xFE"
                             "cd \xC3\x28 \xE2\x82"))
            .words == "ab cd");
}

TEST_CASE("Emoji, digits and punctuation have no letters", "[text]") {
  const auto text = prepared("😡😡 123 !!! 👍🏽");
  CHECK(text.total_letters == 0);
  CHECK(text.words.empty());
  CHECK(prepared("").words.empty());
}

TEST_CASE("Only the first kMaxInputBytes of a huge text are read", "[text]") {
  std::string huge;
  while (huge.size() < 1'000'000) huge += "zażółć gęślą jaźń ";
  const auto text = prepared(huge);
  CHECK(text.total_letters > 100);
  CHECK(text.words.size() <= parley::language::kMaxInputBytes);
}

TEST_CASE("ASCII letters and their lower case are ICU's, without asking ICU", "[text]") {
  for (char32_t c = 1; c < 0x80; ++c) {
    const auto text = prepared(std::string(1, static_cast<char>(c)));
    INFO("code " << static_cast<int>(c));
    if (u_isalpha(static_cast<UChar32>(c))) {
      CHECK(text.total_letters == 1);
      CHECK(text.words == std::string(1, static_cast<char>(u_tolower(static_cast<UChar32>(c)))));
    } else {
      CHECK(text.total_letters == 0);
      CHECK(text.words.empty());
    }
  }
}

}  // namespace prepared_text_test
