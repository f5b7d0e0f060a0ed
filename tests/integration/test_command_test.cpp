// parley test: a brand's cases through the real pipeline (keywords + rules),
// dry-run on fresh in-memory state; exit 0 / 1 / 2 with readable output.
#include <catch2/catch.hpp>
#include <filesystem>

#include "parley_process.hpp"

using namespace parley::testing;

// A named namespace, so that helpers of different test files can share one
// unity-build translation unit.
namespace test_command_test {

const std::string policy = std::string(PARLEY_FIXTURES) + "/policy";

/// The fixture pipeline copied into a fresh folder, with `cases` next to it.
std::string pipeline_with_cases(const std::string& name, const std::string& cases) {
  const auto dir = fresh_dir(name);
  write_file(dir + "/acme.yaml", read_file(policy + "/acme.yaml"));
  write_file(dir + "/acme.cases.yaml", cases);
  return dir;
}

TEST_CASE("test: the fixture's cases pass in five languages and leave no state behind") {
  const auto dir = fresh_dir("policy-pass");
  write_file(dir + "/acme.yaml", read_file(policy + "/acme.yaml"));
  write_file(dir + "/acme.cases.yaml", read_file(policy + "/acme.cases.yaml"));
  const auto result = run_parley({"test", dir + "/acme.yaml"});  // cases found by the pipeline's stem
  INFO(result.out << result.err);
  CHECK(result.exit_code == 0);
  CHECK_THAT(result.out, Catch::Contains("acme.cases.yaml"));
  CHECK_THAT(result.out, Catch::Contains("PASS   a late delivery in Greek is acknowledged, then") &&
                             Catch::Contains("Η παραγγελία μου άργησε δύο ώρες!"));
  CHECK_THAT(result.out, Catch::Contains("3  \"Идиоты!\""));
  CHECK_THAT(result.out,
             Catch::Contains("Summary: 5 case(s): 5 passed, 0 failed; 7 checked step(s), 0 failed step(s)"));
  CHECK_THAT(result.out, !Catch::Contains("FAIL"));
  CHECK_FALSE(std::filesystem::exists(dir + "/state"));  // the pipeline's store is never opened
}

TEST_CASE("test: cases files can be named; cases.yaml is the fallback") {
  const auto dir = fresh_dir("policy-named");
  write_file(dir + "/pipeline.yaml", read_file(policy + "/acme.yaml"));
  write_file(dir + "/cases.yaml", read_file(policy + "/acme.cases.yaml"));
  CHECK(run_parley({"test", dir + "/pipeline.yaml"}).exit_code == 0);
  const auto named = run_parley({"test", dir + "/pipeline.yaml", policy + "/acme.cases.yaml", dir + "/cases.yaml"});
  INFO(named.out << named.err);
  CHECK(named.exit_code == 0);
  CHECK_THAT(named.out, Catch::Contains("Summary: 10 case(s): 10 passed"));
}

TEST_CASE("test: an unmet expectation fails naming the case, the event and the actual actions") {
  const auto dir = pipeline_with_cases("policy-fail", R"(cases:
  - name: a Polish insult gets a public reply
    events:
      - text: "Gdzie jest kawa?"
        author: ola
      - text: "Jesteś debilem"
        author: ola
        expect: [reply_public]
  - name: a Finnish complaint is acknowledged
    events:
      - text: "Tilaukseni on myöhässä"
        expect: [reply_public]
)");
  const auto result = run_parley({"test", dir + "/acme.yaml"});
  INFO(result.out << result.err);
  CHECK(result.exit_code == 1);
  CHECK_THAT(result.out, Catch::Contains("-      a Polish insult gets a public reply") &&
                             Catch::Contains("FAIL   a Polish insult gets a public reply"));
  CHECK_THAT(result.out, Catch::Contains("2  \"Jesteś debilem\"  (" + dir + "/acme.cases.yaml:6:9)"));
  CHECK_THAT(result.out, Catch::Contains("✗ expected reply_public (allowed): no matching action"));
  CHECK_THAT(result.out, Catch::Contains("actual: warn") && Catch::Contains("P8.warn") &&
                             Catch::Contains("» Hi ola, please keep it civil."));
  CHECK_THAT(result.out, Catch::Contains("PASS   a Finnish complaint is acknowledged"));
  CHECK_THAT(result.out,
             Catch::Contains("Summary: 2 case(s): 1 passed, 1 failed; 2 checked step(s), 1 failed step(s)"));
}

TEST_CASE("test: a forbidden action that happens fails, with the guard's verdicts shown") {
  const auto dir = pipeline_with_cases("policy-forbid", R"(cases:
  - name: no public reply may mention a private message
    events:
      - text: "Мой заказ опоздал, я жду адвоката"
        author: olga
        attributes: { lang: ru }
        forbid:
          - { kind: reply_public, text_contains: "PRIVATE MESSAGE" }
          - { kind: escalate, verdict: any }
)");
  const auto result = run_parley({"test", dir + "/acme.yaml"});
  INFO(result.out << result.err);
  CHECK(result.exit_code == 1);
  CHECK_THAT(result.out, Catch::Contains("✗ forbidden reply_public text~'PRIVATE MESSAGE' (allowed) matched "
                                         "reply_public by rule 'P4.ack' (allowed)"));
  CHECK_THAT(result.out, Catch::Contains("✗ forbidden escalate (any verdict) matched escalate by rule 'P12.legal' "
                                         "(parked)"));
  CHECK_THAT(result.out, Catch::Contains("PARKED   policy.require_approval lists escalate:legal"));
}

TEST_CASE("test: a broken cases file exits 2 listing every error with file:line:col") {
  const auto dir = pipeline_with_cases("policy-broken", R"(cases:
  - name: typos
    events:
      - txt: "Η παραγγελία άργησε"
        after: 5 λεπτά
        expect: [reply_pubic]
)");
  const auto result = run_parley({"test", dir + "/acme.yaml"});
  INFO(result.out << result.err);
  CHECK(result.exit_code == 2);
  const auto file = dir + "/acme.cases.yaml";
  CHECK_THAT(result.err, Catch::Contains(file + ":4:9: error: key 'cases[0].events[0].text': missing value"));
  CHECK_THAT(result.err, Catch::Contains(file + ":4:14: error: key 'cases[0].events[0].txt': unknown key") &&
                             Catch::Contains("did you mean 'text'?"));
  CHECK_THAT(result.err, Catch::Contains(file + ":5:16: error: key 'cases[0].events[0].after': not a duration"));
  CHECK_THAT(result.err, Catch::Contains(file + ":6:18: error: key 'cases[0].events[0].expect[0]': unknown action "
                                                "kind 'reply_pubic'"));
  CHECK(result.out.empty());  // nothing ran

  write_file(file, "cases:\n  - name: [unclosed\n");
  const auto syntax = run_parley({"test", dir + "/acme.yaml"});
  CHECK(syntax.exit_code == 2);
  CHECK_THAT(syntax.err, Catch::Contains(file + ":"));
}

TEST_CASE("test: no cases file and an unknown connector are clear errors") {
  const auto dir = fresh_dir("policy-missing");
  write_file(dir + "/acme.yaml", read_file(policy + "/acme.yaml"));
  const auto missing = run_parley({"test", dir + "/acme.yaml"});
  CHECK(missing.exit_code == 2);
  CHECK_THAT(missing.err, Catch::Contains("no test cases for " + dir + "/acme.yaml: looked for " + dir +
                                          "/acme.cases.yaml and " + dir + "/cases.yaml"));

  write_file(dir + "/acme.cases.yaml", R"(cases:
  - name: from the inbox
    events:
      - text: "تأخر طلبي"
        connector: inbox
)");
  const auto connector = run_parley({"test", dir + "/acme.yaml"});
  CHECK(connector.exit_code == 2);
  CHECK_THAT(connector.err, Catch::Contains("acme.cases.yaml:5:20: error: key 'cases[0].events[0].connector': no "
                                            "connector 'inbox' in") &&
                                Catch::Contains("expected one of 'comments'"));
}

TEST_CASE("test: a wait lets time pass, and the follow-up timers due by then fire (P14)") {
  const auto dir = fresh_dir("policy-wait");
  write_file(dir + "/acme.yaml", R"(client: acme-coffee
connectors:
  - id: comments
    plugin: replay
    config: { input: not-read-by-parley-test.jsonl }
responders:
  - plugin: rules
    config:
      rules:
        - id: P14.plan
          when: "event.kind != 'timer' and event.text contains 'late'"
          then: { action: follow_up, params: { after: 3d } }
          reason: "P14: check back in three days"
        - id: P14
          when: "event.kind == 'timer'"
          then: { action: reply_private, text: "Hi {{author}}, is everything fine now?" }
          reason: "P14: the follow-up"
)");
  write_file(dir + "/acme.cases.yaml", R"(cases:
  - name: a follow-up three days later
    events:
      - text: "Μου είπαν ότι η παραγγελία είναι late"
        expect: [follow_up]
      - wait: 2d
        forbid: [reply_private]
      - wait: 1d
        expect: [{ kind: reply_private, rule: P14, text_contains: "is everything fine" }]
  - name: the next case starts on its own time line
    events:
      - text: "late again"
        at: 2026-01-05T09:00:00Z
        expect: [follow_up]
        forbid: [reply_private]
)");
  const auto result = run_parley({"test", dir + "/acme.yaml"});
  INFO(result.out << result.err);
  CHECK(result.exit_code == 0);
  CHECK_THAT(result.out, Catch::Contains("\"wait until 2026-01-07T09:00:00Z\"") &&
                             Catch::Contains("\"wait until 2026-01-08T09:00:00Z\""));
  CHECK_THAT(result.out, Catch::Contains("2 case(s): 2 passed"));
}

}  // namespace test_command_test
