#include <catch2/catch.hpp>

#include "english_ldnoobw.hpp"

using namespace parley::toxicity;

TEST_CASE("English plurals of list words", "[ldnoobw]") {
  CHECK(english_plural("cunt") == "cunts");
  CHECK(english_plural("bitch") == "bitches");
  CHECK(english_plural("ass") == "asses");
  CHECK(english_plural("titty") == "titties");
  CHECK(english_plural("cowboy") == "cowboys");
  CHECK(english_plural("tea bagging") == "tea baggings");
}

TEST_CASE("LDNOOBW's English entries are matched as written and in the plural, not by stem", "[ldnoobw]") {
  const auto entries = english_ldnoobw_entries(parse_list("shrimping\nbitch\n", "ldnoobw.txt"));
  REQUIRE(entries.size() == 4);
  CHECK(entries[0].term == "shrimping");
  CHECK(entries[0].match == TermMatch::exact);
  CHECK(entries[1].term == "shrimpings");
  CHECK(entries[3].term == "bitches");
  CHECK(entries[3].match == TermMatch::exact);
}

TEST_CASE("A curated refinement of an LDNOOBW word refines its plural too", "[ldnoobw]") {
  const auto ldnoobw = parse_list("twinkie\nbutt\n", "ldnoobw.txt");
  const auto curated = with_refined_plurals(parse_list("=twinkie | 0.05\nfuck* | 0.7\n=wtf | 0.6\n", "p.txt"), ldnoobw);
  REQUIRE(curated.size() == 4);
  CHECK(curated[3].term == "twinkies");
  CHECK(curated[3].weight == 0.05);
  CHECK(curated[3].match == TermMatch::exact);
}

TEST_CASE("A plural the curated list weighs itself keeps its own weight", "[ldnoobw]") {
  const auto ldnoobw = parse_list("suck\nsucks\n", "ldnoobw.txt");
  const auto curated = with_refined_plurals(parse_list("=sucks | 0.6\n=suck | 0.5\n", "p.txt"), ldnoobw);
  for (const auto& entry : curated) {
    if (entry.term == "sucks") CHECK(entry.weight == 0.6);  // no later "sucks" at 0.5
  }
}
