#include <catch2/catch.hpp>

#include "event_line.hpp"

using parley::EventKind;
using parley::Visibility;
using parley::replay::EventDefaults;
using parley::replay::parse_event_line;

// A named namespace, so that helpers of different test files can share one
// unity-build translation unit.
namespace event_line_test {

parley::Event parse_ok(const std::string& line, const EventDefaults& defaults = {}) {
  auto parsed = parse_event_line(line, defaults);
  INFO(line);
  INFO(parsed.error);
  REQUIRE(parsed.event.has_value());
  CHECK(parsed.error.empty());
  return std::move(*parsed.event);
}

std::string parse_error(const std::string& line) {
  auto parsed = parse_event_line(line, EventDefaults{});
  INFO(line);
  REQUIRE_FALSE(parsed.event.has_value());
  return parsed.error;
}

TEST_CASE("a minimal line takes every default", "[event_line]") {
  const std::string line = R"({"id": "e1", "author": {"id": "u1"}, "text": "hello"})";
  const auto event = parse_ok(line);
  CHECK(event.id == "e1");
  CHECK(event.author.id == "u1");
  CHECK(event.author.handle.empty());
  CHECK(event.author.display_name.empty());
  CHECK_FALSE(event.author.is_brand);
  CHECK(event.text == "hello");
  CHECK(event.platform == "replay");
  CHECK(event.account == "demo-brand");
  CHECK(event.kind == EventKind::comment);
  CHECK(event.thread_id == "e1");
  CHECK(event.parent_id.empty());
  CHECK(event.lang.empty());
  CHECK(event.created_at == 0);
  CHECK(event.url.empty());
  CHECK(event.visibility == Visibility::public_post);
  CHECK(event.metadata.empty());
  CHECK(event.raw == line);
}

TEST_CASE("the default account comes from the config", "[event_line]") {
  EventDefaults defaults;
  defaults.account = "acme-coffee";
  CHECK(parse_ok(R"({"id": "e1", "author": "u1", "text": ""})", defaults).account == "acme-coffee");
  CHECK(parse_ok(R"({"id": "e1", "author": "u1", "text": "", "account": "acme-fi"})", defaults).account == "acme-fi");
}

TEST_CASE("author may be given as a string: the author id", "[event_line]") {
  const auto event = parse_ok(R"({"id": "e1", "author": "u-42", "text": "hi"})");
  CHECK(event.author.id == "u-42");
  CHECK(event.author.handle.empty());
  CHECK(event.author.display_name.empty());
  CHECK_FALSE(event.author.is_brand);
}

TEST_CASE("every optional field is read", "[event_line]") {
  const auto event = parse_ok(
      R"({"id": "e2", "platform": "facebook", "account": "acme", "kind": "reply", "thread_id": "t1",
          "parent_id": "e1", "lang": "fi", "created_at": "2026-11-02T09:15:00Z", "url": "https://x.test/e2",
          "visibility": "private", "text": "Kiitos!", "unknown_field": {"nested": true},
          "author": {"id": "u1", "handle": "@liisa", "display_name": "Liisa", "is_brand": true},
          "metadata": {"tier": "gold", "orders": 12, "vip": true, "ratio": 0.5, "none": null, "tags": ["a", 1]}})");
  CHECK(event.platform == "facebook");
  CHECK(event.account == "acme");
  CHECK(event.kind == EventKind::reply);
  CHECK(event.thread_id == "t1");
  CHECK(event.parent_id == "e1");
  CHECK(event.lang == "fi");
  CHECK(event.created_at == 1793610900000);
  CHECK(event.url == "https://x.test/e2");
  CHECK(event.visibility == Visibility::private_message);
  CHECK(event.author.handle == "@liisa");
  CHECK(event.author.display_name == "Liisa");
  CHECK(event.author.is_brand);
  const std::map<std::string, std::string> metadata = {{"tier", "gold"}, {"orders", "12"}, {"vip", "true"},
                                                       {"ratio", "0.5"}, {"none", "null"}, {"tags", "[\"a\",1]"}};
  CHECK(event.metadata == metadata);
}

