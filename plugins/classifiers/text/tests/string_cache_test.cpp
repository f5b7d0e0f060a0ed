// StringCache: a bounded flat cache of short strings.
#include <catch2/catch.hpp>

#include <string>

#include "string_cache.hpp"

using parley::text::StringCache;

TEST_CASE("A string cache gives back what was put, and nothing else", "[cache]") {
  StringCache cache(100, 64);
  CHECK_FALSE(cache.find("ужасный").has_value());
  cache.put("ужасный", "ужасн");
  cache.put("terrible", "terribl");
  cache.put("", "empty key");
  REQUIRE(cache.find("ужасный").has_value());
  CHECK(*cache.find("ужасный") == "ужасн");
  CHECK(*cache.find("terrible") == "terribl");
  CHECK(*cache.find("") == "empty key");
  CHECK_FALSE(cache.find("terribl").has_value());
  CHECK_FALSE(cache.find("terrible ").has_value());
  cache.put(std::string(65, 'a'), "x");  // longer than a key may be: not kept
  CHECK_FALSE(cache.find(std::string(65, 'a')).has_value());
  CHECK(cache.size() == 3);
}

TEST_CASE("A full string cache starts again empty and keeps working", "[cache]") {
  StringCache cache(1000, 64);
  for (int i = 0; i < 1000; ++i) cache.put("word" + std::to_string(i), "stem" + std::to_string(i));
  CHECK(cache.size() == 1000);
  for (int i = 0; i < 1000; ++i) REQUIRE(*cache.find("word" + std::to_string(i)) == "stem" + std::to_string(i));
  cache.put("one more", "value");  // full: emptied first
  CHECK(cache.size() == 1);
  CHECK(*cache.find("one more") == "value");
  CHECK_FALSE(cache.find("word1").has_value());
  // Long values fill the bytes before the entries run out: emptied as well.
  for (int i = 0; i < 2000; ++i) cache.put("k" + std::to_string(i), std::string(100, 'v'));
  CHECK(cache.size() < 1000);
  CHECK(*cache.find("k1999") == std::string(100, 'v'));
}
