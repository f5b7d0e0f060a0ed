// Arabic attached particles and elongation, Greek and English compounds: the extra
// variants a token yields, and what they must leave alone.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "arabic_variants.hpp"
#include "english_compounds.hpp"
#include "greek_compounds.hpp"
#include "test_support.hpp"

using namespace parley::toxicity;

// A named namespace, so that helpers of different test files can share one
// unity-build translation unit.
namespace word_forms_test {
std::vector<std::string> arabic_forms(std::string_view token) {
  std::vector<TokenVariant> variants;
  add_arabic_variants(token, 3, variants);
  std::vector<std::string> texts;
  for (const auto& variant : variants) {
    CHECK(variant.first == 3);
    CHECK(variant.count == 1);
    texts.push_back(variant.text);
  }
  return texts;
}

/// The texts of the variants one word-form function yields for a token.
template <typename AddVariants>
std::vector<std::string> variant_texts(AddVariants add_variants, std::string_view token) {
  std::vector<TokenVariant> variants;
  add_variants(token, 0, variants);
  std::vector<std::string> texts;
  for (const auto& variant : variants) texts.push_back(variant.text);
  return texts;
}

std::vector<std::string> greek_tails(std::string_view token) {
  return variant_texts(add_greek_compound_variants, token);
}
TEST_CASE("Arabic: attached vocative, conjunction, preposition and article come off", "[word_forms][ar]") {
  using Catch::VectorContains;
  const auto vocative = arabic_forms("ياكلب");  // "you dog", written as one word
  CHECK_THAT(vocative, VectorContains(std::string("كلب")));
  CHECK_THAT(vocative, VectorContains(std::string("يا")));  // the second-person cue stays visible
  CHECK_THAT(arabic_forms("والحقير"), VectorContains(std::string("حقير")));
  CHECK_THAT(arabic_forms("فالوسخ"), VectorContains(std::string("وسخ")));
  CHECK_THAT(arabic_forms("للكلاب"), VectorContains(std::string("كلاب")));
  CHECK_THAT(arabic_forms("ويالحمار"), VectorContains(std::string("حمار")));
  // Without a vocative there is no "يا" variant.
  const auto article = arabic_forms("الكلب");
  CHECK_THAT(article, !VectorContains(std::string("يا")));
}

TEST_CASE("Arabic: feminine and plural endings come off, pronoun endings stay", "[word_forms][ar]") {
  using Catch::VectorContains;
  CHECK_THAT(arabic_forms("وسخين"), VectorContains(std::string("وسخ")));
  CHECK_THAT(arabic_forms("ياحقيره"), VectorContains(std::string("حقير")));  // vocative and ending
  CHECK_THAT(arabic_forms("منافقون"), VectorContains(std::string("منافق")));
  CHECK_THAT(arabic_forms("كلبك"), !VectorContains(std::string("كلب")));  // "your dog"
}

TEST_CASE("Arabic: elongation is undone, short words are not cut", "[word_forms][ar]") {
  using Catch::VectorContains;
  CHECK_THAT(arabic_forms("الكاااالب"), VectorContains(std::string("كلب")));  // stretched with a letter the word lacks
  CHECK_THAT(arabic_forms("حقوود"), VectorContains(std::string("حقود")));
  CHECK(arabic_forms("بكس").empty());  // three letters: "ب" + "كس" would be a false swear word
  CHECK(arabic_forms("idiot").empty());
  CHECK(arabic_forms("ηλίθιος").empty());
}

TEST_CASE("Greek: tails of compounds after the linking -o-", "[word_forms][el]") {
  using Catch::VectorContains;
  CHECK_THAT(greek_tails("χοντρομαλακας"), VectorContains(std::string("μαλακας")));
  CHECK_THAT(greek_tails("βρωμοπουτανα"), VectorContains(std::string("πουτανα")));
  CHECK_THAT(greek_tails("πανηλιθιος"), VectorContains(std::string("ηλιθιος")));
  // "απο-" is a verbal prefix: "αναποφάσιστος" (undecided) holds no fascist.
  CHECK_THAT(greek_tails("αναποφασιστος"), !VectorContains(std::string("φασιστος")));
  CHECK(greek_tails("καλημερα").empty());
  CHECK(greek_tails("χοντρομαλακας").size() >= 1);
  CHECK(greek_tails("idiotic").empty());
}

std::vector<std::string> english_parts(std::string_view token) {
  return variant_texts(add_english_compound_variants, token);
}

TEST_CASE("English: the swearword inside a compound", "[word_forms][en]") {
  CHECK(english_parts("dipshit") == std::vector<std::string>{"shit"});
  CHECK(english_parts("dumbfucker") == std::vector<std::string>{"fucker"});
  CHECK(english_parts("sonofabitch") == std::vector<std::string>{"bitch"});
  CHECK(english_parts("bitchass") == std::vector<std::string>{"bitch"});
  // Listed words of their own, too short a rest, other scripts, ordinary words.
  CHECK(english_parts("bitching").empty());
  CHECK(english_parts("bitchy").empty());
  CHECK(english_parts("fuck").empty());
  CHECK(english_parts("ashit").empty());
  CHECK(english_parts("bitcha").empty());
  CHECK(english_parts("classic").empty());
  CHECK(english_parts("ηλίθιος").empty());
}

TEST_CASE("English compounds are offensive however they are glued", "[classifier][en]") {
  CHECK(parley::toxicity::test::scores_of("you bitchass dipfuck").offensive >= 0.5);
  CHECK(parley::toxicity::test::scores_of("what a batshit idea").offensive >= 0.5);
  CHECK(parley::toxicity::test::scores_of("my boss keeps bitching about the weather").offensive < 0.8);
}

}  // namespace word_forms_test