TEST_CASE("every event kind is accepted", "[event_line]") {
  const std::pair<const char*, EventKind> kinds[] = {
      {"comment", EventKind::comment}, {"reply", EventKind::reply},
      {"mention", EventKind::mention}, {"direct_message", EventKind::direct_message},
      {"review", EventKind::review},   {"timer", EventKind::timer}};
  for (const auto& [name, kind] : kinds) {
    CHECK(parse_ok(std::string(R"({"id": "e", "author": "u", "text": "", "kind": ")") + name + "\"}").kind == kind);
  }
}

TEST_CASE("created_at accepts integer epoch milliseconds", "[event_line]") {
  CHECK(parse_ok(R"({"id": "e", "author": "u", "text": "", "created_at": 1793610900123})").created_at == 1793610900123);
  CHECK(parse_ok(R"({"id": "e", "author": "u", "text": "", "created_at": -5})").created_at == -5);
}

TEST_CASE("null optional fields count as absent", "[event_line]") {
  const auto event = parse_ok(
      R"({"id": "e", "author": {"id": "u", "handle": null}, "text": "", "lang": null, "kind": null,
          "created_at": null, "thread_id": null, "metadata": null})");
  CHECK(event.lang.empty());
  CHECK(event.kind == EventKind::comment);
  CHECK(event.created_at == 0);
  CHECK(event.thread_id == "e");
  CHECK(event.author.handle.empty());
}

TEST_CASE("UTF-8 text is kept byte for byte, escapes decoded", "[event_line]") {
  CHECK(parse_ok(R"({"id": "e", "author": "u", "text": "Καλημέρα, Привет, مرحبا 👋"})").text ==
        "Καλημέρα, Привет, مرحبا 👋");
  CHECK(parse_ok(R"({"id": "e", "author": "u", "text": "caf\u00e9 \"quoted\"\nnext"})").text ==
        "café \"quoted\"\nnext");
}

TEST_CASE("malformed lines are refused with a precise error", "[event_line]") {
  struct Case {
    const char* line;
    const char* error;
  };
  const Case cases[] = {
      {R"([1, 2])", "expected a JSON object, got array"},
      {R"("just text")", "expected a JSON object, got string"},
      {R"({"author": "u", "text": "t"})", "missing required field 'id'"},
      {R"({"id": 17, "author": "u", "text": "t"})", "field 'id' must be a string, got integer"},
      {R"({"id": null, "author": "u", "text": "t"})", "field 'id' must be a string, got null"},
      {R"({"id": "", "author": "u", "text": "t"})", "field 'id' must not be empty"},
      {R"({"id": "e", "text": "t"})", "missing required field 'author'"},
      {R"({"id": "e", "author": 5, "text": "t"})",
       "field 'author' must be an object or a string (the author id), got integer"},
      {R"({"id": "e", "author": "", "text": "t"})", "field 'author' must not be empty"},
      {R"({"id": "e", "author": {"handle": "@x"}, "text": "t"})", "missing required field 'author.id'"},
      {R"({"id": "e", "author": {"id": 9}, "text": "t"})", "field 'author.id' must be a string, got integer"},
      {R"({"id": "e", "author": {"id": "u", "handle": 1.5}, "text": "t"})",
       "field 'author.handle' must be a string, got number"},
      {R"({"id": "e", "author": {"id": "u", "display_name": []}, "text": "t"})",
       "field 'author.display_name' must be a string, got array"},
      {R"({"id": "e", "author": {"id": "u", "is_brand": "yes"}, "text": "t"})",
       "field 'author.is_brand' must be a boolean, got string"},
      {R"({"id": "e", "author": "u"})", "missing required field 'text'"},
      {R"({"id": "e", "author": "u", "text": null})", "field 'text' must be a string, got null"},
      {R"({"id": "e", "author": "u", "text": ["a"]})", "field 'text' must be a string, got array"},
      {R"({"id": "e", "author": "u", "text": "t", "kind": "post"})",
       "field 'kind' must be one of comment, reply, mention, direct_message, review, timer, got 'post'"},
      {R"({"id": "e", "author": "u", "text": "t", "kind": "Comment"})",
       "field 'kind' must be one of comment, reply, mention, direct_message, review, timer, got 'Comment'"},
      {R"({"id": "e", "author": "u", "text": "t", "kind": 1})", "field 'kind' must be a string, got integer"},
      {R"({"id": "e", "author": "u", "text": "t", "visibility": "friends"})",
       "field 'visibility' must be one of public, private, got 'friends'"},
      {R"({"id": "e", "author": "u", "text": "t", "created_at": "yesterday"})",
       "field 'created_at' must be an ISO-8601 time with a zone (e.g. \"2026-11-02T09:15:00Z\") or integer "
       "epoch milliseconds, got 'yesterday'"},
      {R"({"id": "e", "author": "u", "text": "t", "created_at": "2026-11-02T09:15:00"})",
       "field 'created_at' must be an ISO-8601 time with a zone (e.g. \"2026-11-02T09:15:00Z\") or integer "
       "epoch milliseconds, got '2026-11-02T09:15:00'"},
      {R"({"id": "e", "author": "u", "text": "t", "created_at": 1.5})",
       "field 'created_at' must be an ISO-8601 time with a zone (e.g. \"2026-11-02T09:15:00Z\") or integer "
       "epoch milliseconds, got number 1.5"},
      {R"({"id": "e", "author": "u", "text": "t", "created_at": 18446744073709551615})",
       "field 'created_at' must be an ISO-8601 time with a zone (e.g. \"2026-11-02T09:15:00Z\") or integer "
       "epoch milliseconds, got 18446744073709551615"},
      {R"({"id": "e", "author": "u", "text": "t", "lang": 3})", "field 'lang' must be a string, got integer"},
      {R"({"id": "e", "author": "u", "text": "t", "url": false})", "field 'url' must be a string, got boolean"},
      {R"({"id": "e", "author": "u", "text": "t", "metadata": ["a"]})",
       "field 'metadata' must be an object, got array"},
  };
  for (const auto& test : cases) {
    CHECK(parse_error(test.line) == test.error);
  }
}

