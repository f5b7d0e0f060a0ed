#include <catch2/catch.hpp>

#include <string>

#include "edit_distance.hpp"

using parley::mention::bounded_osa_distance;

// A named namespace, so that helpers of different test files can share one
// unity-build translation unit.
namespace edit_distance_test {
std::size_t distance(const std::string& a, const std::string& b, std::size_t limit = 2) {
  std::u32string wa, wb;
  REQUIRE(parley::mention::decode_utf8(a, wa, 64));
  REQUIRE(parley::mention::decode_utf8(b, wb, 64));
  return bounded_osa_distance(wa, wb, limit);
}
TEST_CASE("Edits: insert, delete, substitute, swap", "[distance]") {
  CHECK(distance("nordic", "nordic") == 0);
  CHECK(distance("nordic", "nordik") == 1);
  CHECK(distance("nordic", "nordicc") == 1);
  CHECK(distance("nordic", "nordc") == 1);
  CHECK(distance("nordic", "nordci") == 1);  // a swap is one edit
  CHECK(distance("nordic coffee", "nordik cofee") == 2);
}

TEST_CASE("Distances beyond the limit come back as limit + 1", "[distance]") {
  CHECK(distance("nordic", "kahvila", 1) == 2);
  CHECK(distance("a", "abcdefgh", 2) == 3);
}

TEST_CASE("Code points, not bytes: Greek, Cyrillic, Arabic", "[distance]") {
  CHECK(distance("νορντικ", "νορντκ") == 1);
  CHECK(distance("нордик", "нордік") == 1);
  CHECK(distance("نورديك", "نوردك") == 1);
}

TEST_CASE("Invalid UTF-8 decodes to replacement characters", "[distance]") {
  std::u32string out;
  CHECK(
      parley::mention::decode_utf8("a\xFF"
                                   "b\xE2\x82",
                                   out, 64));
  CHECK(out == std::u32string{U'a', U'\uFFFD', U'b', U'\uFFFD', U'\uFFFD'});
  out.clear();
  CHECK_FALSE(parley::mention::decode_utf8("abcdef", out, 3));
}

}  // namespace edit_distance_test
