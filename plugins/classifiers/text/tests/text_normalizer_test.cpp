#include <catch2/catch.hpp>

#include <fstream>
#include <random>
#include <string>
#include <vector>

#include "text_normalizer.hpp"

using parley::text::NormalizedText;
using parley::text::TextNormalizer;
using Tokens = std::vector<std::string>;

// A named namespace, so that helpers of different test files can share one
// unity-build translation unit.
namespace text_normalizer_test {
const TextNormalizer& normalizer() {
  static const TextNormalizer instance;
  return instance;
}
Tokens tokens(std::string_view text) { return normalizer().tokens(text); }
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

// normalize() against the whole-text ICU path it must equal.
void check_same_as_icu(const std::string& input) {
  NormalizedText fast;
  NormalizedText reference;
  normalizer().normalize(input, fast);
  normalizer().normalize_reference(input, reference);
  INFO("input: " << input);
  CHECK(fast.text == reference.text);
  REQUIRE(fast.tokens.size() == reference.tokens.size());
  for (std::size_t i = 0; i < fast.tokens.size(); ++i) CHECK(fast.token(i) == reference.token(i));
}

void append_utf8(std::string& out, char32_t c) {
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (c >> 18));
    out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
}
TEST_CASE("The ASCII fast path gives what the ICU path gives", "[normalizer]") {
  const std::string ascii = "Hello, WORLD_42 it's-me (again)\t\n";
  check_same_as_icu(ascii);
  CHECK(tokens(ascii) == Tokens{"hello", "world", "42", "it", "s", "me", "again"});
}

TEST_CASE("Folding code point by code point gives what ICU gives on the whole text", "[normalizer]") {
  SECTION("the demo's sample comments in six languages") {
    std::ifstream samples(SAMPLE_EVENTS_FILE);
    REQUIRE(samples);
    std::string line;
    int lines = 0;
    while (std::getline(samples, line)) {
      check_same_as_icu(line);
      ++lines;
    }
    CHECK(lines >= 40);
  }
  SECTION("marks that canonical ordering moves, spacing marks, Hangul, presentation forms") {
    for (const char* text : {"a\u0301\u0323b", "q\u0323\u0307", "\u0915\u093F\u094D", "\U0001D15E\U0001D165\u0301",
                             "\U0001D160\u0323", "a\U0001D16D\U0001D165", "한국어", "ﷺ ﷻ", "ǅungla", "½ ⅓ ㎏", "ﬃ",
                             "İstanbul ΐ ΰ", "x\u0345\u0301y", "\u0CCB\u0CD5", "\uFFFD\uFFFE"}) {
      check_same_as_icu(text);
    }
  }
  SECTION("folds longer than their code point, then plain ASCII (found by fuzz_text_normalizer)") {
    check_same_as_icu("\uD55C\uD55C\uD55C" + std::string(40, 'a'));
    check_same_as_icu("\uFDFA x" + std::string(200, 'b') + " \uFDFA" + std::string(100, 'c'));
  }
  SECTION("random strings from many scripts, marks and invalid bytes") {
    struct Range {
      char32_t first;
      char32_t last;
    };
    const std::vector<Range> ranges{{0x20, 0x7E},       {0xA0, 0x24F},     {0x300, 0x36F},     {0x370, 0x3FF},
                                    {0x400, 0x52F},     {0x591, 0x5C7},    {0x600, 0x6FF},     {0x900, 0x97F},
                                    {0xAC00, 0xAC40},   {0x1100, 0x1112},  {0x1E00, 0x1FFF},   {0x200B, 0x206F},
                                    {0x2100, 0x218F},   {0x3300, 0x33FF},  {0xFB00, 0xFDFF},   {0xFE00, 0xFE0F},
                                    {0xFE70, 0xFEFF},   {0xFF01, 0xFF9F},  {0x1D15E, 0x1D172}, {0x1F300, 0x1F6FF},
                                    {0x1F3FB, 0x1F3FF}, {0xE0020, 0xE007F}};
    std::mt19937 random(20261201);
    for (int round = 0; round < 3000; ++round) {
      std::string text;
      const int length = std::uniform_int_distribution<int>(1, 30)(random);
      for (int i = 0; i < length; ++i) {
        if (std::uniform_int_distribution<int>(0, 40)(random) == 0) {
          text += static_cast<char>(std::uniform_int_distribution<int>(0x80, 0xFF)(random));  // stray byte
          continue;
        }
        const auto& range = ranges[std::uniform_int_distribution<std::size_t>(0, ranges.size() - 1)(random)];
        append_utf8(text, std::uniform_int_distribution<char32_t>(range.first, range.last)(random));
      }
      check_same_as_icu(text);
    }
  }
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

}  // namespace text_normalizer_test
