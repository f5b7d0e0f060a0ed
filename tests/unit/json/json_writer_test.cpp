// JsonWriter writes the audit records: what it writes must read back, with
// nlohmann (what every reader uses), as exactly the values given.
#include <catch2/catch.hpp>
#include <cmath>
#include <limits>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "json/json_writer.hpp"

using parley::host::append_json_string;
using parley::host::JsonWriter;

// A named namespace, so that helpers of different test files can share one
// unity-build translation unit.
namespace json_writer_test {

std::string read_back_string(std::string_view text) {
  std::string json;
  append_json_string(json, text);
  return nlohmann::json::parse(json).get<std::string>();
}

TEST_CASE("json writer: nested objects and arrays read back as written") {
  JsonWriter out;
  out.begin_object().field("event", "ev-1").field("at", std::int64_t{-1796115600000});
  out.key("labels").begin_object().field("intent.complaint", 0.9).field("anger", 1.0).end_object();
  out.key("empty").begin_object().end_object();
  out.key("list").begin_array().value("a").begin_object().field("k", true).end_object().value(false).end_array();
  out.key("none").begin_array().end_array();
  out.key("stored").raw(R"({"id":"x","n":[1,2]})");
  out.end_object();

  const auto parsed = nlohmann::json::parse(out.text());
  const nlohmann::json expected = {
      {"event", "ev-1"},
      {"at", -1796115600000},
      {"labels", {{"intent.complaint", 0.9}, {"anger", 1.0}}},
      {"empty", nlohmann::json::object()},
      {"list", {"a", {{"k", true}}, false}},
      {"none", nlohmann::json::array()},
      {"stored", {{"id", "x"}, {"n", {1, 2}}}},
  };
  CHECK(parsed == expected);
  CHECK(parsed.at("labels").at("anger").is_number_float());  // 1.0 stays a float
}

TEST_CASE("json writer: strings in every script and with every character JSON must escape") {
  for (const auto& text :
       std::vector<std::string>{"", "plain", "quote \" backslash \\ slash /", "tab\tnew\nline\r\b\f",
                                std::string("nul \0 and \x1f", 11), "Η παραγγελία άργησε", "Где мой заказ?",
                                "طلبي تأخر ساعتين", "Missä tilaukseni? 😡🔥", "\u200b\u202e mixed \u05d0"}) {
    CHECK(read_back_string(text) == text);
  }
}

TEST_CASE("json writer: invalid UTF-8 becomes U+FFFD and the rest is kept") {
  CHECK(read_back_string("ab\xFF"
                         "cd") ==
        "ab\xEF\xBF\xBD"
        "cd");
  CHECK(read_back_string("cut \xCE") == "cut \xEF\xBF\xBD");                              // a truncated Greek letter
  CHECK(read_back_string("\xC0\xAF") == "\xEF\xBF\xBD\xEF\xBF\xBD");                      // an overlong '/'
  CHECK(read_back_string("\xED\xA0\x80 x") == "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD x");  // a surrogate
  CHECK(read_back_string("ok \xCE\xB1") == "ok \xCE\xB1");
}

TEST_CASE("json writer: numbers read back as the same values") {
  JsonWriter out;
  out.begin_array();
  for (const double number : {0.0, 0.1, 0.9, 1.0, 0.333333333333333, 1e-7, 123456789.125}) out.value(number);
  out.value(std::numeric_limits<double>::quiet_NaN()).value(std::numeric_limits<double>::infinity());
  out.value(std::numeric_limits<std::int64_t>::max()).value(std::numeric_limits<std::int64_t>::min());
  out.end_array();
  const auto parsed = nlohmann::json::parse(out.text());
  REQUIRE(parsed.size() == 11);
  const double expected[] = {0.0, 0.1, 0.9, 1.0, 0.333333333333333, 1e-7, 123456789.125};
  for (std::size_t index = 0; index < 7; ++index) {
    CHECK(parsed[index].is_number_float());
    CHECK(parsed[index].get<double>() == expected[index]);
  }
  CHECK(parsed[7].is_null());
  CHECK(parsed[8].is_null());
  CHECK(parsed[9].get<std::int64_t>() == std::numeric_limits<std::int64_t>::max());
  CHECK(parsed[10].get<std::int64_t>() == std::numeric_limits<std::int64_t>::min());
}

}  // namespace json_writer_test
