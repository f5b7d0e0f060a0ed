#include <catch2/catch.hpp>

#include "policy_test/cases_parser.hpp"

using namespace parley;
using namespace parley::host;

// A named namespace, so that helpers of different test files can share one
// unity-build translation unit.
namespace cases_parser_test {

std::string all_text(const Diagnostics& errors) {
  std::string text;
  for (const auto& error : errors) text += error.to_string() + "\n";
  return text;
}

TEST_CASE("a complete cases file is read with every field and default", "[policy_test]") {
  const auto load = parse_cases(R"(cases:
  - name: a late delivery in Greek is acknowledged, then taken private
    events:
      - text: "Η παραγγελία μου άργησε δύο ώρες!"
        author: maria
        name: Μαρία
        thread: post-1
        kind: comment
        at: 2026-11-30T09:00:00Z
        metadata: {customer_tier: gold, orders: 12}
        labels: {toxicity.offensive: 0.9, intent.complaint: 1}
        attributes: {lang: el}
        expect:
          - reply_public
          - {kind: reply_private, rule: P4, text_contains: "παραγγελία", lang: el}
          - {kind: escalate, verdict: parked, param: {department: legal}}
        forbid: [delete, ban, {kind: reply_public, text_contains: "discount", verdict: any}]
        expect_only: true
      - text: "Ещё жду"
        after: 1h30m
        brand: true
        kind: direct_message
        expect: warn
      - wait: 3d
        expect: [follow_up]
      - text: "Kiitos"
)",
                                "acme.cases.yaml");
  INFO(all_text(load.errors));
  REQUIRE(load.errors.empty());
  REQUIRE(load.cases->cases.size() == 1);
  const auto& test = load.cases->cases[0];
  CHECK(test.name == "a late delivery in Greek is acknowledged, then taken private");
  REQUIRE(test.steps.size() == 4);

  const auto& first = *test.steps[0].event;
  CHECK(first.author == "maria");
  CHECK(first.author_name == "Μαρία");
  CHECK(first.thread == "post-1");
  CHECK(first.at_ms == 1'796'029'200'000);
  CHECK(first.metadata.at("orders") == "12");
  CHECK(first.injected.score("toxicity.offensive") == 0.9);
  CHECK(first.injected.score("intent.complaint") == 1.0);
  CHECK(first.injected.attribute("lang") == "el");
  const auto& checks = test.steps[0].checks;
  REQUIRE(checks.expect.size() == 3);
  CHECK(checks.expect[0].kind == ActionKind::reply_public);
  CHECK(checks.expect[0].verdict == Verdict::allowed);
  CHECK(checks.expect[1].rule == "P4");
  CHECK(checks.expect[1].lang == "el");
  CHECK(checks.expect[2].verdict == Verdict::parked);
  CHECK(checks.expect[2].params.at("department") == "legal");
  REQUIRE(checks.forbid.size() == 3);
  CHECK(checks.forbid[0].kind == ActionKind::delete_event);
  CHECK_FALSE(checks.forbid[2].verdict.has_value());
  CHECK(checks.expect_only);
  CHECK(test.steps[0].location == "acme.cases.yaml:4:9");

  const auto& second = *test.steps[1].event;
  CHECK(second.after_ms == 5'400'000);
  CHECK_FALSE(second.at_ms);
  CHECK(second.brand);
  CHECK(second.kind == EventKind::direct_message);
  CHECK(test.steps[1].checks.expect.size() == 1);  // one action without brackets

  REQUIRE(test.steps[2].wait);
  CHECK(test.steps[2].wait->duration_ms == 3 * 86'400'000LL);
  CHECK(test.steps[2].checks.expect[0].kind == ActionKind::follow_up);

  const auto& last = *test.steps[3].event;
  CHECK(last.author == "customer");
  CHECK(last.thread.empty());
  CHECK(last.kind == EventKind::comment);
  CHECK(test.steps[3].checks.empty());
}

