// parley run with follow_up timers, the case lifecycle and the engine clock:
// the real binary, the rules responder and the replay connector.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "parley_process.hpp"
#include "pipeline_yaml.hpp"
#include "store/sqlite_store.hpp"

using namespace parley::testing;

// A named namespace, so that helpers of different test files can share one
// unity-build translation unit.
namespace timers_test {

/// Anna complains; the brand acknowledges and follows up 3 days later, in
/// private, unless the case was resolved (a rule reacting to timer events).
std::string write_timer_pipeline(const std::string& dir, const std::string& events) {
  write_file(dir + "/events.jsonl", events);
  PipelineYaml yaml("timers-brand");
  yaml.connectors = "- plugin: replay\n  config: { input: events.jsonl, output: actions.jsonl }\n";
  yaml.responders = rules_responder(R"(
- id: ack
  when: "event.kind != 'timer' and event.text contains 'late'"
  then:
    - { action: reply_public, text: "Sorry {{author}}, we are on it" }
    - { action: follow_up, params: { after: 3d, purpose: check_in } }
  reason: "P14: acknowledge, and check back in 3 days"
- id: check-in
  when: "event.kind == 'timer' and case.status != 'resolved'"
  then: reply_private
  text: "Hi {{author}}, is everything fine with your order now?"
  reason: "P14: follow up a few days later"
  params: { case_status: followed_up }
)");
  yaml.rest = "engine: { clock: events, workers: 2 }\n";
  return yaml.write(dir);
}

const std::string kAnna =
    R"({"id":"t-1","author":{"id":"u-anna","handle":"anna"},"thread_id":"post-1","text":"my order is late",)"
    R"("created_at":"2026-12-01T09:00:00Z"})"
    "\n"
    R"({"id":"t-2","author":"u-bob","thread_id":"post-1","text":"same for me","created_at":"2026-12-01T10:00:00Z"})"
    "\n";

std::vector<nlohmann::json> actions(const std::string& file) {
  std::vector<nlohmann::json> result;
  for (const auto& line : lines_of(read_file(file))) result.push_back(nlohmann::json::parse(line));
  return result;
}

TEST_CASE("a follow_up timer is scheduled in one run and fires once in a later one") {
  const auto dir = fresh_dir("timers");
  const auto pipeline = write_timer_pipeline(dir, kAnna);

  const auto first = run_parley({"run", pipeline, "--state", dir});
  INFO(first.out << first.err);
  REQUIRE(first.exit_code == 0);
  CHECK_THAT(first.out, Catch::Contains("follow_up        done"));
  CHECK_THAT(first.out, Catch::Contains("timer    'check_in' due 2026-12-04T09:00:00Z"));
  CHECK_THAT(first.out, Catch::Contains("case     new → acknowledged"));
  CHECK_THAT(first.out, Catch::Contains("1 timers set"));
  CHECK_THAT(first.out, !Catch::Contains("timers fired"));
  auto after_first = actions(dir + "/actions.jsonl");
  REQUIRE(after_first.size() == 1);  // the connector never sees the follow_up
  CHECK(after_first[0].at("action") == "reply_public");
  {
    auto store = parley::host::SqliteStore::open(dir + "/timers-brand.db");
    const auto timers = store->timers();
    REQUIRE(timers.size() == 1);
    CHECK_FALSE(timers[0].fired);
    CHECK_THAT(timers[0].case_key, Catch::EndsWith("/u-anna/post-1"));
    CHECK(store->load_case(timers[0].case_key).status == "acknowledged");
    CHECK(store->load_case(timers[0].case_key).open_timers == 1);
  }

  // Three days later the timer event comes; the check-in rule answers it.
  const auto second = run_parley({"run", pipeline, "--state", dir, "--now", "2026-12-04T10:00:00Z"});
  INFO(second.out << second.err);
  REQUIRE(second.exit_code == 0);
  CHECK_THAT(second.out, Catch::Contains("0 events handled, 2 already handled earlier"));
  CHECK_THAT(second.out, Catch::Contains("timer:timers-brand/t-1/ack/follow_up  @anna  timer 'check_in' set by rule "
                                         "ack at 2026-12-01T09:00:00Z, due 2026-12-04T09:00:00Z"));
  CHECK_THAT(second.out, Catch::Contains("case     acknowledged → followed_up"));
  CHECK_THAT(second.out, Catch::Contains("1 timers fired"));
  const auto after_second = actions(dir + "/actions.jsonl");
  REQUIRE(after_second.size() == 2);
  CHECK(after_second[1].at("action") == "reply_private");
  CHECK(after_second[1].at("rule") == "check-in");
  CHECK(after_second[1].at("target_event_id") == "t-1");  // the original comment, not the timer
  CHECK(after_second[1].at("text") == "Hi anna, is everything fine with your order now?");

  // Nothing more, however often it runs.
  const auto third = run_parley({"run", pipeline, "--state", dir});
  INFO(third.out << third.err);
  REQUIRE(third.exit_code == 0);
  CHECK_THAT(third.out, !Catch::Contains("timers fired"));
  CHECK(actions(dir + "/actions.jsonl").size() == 2);

  auto store = parley::host::SqliteStore::open(dir + "/timers-brand.db");
  const auto timers = store->timers();
  REQUIRE(timers.size() == 1);
  CHECK(timers[0].fired);
  const auto transitions = store->transitions();
  REQUIRE(transitions.size() == 2);
  CHECK(transitions[1].from == "acknowledged");
  CHECK(transitions[1].to == "followed_up");
  CHECK(transitions[1].event_id == "timer:timers-brand/t-1/ack/follow_up");
  CHECK(transitions[1].rule_id == "check-in");
  bool audited = false;
  for (const auto& record : store->audit()) {
    const auto json = nlohmann::json::parse(record.record_json);
    if (!json.contains("timer")) continue;
    CHECK(json.at("case_status_after") == "followed_up");
    CHECK(json.at("timer").at("metadata").at("thread.replies_since") == "1");  // Bob, an hour later
    audited = true;
  }
  CHECK(audited);
}

TEST_CASE("a dry run fires a timer its own events make due, and leaves no timer behind") {
  const auto dir = fresh_dir("timers-dry");
  const auto pipeline = write_timer_pipeline(
      dir, kAnna + R"({"id":"t-3","author":"u-carl","text":"hello","created_at":"2026-12-05T09:00:00Z"})" + "\n");
  const auto dry = run_parley({"run", pipeline, "--state", dir, "--dry-run"});
  INFO(dry.out << dry.err);
  REQUIRE(dry.exit_code == 0);
  CHECK_THAT(dry.out, Catch::Contains("1 timers set") && Catch::Contains("1 timers fired"));
  CHECK_THAT(dry.out, Catch::Contains("reply_private    dry-run  check-in"));
  CHECK(read_file(dir + "/actions.jsonl").empty());
  CHECK(parley::host::SqliteStore::open(dir + "/timers-brand.db")->timers().empty());
}

TEST_CASE("a bad --now or engine.clock is refused with what is allowed") {
  const auto dir = fresh_dir("timers-bad");
  const auto pipeline = write_timer_pipeline(dir, kAnna);
  const auto bad_now = run_parley({"run", pipeline, "--state", dir, "--now", "next tuesday"});
  CHECK(bad_now.exit_code == 2);
  CHECK_THAT(bad_now.err,
             Catch::Contains("--now 'next tuesday' is not a time") && Catch::Contains("2026-12-04T10:00:00Z"));

  auto yaml = read_file(pipeline);
  yaml.replace(yaml.find("clock: events"), 13, "clock: event");
  write_file(pipeline, yaml);
  const auto check = run_parley({"check", pipeline});
  INFO(check.err);
  CHECK(check.exit_code == 2);
  CHECK_THAT(check.err, Catch::Contains("pipeline.yaml:21:") && Catch::Contains("engine.clock") &&
                            Catch::Contains("'wall'") && Catch::Contains("'events'"));
  CHECK(run_parley({"run", pipeline, "--state", dir}).exit_code == 2);
}

}  // namespace timers_test
