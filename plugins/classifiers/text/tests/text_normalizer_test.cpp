#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "text_normalizer.hpp"

using parley::text::NormalizedText;
using parley::text::TextNormalizer;
using Tokens = std::vector<std::string>;

namespace {
const TextNormalizer& normalizer() {
  static const TextNormalizer instance;
  return instance;
}
Tokens tokens(std::string_view text) { return normalizer().tokens(text); }
}  // namespace

TEST_CASE("Greek: case, tonos, dialytika and final sigma fold together", "[normalizer][el]") {
  const Tokens expected{"ηλιθιοσ"};
  CHECK(tokens("ηλίθιος") == expected);
  CHECK(tokens("ΗΛΙΘΙΟΣ") == expected);
  CHECK(tokens("ηλιθιος") == expected);
  CHECK(tokens("Ηλίθιος!") == expected);
  CHECK(tokens("ΪΌ ϊό") == Tokens{"ιο", "ιο"});
}

TEST_CASE("Cyrillic: case folds, ё = е", "[normalizer][ru]") {
  CHECK(tokens("ИДИОТ") == Tokens{"идиот"});
  CHECK(tokens("Ещё раз") == tokens("еще раз"));
}

TEST_CASE("Polish: accents drop but ł is a letter of its own", "[normalizer][pl]") {
  CHECK(tokens("Złodzieje!") == Tokens{"złodzieje"});
  CHECK(tokens("ŁÓDŹ") == Tokens{"łodz"});
  CHECK(tokens("zażółć gęślą") == Tokens{"zazołc", "gesla"});
}

TEST_CASE("Finnish: ä and ö fold to a and o on both sides", "[normalizer][fi]") {
  CHECK(tokens("ÄÄLIÖ") == Tokens{"aalio"});
  CHECK(tokens("ääliö") == tokens("aalio"));
}

TEST_CASE("Arabic: harakat, tatweel and letter variants fold", "[normalizer][ar]") {
  CHECK(tokens("غَبِيّ") == Tokens{"غبي"});
  CHECK(tokens("غـــبي") == Tokens{"غبي"});
  CHECK(tokens("أحمق") == tokens("احمق"));
  CHECK(tokens("إلغاء") == tokens("الغاء"));
  CHECK(tokens("مدرسة") == tokens("مدرسه"));
  CHECK(tokens("على") == tokens("علي"));
  CHECK(tokens("ﻏﺒﻲ") == Tokens{"غبي"});  // presentation forms (NFKC)
}

TEST_CASE("Compatibility forms and case folding", "[normalizer]") {
  CHECK(tokens("ＩＤＩＯＴ") == Tokens{"idiot"});
  CHECK(tokens("Straße") == Tokens{"strasse"});
  CHECK(tokens("ﬁne") == Tokens{"fine"});
  CHECK(tokens("Café") == Tokens{"cafe"});
}

TEST_CASE("Zero-width and other invisible characters are ignored inside words", "[normalizer]") {
  CHECK(tokens("id\u200Biot") == Tokens{"idiot"});              // zero-width space
  CHECK(tokens("i\u200Cd\u200Di\u2060ot") == Tokens{"idiot"});  // ZWNJ, ZWJ, word joiner
  CHECK(tokens("idi\u00ADot") == Tokens{"idiot"});              // soft hyphen
  CHECK(tokens("\uFEFFidiot") == Tokens{"idiot"});              // BOM
  CHECK(tokens("غ\u200Cبي") == Tokens{"غبي"});
}

TEST_CASE("Tokens split on punctuation, spaces and symbols", "[normalizer]") {
  CHECK(tokens("Where's my ORDER?!  #123") == Tokens{"where", "s", "my", "order", "123"});
  CHECK(tokens("e-mail, refund/return") == Tokens{"e", "mail", "refund", "return"});
  CHECK(tokens(std::string("a\0b", 3)) == Tokens{"a", "b"});
  CHECK(tokens("").empty());
  CHECK(tokens("   ... !!! ").empty());
}

TEST_CASE("Emoji and other symbols are tokens of their own", "[normalizer]") {
  CHECK(tokens("👍👍") == Tokens{"👍", "👍"});
  CHECK(tokens("great👍") == Tokens{"great", "👍"});
  CHECK(tokens("👍🏽") == Tokens{"👍"});  // skin tone modifier dropped
  CHECK(tokens("❤️") == Tokens{"❤"});    // variation selector ignored
}

TEST_CASE("Invalid UTF-8 becomes a separator, never a crash", "[normalizer]") {
  CHECK(tokens("ab\xFF\xFE"
               "cd") == Tokens{"ab", "cd"});
  CHECK(tokens("idiot\xE2\x82") == Tokens{"idiot"});  // truncated sequence
  CHECK(tokens("\xC0\xAF\xED\xA0\x80").empty());      // overlong, surrogate
  CHECK(tokens("\xD0\xB8\xD0") == Tokens{"и"});
}

TEST_CASE("The ASCII fast path gives what the Unicode path gives", "[normalizer]") {
  const std::string ascii = "Hello, WORLD_42 it's-me (again)\t\n";
  const Tokens fast = tokens(ascii);
  Tokens slow = tokens(ascii + "é");  // forces the Unicode path
  REQUIRE(slow.back() == "e");
  slow.pop_back();
  CHECK(fast == slow);
  CHECK(fast == Tokens{"hello", "world", "42", "it", "s", "me", "again"});
}

TEST_CASE("Tokens are joined by single spaces so phrases are substrings", "[normalizer]") {
  NormalizedText text;
  normalizer().normalize("Still   WAITING... for my order!", text);
  CHECK(text.text == "still waiting for my order");
  REQUIRE(text.tokens.size() == 5);
  CHECK(text.tokens_view(0, 2) == "still waiting");
  CHECK(text.token(4) == "order");
}

TEST_CASE("Input beyond the size limit is ignored, cut at a code point", "[normalizer]") {
  std::string big(TextNormalizer::kMaxInputBytes - 1, 'a');
  big += "ж";  // 2 bytes: straddles the limit, so it is cut off entirely
  big += " tail";
  NormalizedText text;
  normalizer().normalize(big, text);
  REQUIRE(text.tokens.size() == 1);
  CHECK(text.token(0).size() == TextNormalizer::kMaxInputBytes - 1);
}
