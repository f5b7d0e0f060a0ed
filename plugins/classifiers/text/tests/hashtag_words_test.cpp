#include <catch2/catch.hpp>
#include <string>

#include "hashtag_words.hpp"

namespace {

std::string split(std::string_view text) {
  std::string out;
  parley::text::split_camel_case_hashtags(text, out);
  return out;
}

}  // namespace

TEST_CASE("a CamelCase hashtag is read as its words") {
  CHECK(split("so happy #BestDayEver") == "so happy  Best Day Ever");
  CHECK(split("#NeverAgain.") == " Never Again.");
  CHECK(split("#neverAgain #TheseAreGoodThings") == " never Again  These Are Good Things");
}

TEST_CASE("hashtags in other scripts with case are split too") {
  CHECK(split("#ΠοτέΞανά") == " Ποτέ Ξανά");
  CHECK(split("#НикогдаБольше!") == " Никогда Больше!");
}

TEST_CASE("tags in one case, lone '#' and '#' inside words stay as written") {
  CHECK(split("#fail #NBA #Fail") == "#fail #NBA #Fail");
  CHECK(split("#NEVERAGAIN") == "#NEVERAGAIN");
  CHECK(split("order #12 and # alone #") == "order #12 and # alone #");
  CHECK(split("C#Sharp and a#B") == "C#Sharp and a#B");
  CHECK(split("#كفاية #hashtag") == "#كفاية #hashtag");
  CHECK(split("") == "");
}

TEST_CASE("invalid UTF-8 in a tag is copied, not dropped") {
  const std::string broken =
      "#Ab\xff"
      "Cd";
  const std::string out = split(broken);
  CHECK(out.find('\xff') != std::string::npos);
}