TEST_CASE("a broken cases file lists every mistake with file:line:col and the key", "[policy_test]") {
  const auto load = parse_cases(R"(cases:
  - name: mistakes
    events:
      - author: piotr
        expcet: [reply_public]
      - text: "Gdzie jest moja paczka?"
        after: 10 minutes
        kind: coment
        labels: {intent.complaint: 2}
        expect:
          - reply_publc
          - {rule: P4}
          - {kind: escalate, verdict: maybe}
      - text: "x"
        at: 2026-11-30T09:00:00Z
        after: 5m
      - wait: soon
  - events: []
)",
                                "bad.cases.yaml");
  const auto text = all_text(load.errors);
  INFO(text);
  CHECK_FALSE(load.cases);
  CHECK_THAT(text, Catch::Contains("bad.cases.yaml:4:9: error: key 'cases[0].events[0].text': missing value"));
  CHECK_THAT(text, Catch::Contains("bad.cases.yaml:5:17: error: key 'cases[0].events[0].expcet': unknown key") &&
                       Catch::Contains("did you mean 'expect'?"));
  CHECK_THAT(text, Catch::Contains("bad.cases.yaml:7:16: error: key 'cases[0].events[1].after': not a duration: "
                                   "'10 minutes'; expected a number and a unit"));
  CHECK_THAT(text, Catch::Contains("bad.cases.yaml:8:15: error: key 'cases[0].events[1].kind': unknown event kind "
                                   "'coment'") &&
                       Catch::Contains("did you mean 'comment'?"));
  CHECK_THAT(text, Catch::Contains("key 'cases[0].events[1].labels.intent.complaint': expected a score, found the "
                                   "number 2; expected a number between 0 and 1"));
  CHECK_THAT(text, Catch::Contains("bad.cases.yaml:11:13: error: key 'cases[0].events[1].expect[0]': unknown action "
                                   "kind 'reply_publc'") &&
                       Catch::Contains("did you mean 'reply_public'?"));
  CHECK_THAT(text, Catch::Contains("key 'cases[0].events[1].expect[1].kind': missing value"));
  CHECK_THAT(text, Catch::Contains("key 'cases[0].events[1].expect[2].verdict': unknown verdict 'maybe'"));
  CHECK_THAT(text, Catch::Contains("key 'cases[0].events[2].after': give either 'at' or 'after', not both"));
  CHECK_THAT(text, Catch::Contains("bad.cases.yaml:17:15: error: key 'cases[0].events[3].wait': not a duration"));
  CHECK_THAT(text, Catch::Contains("key 'cases[1].name': missing value"));
  CHECK_THAT(text, Catch::Contains("key 'cases[1].events': expected a non-empty list of events"));
}

TEST_CASE("YAML syntax errors and empty files are reported with a location", "[policy_test]") {
  const auto syntax = parse_cases("cases:\n  - name: \"unclosed\n", "s.yaml");
  REQUIRE(syntax.errors.size() == 1);
  CHECK_THAT(syntax.errors[0].to_string(), Catch::StartsWith("s.yaml:"));

  const auto empty = parse_cases("", "empty.yaml");
  REQUIRE(empty.errors.size() == 1);
  CHECK(empty.errors[0].to_string() ==
        "empty.yaml: error: a cases file is a map with the key 'cases'; expected 'cases:' followed by a list of cases");

  const auto top = parse_cases("case:\n  - name: x\n", "top.yaml");
  CHECK_THAT(all_text(top.errors), Catch::Contains("key 'case': unknown key; expected one of 'cases'; did you mean "
                                                   "'cases'?") &&
                                       Catch::Contains("key 'cases': missing value"));
}

TEST_CASE("a missing cases file is a diagnostic", "[policy_test]") {
  const auto load = load_cases_file("/nonexistent/acme.cases.yaml");
  REQUIRE(load.errors.size() == 1);
  CHECK(load.errors[0].to_string() == "/nonexistent/acme.cases.yaml: error: file not found");
}

}  // namespace cases_parser_test
