#include <catch2/catch.hpp>

#include "../config/test_files.hpp"
#include "backtest/history_reader.hpp"

using namespace parley::host;

TEST_CASE("history: events sorted by created_at, every bad line named with its reason", "[backtest]") {
  config_test::TempDir dir;
  const auto file = dir.write("history.jsonl",
                              "# exported 2026-11-30\n"
                              R"({"id":"b","author":"u1","text":"later","created_at":"2026-11-02T10:00:00Z"})"
                              "\n\n"
                              R"({"id":"a","author":{"id":"u2"},"text":"earlier","created_at":1793610000000})"
                              "\n"
                              "{not json\n"
                              R"({"id":"c","author":"u3","text":"no time"})"
                              "\n")
                        .string();
  const auto history = read_history(file, "acme");
  CHECK(history.read_error.empty());
  REQUIRE(history.events.size() == 2);
  CHECK(history.events[0].id == "a");
  CHECK(history.events[0].account == "acme");
  CHECK(history.events[1].id == "b");
  REQUIRE(history.bad_lines.size() == 2);
  CHECK(history.bad_lines[0].location == file + ":5");
  CHECK_THAT(history.bad_lines[0].error, Catch::StartsWith("invalid JSON"));
  CHECK(history.bad_lines[1].location == file + ":6");
  CHECK_THAT(history.bad_lines[1].error, Catch::Contains("created_at"));
}

TEST_CASE("history: a file that cannot be read says so", "[backtest]") {
  const auto history = read_history("/nonexistent/history.jsonl", "acme");
  CHECK(history.read_error == "cannot read /nonexistent/history.jsonl");
  CHECK(history.events.empty());
}
