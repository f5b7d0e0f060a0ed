#include <catch2/catch.hpp>

#include "cue_matcher.hpp"

using parley::persona::CueMatcher;
using parley::text::NormalizedText;

// A named namespace, so that helpers of different test files can share one
// unity-build translation unit.
namespace cue_matcher_test {
std::vector<int> count(const CueMatcher& matcher, std::string_view text) {
  NormalizedText folded;
  matcher.normalizer().normalize(text, folded);
  return matcher.count(folded);
}
TEST_CASE("phrases match whole words in order, after folding") {
  CueMatcher matcher(2);
  REQUIRE(matcher.add(0, "sorry to bother"));
  REQUIRE(matcher.add(1, "συγγνώμη για την ενόχληση"));
  matcher.freeze();
  CHECK(count(matcher, "Sorry to BOTHER you, but...") == std::vector<int>{1, 0});
  CHECK(count(matcher, "to bother sorry") == std::vector<int>{0, 0});
  CHECK(count(matcher, "ΣΥΓΓΝΩΜΗ ΓΙΑ ΤΗΝ ΕΝΟΧΛΗΣΗ") == std::vector<int>{0, 1});  // no tonos, upper case
}

TEST_CASE("a word with a star matches inflected forms") {
  CueMatcher matcher(1);
  REQUIRE(matcher.add(0, "компенсаци*"));
  REQUIRE(matcher.add(0, "хочу компенсаци*"));
  matcher.freeze();
  CHECK(count(matcher, "Требую компенсацию!") == std::vector<int>{1});
  CHECK(count(matcher, "хочу компенсации за это") == std::vector<int>{2});
  CHECK(count(matcher, "компенсировать") == std::vector<int>{0});  // a different stem
}

TEST_CASE("each cue counts once however often it occurs") {
  CueMatcher matcher(1);
  REQUIRE(matcher.add(0, "again"));
  REQUIRE(matcher.add(0, "once again"));
  matcher.freeze();
  CHECK(count(matcher, "again and again and once again") == std::vector<int>{2});
}

TEST_CASE("a phrase without words is refused") {
  CueMatcher matcher(1);
  CHECK_FALSE(matcher.add(0, "*"));
  CHECK_FALSE(matcher.add(0, " ,;  "));
  CHECK(matcher.add(0, "don't*"));
  matcher.freeze();
  CHECK(count(matcher, "I DON'T like this") == std::vector<int>{1});
}

}  // namespace cue_matcher_test
