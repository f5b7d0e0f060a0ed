// The light stemmers: forms of one word meet, different words stay apart.
// Input is folded text (as TextNormalizer produces it).
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "language.hpp"
#include "lexicon.hpp"
#include "stemmer.hpp"
#include "text_normalizer.hpp"

using parley::sentiment::Cue;
using parley::sentiment::english_base_forms;
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

// A named namespace, so that helpers of different test files can share one
// unity-build translation unit.
namespace stemmer_test {
std::vector<std::string> base_forms(std::string_view token) {
  const auto bases = english_base_forms(token);
  return {bases.forms.begin(), bases.forms.begin() + static_cast<std::ptrdiff_t>(bases.count)};
}
TEST_CASE("English regular inflections lead back to their base", "[stemmer]") {
  using Forms = std::vector<std::string>;
  CHECK(base_forms("crashes") == Forms{"crash"});
  CHECK(base_forms("crashed") == Forms{"crashe", "crash"});
  CHECK(base_forms("crashing") == Forms{"crash", "crashe"});
  CHECK(base_forms("hated") == Forms{"hate", "hat"});
  CHECK(base_forms("hoping") == Forms{"hope", "hop"});  // consonant-vowel-consonant: the "e" form first
  CHECK(base_forms("worries") == Forms{"worry"});
  CHECK(base_forms("worried") == Forms{"worry", "worrie", "worri"});
}

TEST_CASE("English: no bare plural, no -ly, no doubled consonant, no short base", "[stemmer]") {
  CHECK(base_forms("odds").empty());  // a bare -s: "odds" is not "odd"
  CHECK(base_forms("hardly").empty());
  CHECK(base_forms("stopped") == std::vector<std::string>{"stoppe", "stopp"});  // never "stop"
  CHECK(base_forms("red").empty());
  CHECK(base_forms("thing").empty());  // "th" is too short
  CHECK(base_forms("crashed2").empty());
  CHECK(base_forms("").empty());
}

TEST_CASE("English looks up the negative word a missing inflection comes from", "[stemmer]") {
  const parley::text::TextNormalizer normalizer;
  Lexicon lexicon(Language::en);
  lexicon.add_valence(normalizer, "crash", -1.7F, false);
  lexicon.add_valence(normalizer, "crashed", -2.0F, false);
  lexicon.add_valence(normalizer, "help", 1.7F, false);
  lexicon.add_cues(normalizer, "test", "negator\tnot\ncomplaint\tdelay\t-1.2\nanger\tenrage\t0.9\n");
  lexicon.finish();
  Cue cue;
  CHECK(lexicon.lookup("crashes", cue));
  CHECK(cue.valence == -1.7F);
  cue = Cue{};
  CHECK(lexicon.lookup("crashed", cue));  // listed: its own valence wins
  CHECK(cue.valence == -2.0F);
  cue = Cue{};
  CHECK(lexicon.lookup("delaying", cue));  // a complaint cue stays one
  CHECK(cue.valence == -1.2F);
  CHECK(cue.complaint);
  cue = Cue{};
  CHECK(lexicon.lookup("enraging", cue));
  CHECK(cue.anger == 0.9F);
  // Praise words are not extended: "helped" is mostly "nobody helped".
  cue = Cue{};
  CHECK_FALSE(lexicon.lookup("helped", cue));
  CHECK(cue.valence == 0.0F);
  // A function word's flags do not travel.
  cue = Cue{};
  CHECK_FALSE(lexicon.lookup("noting", cue));
  CHECK_FALSE(cue.negator);
}

}  // namespace stemmer_test
