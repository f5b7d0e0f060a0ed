// The light stemmers: forms of one word meet, different words stay apart.
// Input is folded text (as TextNormalizer produces it).
#include <catch2/catch.hpp>

#include "language.hpp"
#include "lexicon.hpp"
#include "stemmer.hpp"
#include "text_normalizer.hpp"

using parley::sentiment::Cue;
using parley::sentiment::Language;
using parley::sentiment::Lexicon;
using parley::sentiment::stem;

TEST_CASE("Russian adjective and adverb forms share a stem", "[stemmer]") {
  CHECK(stem(Language::ru, "ужасно") == "ужасн");
  CHECK(stem(Language::ru, "ужасныи") == "ужасн");  // ужасный, folded
  CHECK(stem(Language::ru, "ужасная") == "ужасн");
  CHECK(stem(Language::ru, "ужасного") == "ужасн");
  CHECK(stem(Language::ru, "нравится") == stem(Language::ru, "нравиться"));
}

TEST_CASE("Polish, Finnish, Greek and Arabic forms share a stem", "[stemmer]") {
  CHECK(stem(Language::pl, "dobry") == stem(Language::pl, "dobrego"));
  CHECK(stem(Language::pl, "swietny") == stem(Language::pl, "swietnie"));
  CHECK(stem(Language::fi, "hyva") == stem(Language::fi, "hyvaa"));  // hyvä, hyvää
  CHECK(stem(Language::fi, "huono") == stem(Language::fi, "huonon"));
  CHECK(stem(Language::el, "απαισιοσ") == stem(Language::el, "απαισια"));  // απαίσιος, απαίσια
  CHECK(stem(Language::el, "καλοσ") == stem(Language::el, "καλη"));
  CHECK(stem(Language::ar, "الخدمه") == stem(Language::ar, "خدمه"));  // the article goes
  CHECK(stem(Language::ar, "والجميل") == "جميل");
}

TEST_CASE("Stems keep a minimum length and English is left alone", "[stemmer]") {
  CHECK(stem(Language::ru, "не") == "не");
  CHECK(stem(Language::ar, "لا") == "لا");
  CHECK(stem(Language::en, "loved") == "loved");
  CHECK(stem(Language::pl, "") == "");
}

TEST_CASE("A 3-letter stem matches only a token inflected at one end", "[stemmer]") {
  const parley::text::TextNormalizer normalizer;
  Lexicon lexicon(Language::ar);
  lexicon.add_valence(normalizer, "حزن", -2.0F, false);  // sadness
  lexicon.add_valence(normalizer, "شوف", -1.6F, false);  // "look" (as the bulk lexicon has it)
  lexicon.finish();
  Cue cue;
  CHECK(lexicon.lookup("حزنها", cue));  // her sadness: a suffix
  CHECK(cue.valence == -2.0F);
  cue = Cue{};
  CHECK(lexicon.lookup("الحزن", cue));  // the sadness: the article
  CHECK(cue.valence == -2.0F);
  // "the oats": article and "ان" both stripped leave شوف by accident.
  CHECK(stem(Language::ar, "الشوفان") == "شوف");
  cue = Cue{};
  CHECK_FALSE(lexicon.lookup("الشوفان", cue));
  CHECK(cue.valence == 0.0F);
}