TEST_CASE("invalid JSON is refused with the parser's column", "[event_line]") {
  CHECK(parse_error(R"({"id": "e", "author": "u", "text": "t")") ==
        "invalid JSON: column 39: syntax error while parsing object - unexpected end of input; expected '}'");
  CHECK(parse_error(R"({not json})") ==
        "invalid JSON: column 3: syntax error while parsing object key - invalid literal; last read: '{no'; "
        "expected string literal");
  CHECK(parse_error(R"({"id": "e"} trailing)") ==
        "invalid JSON: column 15: syntax error while parsing value - invalid literal; last read: '\"e\"} tra'; "
        "expected end of input");
}

TEST_CASE("invalid UTF-8 is refused and the error quotes it as valid UTF-8", "[event_line]") {
  // "\xC3(" is a lead byte without its continuation byte.
  CHECK(parse_error("{\"id\": \"e\", \"author\": \"u\", \"text\": \"bad \xC3( byte\"}") ==
        "invalid JSON: column 42: syntax error while parsing value - invalid string: ill-formed UTF-8 byte; "
        "last read: '\"bad \xEF\xBF\xBD('");
}

TEST_CASE("an integer beyond 64 bits is refused with a clear error, not rounded", "[event_line]") {
  CHECK(parse_error(R"({"id": "e", "author": "u", "text": "t", "metadata": {"n": 123456789012345678901234567890}})")
            .rfind("invalid JSON: ", 0) == 0);
}

TEST_CASE("integer ids are read as their digits for classifier test sets", "[event_line]") {
  EventDefaults defaults;
  defaults.text_only = true;
  CHECK(parse_ok(R"({"id": 17, "text": "t"})", defaults).id == "17");
  CHECK(parse_ok(R"({"id": -3, "text": "t"})", defaults).id == "-3");
  CHECK(parse_ok(R"({"id": 18446744073709551615, "text": "t"})", defaults).id == "18446744073709551615");
}

TEST_CASE("a long line and the next short one parse with the same per-thread parser", "[event_line]") {
  const std::string long_text(1 << 20, 'a');
  CHECK(parse_ok(R"({"id": "e1", "author": "u", "text": ")" + long_text + "\"}").text == long_text);
  CHECK(parse_ok(R"({"id": "e2", "author": "u", "text": "short"})").text == "short");
}

}  // namespace event_line_test
