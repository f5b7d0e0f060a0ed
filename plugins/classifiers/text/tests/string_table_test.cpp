#include <catch2/catch.hpp>

#include <string>

#include "string_table.hpp"

using parley::text::StringTable;

TEST_CASE("StringTable finds what was added and nothing else", "[table]") {
  StringTable<int> table;
  CHECK(table.empty());
  for (int i = 0; i < 1000; ++i) table.at_build("key" + std::to_string(i)) = i;
  table.at_build("идиот") = -1;
  table.at_build("") = -2;
  table.freeze();
  CHECK(table.size() == 1002);
  for (int i = 0; i < 1000; ++i) {
    const int* value = table.find("key" + std::to_string(i));
    REQUIRE(value != nullptr);
    CHECK(*value == i);
  }
  CHECK(*table.find("идиот") == -1);
  CHECK(*table.find("") == -2);
  CHECK(table.find("key1000") == nullptr);
  CHECK(table.find("key") == nullptr);
  CHECK(table.find("идио") == nullptr);
  CHECK(table.find("zebra") == nullptr);  // no key starts with z
  CHECK_THROWS_AS(table.at_build("late"), std::logic_error);
}

TEST_CASE("An empty StringTable finds nothing", "[table]") {
  StringTable<int> table;
  table.freeze();
  CHECK(table.find("anything") == nullptr);
  CHECK(table.find("") == nullptr);
}

TEST_CASE("StringTable's filter never hides a stored key; absent keys find nothing", "[table]") {
  StringTable<int> table;
  for (int i = 0; i < 20000; ++i) table.at_build("word" + std::to_string(i)) = i;
  table.freeze();
  for (int i = 0; i < 20000; ++i) {
    const int* value = table.find("word" + std::to_string(i));
    REQUIRE(value != nullptr);
    REQUIRE(*value == i);
  }
  // Absent keys that share the first byte of stored ones: the filter is
  // what answers them, and whatever passes it still finds nothing.
  for (int i = 20000; i < 40000; ++i) REQUIRE(table.find("word" + std::to_string(i)) == nullptr);
}
