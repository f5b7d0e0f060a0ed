// The sentiment plugin's flat word tables: the frozen lexicon maps and the
// per-thread cache of lexicon answers.
#include <catch2/catch.hpp>

#include <string>
#include <unordered_map>

#include "frozen_string_map.hpp"
#include "lexicon.hpp"
#include "text_normalizer.hpp"
#include "token_cache.hpp"

using parley::sentiment::FrozenStringMap;
using parley::sentiment::Language;
using parley::sentiment::Lexicon;
using parley::sentiment::TokenCache;

TEST_CASE("A frozen map finds every key it was built from and nothing else", "[tables]") {
  std::unordered_map<std::string, int> source;
  for (int i = 0; i < 5000; ++i) source["word" + std::to_string(i)] = i;
  source["ужасно"] = -1;
  source["κακό"] = -2;
  source[""] = 7;
  const FrozenStringMap<int> frozen(std::move(source));
  CHECK(source.empty());
  REQUIRE(frozen.size() == 5003);
  for (int i = 0; i < 5000; ++i) {
    const int* found = frozen.find("word" + std::to_string(i));
    REQUIRE(found != nullptr);
    CHECK(*found == i);
  }
  CHECK(*frozen.find("ужасно") == -1);
  CHECK(*frozen.find("κακό") == -2);
  CHECK(*frozen.find("") == 7);
  CHECK(frozen.find("word5000") == nullptr);
  CHECK(frozen.find("word") == nullptr);
  CHECK(frozen.find("ужасн") == nullptr);
  CHECK(frozen.find("xyz") == nullptr);  // no key starts with x
  CHECK(FrozenStringMap<int>().find("word1") == nullptr);
}

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
