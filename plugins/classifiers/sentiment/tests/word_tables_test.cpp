// The sentiment plugin's word tables: a lexicon's lookups after finish()
// and the per-thread cache of lexicon answers.
#include <catch2/catch.hpp>

#include <string>

#include "lexicon.hpp"
#include "text_normalizer.hpp"
#include "token_cache.hpp"

using parley::sentiment::Language;
using parley::sentiment::Lexicon;
using parley::sentiment::TokenCache;

TEST_CASE("The token cache keeps a word's entry until it is full, then starts again", "[tables]") {
  const auto model = TokenCache::next_model_id();
  TokenCache* cache = &TokenCache::for_model(model);
  TokenCache::Entry* first = cache->entry("terrible");
  REQUIRE(first != nullptr);
  CHECK(first->token == "terrible");
  first->shape = 5;
  CHECK(cache->entry("terrible") == first);              // found again, not added twice
  CHECK(cache->entry(std::string(65, 'a')) == nullptr);  // too long to keep

  // Fill it with distinct words: it answers until full, then nullptr ...
  int kept = 0;
  for (int i = 0; i < 20000; ++i) {
    const std::string word = "w" + std::to_string(i);
    TokenCache::Entry* entry = cache->entry(word);
    if (entry == nullptr) break;
    CHECK(entry->token == word);
    ++kept;
  }
  CHECK(kept > 1000);
  CHECK(kept < 20000);
  CHECK(cache->entry("terrible")->shape == 5);  // the early entry is intact
  // ... and the next text starts from an empty cache.
  cache = &TokenCache::for_model(model);
  TokenCache::Entry* again = cache->entry("terrible");
  REQUIRE(again != nullptr);
  CHECK(again->shape == 0);
}

TEST_CASE("A lexicon answers from its frozen maps after finish()", "[tables]") {
  const parley::text::TextNormalizer normalizer;
  Lexicon lexicon(Language::en);
  lexicon.add_valence(normalizer, "awful", -2.5F, false);
  lexicon.add_valence(normalizer, "not bad at all", 1.5F, false);
  lexicon.finish();
  parley::sentiment::Cue cue;
  CHECK(lexicon.lookup("awful", cue));
  CHECK(cue.valence == -2.5F);
  CHECK_FALSE(lexicon.lookup("ужасно", cue));
  REQUIRE(lexicon.phrases_starting("not") != nullptr);
  CHECK(lexicon.phrases_starting("not")->front().cue.valence == 1.5F);
  CHECK(lexicon.phrase_count() == 1);
  CHECK(lexicon.word_count() == 1);
}
