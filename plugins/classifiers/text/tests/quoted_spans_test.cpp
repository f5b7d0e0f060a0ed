#include "quoted_spans.hpp"

#include <catch2/catch.hpp>
#include <string>
#include <string_view>
#include <vector>

using parley::text::find_quoted_spans;
using parley::text::starts_with_capital;

namespace quoted_spans_test {

std::vector<std::string> spans_of(std::string_view text) {
  std::vector<std::string_view> spans;
  find_quoted_spans(text, spans);
  return {spans.begin(), spans.end()};
}

}  // namespace quoted_spans_test

using quoted_spans_test::spans_of;

TEST_CASE("Quoted spans in every kind of quote mark", "[quoted]") {
  CHECK(spans_of("Bought a 'fresh' sourdough, mould on it") == std::vector<std::string>{"fresh"});
  CHECK(spans_of("Спасибо за «свежий» хлеб") == std::vector<std::string>{"свежий"});
  CHECK(spans_of("the ”merinäköala” was a car park") == std::vector<std::string>{"merinäköala"});
  CHECK(spans_of("a \"service fee\" and a „Gebühr“") == std::vector<std::string>{"service fee", "Gebühr"});
  CHECK(spans_of("η παραγγελία εμφανίζεται «παραδόθηκε» αλλά") == std::vector<std::string>{"παραδόθηκε"});
  CHECK(spans_of("ما يسمى “خدمة العملاء” لا يرد") == std::vector<std::string>{"خدمة العملاء"});
  CHECK(spans_of("Waited 2 hrs for a ‘10 min’ delivery") == std::vector<std::string>{"10 min"});
}

TEST_CASE("Apostrophes and unclosed marks quote nothing", "[quoted]") {
  CHECK(spans_of("I don't know, it's O'Brien's shop").empty());
  CHECK(spans_of("We’re sure it’s fine").empty());
  CHECK(spans_of("the customers' orders and the staff' words").empty());
  CHECK(spans_of("He said \"never again and left").empty());
  CHECK(spans_of("\"\"").empty());
  // Single marks do not close double ones.
  CHECK(spans_of("«fresh' bread").empty());
}

TEST_CASE("Long quotes, many quotes and invalid UTF-8 are bounded", "[quoted]") {
  const std::string long_quote = "\"" + std::string(60, 'a') + "\" and \"short\"";
  CHECK(spans_of(long_quote) == std::vector<std::string>{"short"});
  std::string many;
  for (int i = 0; i < 10; ++i) many += "'w' ";
  CHECK(spans_of(many).size() == 4);
  CHECK(spans_of("\xE2\x80 'ok' \xC2").size() == 1);
  CHECK(spans_of("\xE2\x80\x9C").empty());
}

TEST_CASE("A span that starts with a capital reads as a name", "[quoted]") {
  CHECK(starts_with_capital("Family Box"));
  CHECK(starts_with_capital("Ωραία"));
  CHECK(starts_with_capital("10 Minute Meal"));
  CHECK_FALSE(starts_with_capital("fresh"));
  CHECK_FALSE(starts_with_capital("10 min"));
  CHECK_FALSE(starts_with_capital("خدمة العملاء"));
  CHECK_FALSE(starts_with_capital(""));
}
