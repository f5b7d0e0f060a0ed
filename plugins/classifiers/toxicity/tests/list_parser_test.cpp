#include <catch2/catch.hpp>

#include <stdexcept>

#include "list_parser.hpp"

using namespace parley::toxicity;

TEST_CASE("List lines: words, prefixes, exact words, phrases and weights", "[lists]") {
  const auto entries =
      parse_list("# a comment\n\nidiot\nfuck*\n=ass | 0.6\ni will kill you | 0.95\r\n  moron  \n", "t");
  REQUIRE(entries.size() == 5);
  CHECK(entries[0].term == "idiot");
  CHECK(entries[0].match == TermMatch::inflected);
  CHECK_FALSE(entries[0].weight.has_value());
  CHECK(entries[1].term == "fuck");
  CHECK(entries[1].match == TermMatch::prefix);
  CHECK(entries[2].term == "ass");
  CHECK(entries[2].match == TermMatch::exact);
  CHECK(*entries[2].weight == Approx(0.6));
  CHECK(entries[3].term == "i will kill you");
  CHECK(*entries[3].weight == Approx(0.95));
  CHECK(entries[4].term == "moron");
}

TEST_CASE("A malformed weight is refused with the line", "[lists]") {
  CHECK_THROWS_WITH(parse_list("ok\nidiot | lots\n", "lists/en/insult.txt"),
                    Catch::Contains("lists/en/insult.txt:2") && Catch::Contains("lots"));
  CHECK_THROWS_AS(parse_list_line("idiot | 1.5", "x"), std::invalid_argument);
  CHECK_FALSE(parse_list_line("   ", "x").has_value());
  CHECK_FALSE(parse_list_line("# idiot", "x").has_value());
}
