#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "obfuscation.hpp"

using namespace parley::toxicity;

// A named namespace, so that helpers of different test files can share one
// unity-build translation unit.
namespace obfuscation_test {
std::vector<std::string> variant_texts(std::string_view token) {
  std::vector<TokenVariant> variants;
  add_token_variants(token, 0, variants);
  std::vector<std::string> texts;
  for (const auto& variant : variants) texts.push_back(variant.text);
  return texts;
}
TEST_CASE("Raw text: mentions are removed and counted, @ $ * inside words recovered", "[obfuscation]") {
  std::string buffer;
  RawTextFacts facts;
  CHECK(prepare_raw_text("@user_1 you b@st@rd", buffer, facts) == "  you bastard");
  CHECK(facts.mentions == 1);
  facts = {};
  CHECK(prepare_raw_text("a$$ and $hit cost $5", buffer, facts) == "ass and shit cost $5");
  CHECK(prepare_raw_text("f**k", buffer, facts) == "f" + std::string(kMaskLetter) + std::string(kMaskLetter) + "k");
  CHECK(prepare_raw_text("5 * 3 = 15", buffer, facts) == "5 * 3 = 15");
  const std::string plain = "nothing to rewrite here";
  CHECK(prepare_raw_text(plain, buffer, facts).data() == plain.data());
}

TEST_CASE("Raw text: the brand's own handles are counted apart from other mentions", "[obfuscation]") {
  const std::vector<std::string> brand = {"nordiccoffee"};
  std::string buffer;
  RawTextFacts facts;
  CHECK(prepare_raw_text("@NordicCoffee @nordiccoffee_help @jussi_k idiots", buffer, facts, brand) == "      idiots");
  CHECK(facts.brand_mentions == 2);  // its care account too: the brand key starts the handle
  CHECK(facts.mentions == 1);
  facts = {};
  prepare_raw_text("@NordicCoffee idiots", buffer, facts);  // no brand names configured
  CHECK(facts.mentions == 1);
  CHECK(facts.brand_mentions == 0);
}

TEST_CASE("Raw text: topic hashtags joining words are left out, one-word tags stay", "[obfuscation]") {
  std::string buffer;
  RawTextFacts facts;
  CHECK(prepare_raw_text("Καλημέρα #ΝΔ_ξεφτίλες!", buffer, facts) == "Καλημέρα  !");
  CHECK(facts.topic_tags == 1);
  facts = {};
  CHECK(prepare_raw_text("what an #idiot", buffer, facts) == "what an #idiot");
  CHECK(facts.topic_tags == 0);
  CHECK(prepare_raw_text("snake_case and #_lead", buffer, facts) == "snake_case and #_lead");
}

TEST_CASE("Token variants: leetspeak and stretched letters", "[obfuscation]") {
  CHECK_THAT(variant_texts("sh1t"), Catch::VectorContains(std::string("shit")));
  CHECK_THAT(variant_texts("4ss"), Catch::VectorContains(std::string("ass")));
  CHECK_THAT(variant_texts("1d10t"), Catch::VectorContains(std::string("idiot")));
  CHECK_THAT(variant_texts("fuuuuck"), Catch::VectorContains(std::string("fuck")));
  CHECK_THAT(variant_texts("μαλακαααα"), Catch::VectorContains(std::string("μαλακα")));
  CHECK(variant_texts("hello").empty());
  CHECK(variant_texts("2024").empty());
}

TEST_CASE("Masked tokens resolve to the strongest fitting lexicon word", "[obfuscation]") {
  const std::string mask(kMaskLetter);
  const std::vector<MaskCandidate> candidates = {
      {"fuck", true, Category::profanity, 0.7f, kAllLanguages},
      {"shit", false, Category::profanity, 0.65f, kAllLanguages},
      {"idiot", false, Category::insult, 0.6f, bit(Language::en)},
      {"ass", false, Category::profanity, 0.6f, kAllLanguages},
  };
  CHECK(resolve_masked_token("f" + mask + "ck", candidates, kAllLanguages) == "fuck");
  CHECK(resolve_masked_token("f" + mask + mask + "k", candidates, kAllLanguages) == "fuck");
  CHECK(resolve_masked_token("f" + mask + mask + mask + "ing", candidates, kAllLanguages) == "fuck");
  CHECK(resolve_masked_token("sh" + mask + "t", candidates, kAllLanguages) == "shit");
  CHECK(resolve_masked_token("id" + mask + "ot", candidates, bit(Language::ru)).empty());  // not for Russian text
  CHECK(resolve_masked_token(mask + mask, candidates, kAllLanguages).empty());
  CHECK(resolve_masked_token("c" + mask + "t", candidates, kAllLanguages).empty());
  // Emphasis asterisks ("*silence*", "*goes") hide no letters of a word.
  CHECK(resolve_masked_token(mask + "silence" + mask, candidates, kAllLanguages).empty());
  CHECK(resolve_masked_token(mask + "goes", candidates, kAllLanguages).empty());
  CHECK(resolve_masked_token(mask + "ss", candidates, kAllLanguages) == "ass");
}

TEST_CASE("Spaced and dotted letters are joined into one word", "[obfuscation]") {
  std::vector<TokenVariant> variants;
  add_spaced_letter_variants({"you", "f", "u", "c", "k", "off"}, variants);
  REQUIRE(variants.size() == 1);
  CHECK(variants[0].text == "fuck");
  CHECK(variants[0].first == 1);
  CHECK(variants[0].count == 4);
  variants.clear();
  add_spaced_letter_variants({"a", "b", "cd"}, variants);
  CHECK(variants.empty());
}

}  // namespace obfuscation_test
