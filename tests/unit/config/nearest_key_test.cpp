#include <catch2/catch.hpp>

#include "config/nearest_key.hpp"

using parley::host::edit_distance;
using parley::host::nearest;

TEST_CASE("edit_distance counts insertions, deletions, substitutions and swaps", "[config][nearest]") {
  CHECK(edit_distance("policy", "policy") == 0);
  CHECK(edit_distance("polcy", "policy") == 1);    // deletion
  CHECK(edit_distance("pollicy", "policy") == 1);  // insertion
  CHECK(edit_distance("polidy", "policy") == 1);   // substitution
  CHECK(edit_distance("ploicy", "policy") == 1);   // swapped neighbours
  CHECK(edit_distance("", "abc") == 3);
  CHECK(edit_distance("Client", "client") == 0);  // ASCII case ignored
}

TEST_CASE("nearest suggests close candidates only", "[config][nearest]") {
  const std::vector<std::string> keys{"client", "timezone", "store", "connectors", "classifiers", "policy"};
  CHECK(nearest("polcy", keys) == "policy");
  CHECK(nearest("conectors", keys) == "connectors");
  CHECK(nearest("timzone", keys) == "timezone");
  CHECK(nearest("Client", keys) == "client");
  CHECK(nearest("classifers", keys) == "classifiers");
  CHECK(nearest("banana", keys) == "");
  CHECK(nearest("zz", {"id"}) == "");  // a different word, not a typo
  CHECK(nearest("anything", {}) == "");
}

TEST_CASE("nearest prefers the closest, then the earliest candidate", "[config][nearest]") {
  CHECK(nearest("hid", {"ban", "hide", "unhide"}) == "hide");
  CHECK(nearest("delet", {"reply_public", "delete"}) == "delete");
  CHECK(nearest("ab", {"ax", "ay"}) == "ax");
}
