// TextPreprocessor: the text a model sees, in training and at run time.
#include <catch2/catch.hpp>

#include <string>

#include "text_preprocessor.hpp"

using parley::fasttext::decode_html_entities;
using parley::fasttext::TextPreprocessor;

TEST_CASE("Text is folded to lower-case words joined by single spaces", "[prep]") {
  const TextPreprocessor prep;
  CHECK(prep.prepare("  Where IS my   ORDER?!\n\tStill waiting...") == "where is my order still waiting");
  CHECK(prep.prepare("Café Ürün") == "cafe urun");
}

TEST_CASE("Links and @mentions become placeholder tokens", "[prep]") {
  const TextPreprocessor prep;
  CHECK(prep.prepare("RT @Nordic_Coffee: see https://t.co/AbC123 and www.example.com/x now") ==
        "rt <user> see <url> and <url> now");
  CHECK(prep.prepare("HTTP://EXAMPLE.COM") == "<url>");
  SECTION("an e-mail address is not a mention") { CHECK(prep.prepare("me@example.com") == "me example com"); }
  SECTION("a lone @ is not a mention") { CHECK(prep.prepare("meet @ noon") == "meet noon"); }
}

TEST_CASE("HTML entities are decoded before folding", "[prep]") {
  CHECK(decode_html_entities("fish &amp; chips &lt;3 &quot;ok&quot;") == "fish & chips <3 \"ok\"");
  CHECK(decode_html_entities("&#8220;hi&#8221; &#x1F602;") == "\u201chi\u201d \U0001F602");
  SECTION("unknown or malformed entities stay as written") {
    CHECK(decode_html_entities("&bogus; & &#; &#xZZ; &#55296; &amp") == "&bogus; & &#; &#xZZ; &#55296; &amp");
  }
  const TextPreprocessor prep;
  CHECK(prep.prepare("so funny &#128514;&#128514;") == "so funny \U0001F602 \U0001F602");
}

TEST_CASE("A character repeated more than twice is cut to two", "[prep]") {
  const TextPreprocessor prep;
  CHECK(prep.prepare("Looooool soooo goood") == "lool soo good");
  CHECK(prep.prepare("ναιιιι дааааа") == "ναιι даа");
  CHECK(prep.prepare("\U0001F602\U0001F602\U0001F602") == "\U0001F602 \U0001F602 \U0001F602");  // each a token
}

TEST_CASE("Greek, Russian, Polish, Finnish and Arabic text is folded like the keywords plugin does", "[prep]") {
  const TextPreprocessor prep;
  CHECK(prep.prepare("ΗΛΊΘΙΕ, πού είναι η παραγγελία μου;") == "ηλιθιε που ειναι η παραγγελια μου");
  CHECK(prep.prepare("Где мой заказ? Ещё жду!") == "где мои заказ еще жду");
  CHECK(prep.prepare("Gdzie jest moje zamówienie?") == "gdzie jest moje zamowienie");
  CHECK(prep.prepare("Missä tilaukseni on? Ääliö!") == "missa tilaukseni on aalio");
  CHECK(prep.prepare("أين طلبي؟") == "اين طلبي");
}

TEST_CASE("No text can smuggle a fastText label into a line", "[prep]") {
  const TextPreprocessor prep;
  CHECK(prep.prepare("__label__offensive hello") == "label offensive hello");
}

TEST_CASE("Hostile input gives a defined result", "[prep]") {
  const TextPreprocessor prep;
  CHECK(prep.prepare("").empty());
  CHECK(prep.prepare("  \n\t ").empty());
  CHECK(prep.prepare("...,;!?").empty());
  CHECK(prep.prepare(std::string("bad \xff\xfe utf8 \xc3")) == "bad utf8");
  CHECK(prep.prepare("i\u200bd\u200bi\u200bo\u200bt") == "idiot");                             // zero-width spaces
  CHECK(prep.prepare("\u202eabc\u202c \u0645\u0631\u062d\u0628\u0627 ok") == "abc مرحبا ok");  // bidi controls
  CHECK(prep.prepare("\U0001F621\U0001F621") == "\U0001F621 \U0001F621");
  const std::string huge(1 << 20, 'a');
  CHECK(prep.prepare(huge) == "aa");
  std::string words;
  for (int i = 0; i < 100000; ++i) words += "late ";
  CHECK(prep.prepare(words).size() == 100000 * 5 - 1);
}
