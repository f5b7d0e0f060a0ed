// parley dead-letters on the real binary: an event a plugin failed on is
// requeued and handled by the next run once the plugin is fixed; an action
// the platform refused on every attempt is executed again, once, when the
// platform is back; inputs Parley cannot re-read are discarded with a note.
#include <catch2/catch.hpp>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "parley_process.hpp"
#include "pipeline_yaml.hpp"
#include "store/sqlite_store.hpp"

using namespace parley::testing;

// A named namespace, so that helpers of different test files can share one
// unity-build translation unit.
namespace dead_letters_test {

const std::string fixtures = PARLEY_FIXTURES;

/// The replay pipeline of run_test.cpp: `trigger` makes the throwing classifier fail.
std::string write_throwing_pipeline(const std::string& dir, const std::string& trigger) {
  PipelineYaml yaml("test-brand");
  yaml.connectors = replay_connector();
  yaml.classifiers = "- plugin: throwing\n  config: { trigger: " + trigger + " }\n";
  yaml.responders = rules_responder(R"(
- id: ack
  when: "event.text contains 'boom'"
  then: [reply_public]
  text: "Sorry {{author}}"
  reason: "P4: acknowledge"
)");
  return yaml.write(dir);
}

ProcessResult dead_letters(const std::vector<std::string>& arguments, const std::string& dir) {
  std::vector<std::string> full = {"dead-letters"};
  full.insert(full.end(), arguments.begin(), arguments.end());
  for (const auto* extra : {"--state", dir.c_str(), "--plugin-path", PARLEY_TEST_PLUGIN_DIR}) full.emplace_back(extra);
  return run_parley(full);
}

TEST_CASE("dead-letters: a failed event is requeued by retry and handled by the next run once the plugin is fixed") {
  const auto dir = fresh_dir("dead-letters-requeue");
  write_file(dir + "/events.jsonl", read_file(fixtures + "/events.jsonl"));
  const auto pipeline = write_throwing_pipeline(dir, "boom");
  const auto first = run_parley({"run", pipeline, "--state", dir, "--plugin-path", PARLEY_TEST_PLUGIN_DIR});
  INFO(first.out << first.err);
  REQUIRE(first.exit_code == 1);

  const auto listed = dead_letters({"list", pipeline}, dir);
  INFO(listed.out << listed.err);
  CHECK(listed.exit_code == 0);
  CHECK_THAT(listed.out, Catch::Contains("#1") && Catch::Contains("classify") && Catch::Contains("throwing") &&
                             Catch::Contains("event it-5") && Catch::Contains("exploded on purpose") &&
                             Catch::Contains("requeues the event for the next run"));
  CHECK_THAT(listed.out, Catch::Contains("1 open dead letter(s) of 1 recorded"));

  // Who retries is recorded: without --by it is refused, and nothing changes.
  const auto anonymous = dead_letters({"retry", pipeline, "1"}, dir);
  CHECK(anonymous.exit_code == 2);
  CHECK_THAT(anonymous.err, Catch::Contains("retry needs --by NAME"));

  const auto retried = dead_letters({"retry", pipeline, "1", "--by", "alice", "--note", "classifier fixed"}, dir);
  INFO(retried.out << retried.err);
  CHECK(retried.exit_code == 0);
  CHECK_THAT(retried.out, Catch::Contains("requeued") && Catch::Contains("it-5"));
  const auto again = dead_letters({"retry", pipeline, "1", "--by", "bob"}, dir);
  CHECK(again.exit_code == 1);
  CHECK_THAT(again.err, Catch::Contains("already requeued by alice"));

  // The fix: the classifier no longer throws on it-5. Only it-5 is new.
  write_throwing_pipeline(dir, "never-in-any-text");
  const auto second = run_parley({"run", pipeline, "--state", dir, "--plugin-path", PARLEY_TEST_PLUGIN_DIR});
  INFO(second.out << second.err);
  CHECK(second.exit_code == 0);
  CHECK_THAT(second.out, Catch::Contains("1 events handled") && Catch::Contains("0 dead letters"));
  const auto actions = lines_of(read_file(dir + "/actions.jsonl"));
  REQUIRE(actions.size() == 1);
  CHECK(nlohmann::json::parse(actions[0]).at("target_event_id") == "it-5");

  const auto all = dead_letters({"list", pipeline, "--all", "--json"}, dir);
  const auto json = nlohmann::json::parse(all.out);
  REQUIRE(json.size() == 1);
  CHECK(json[0].at("status") == "requeued");
  CHECK(json[0].at("resolved_by") == "alice");
  CHECK(json[0].at("resolution_note") == "classifier fixed");
  CHECK_THAT(dead_letters({"list", pipeline}, dir).out, Catch::Contains("0 open dead letter(s) of 1 recorded"));
}

TEST_CASE("dead-letters: an action that failed on every attempt is executed again, once, when the platform is back") {
  const auto dir = fresh_dir("dead-letters-execute");
  PipelineYaml yaml("gated-brand");
  yaml.connectors = "- id: gated\n  plugin: gated\n  config: { events: 1, gate: platform-up, output: executed.txt }\n";
  yaml.responders = rules_responder(R"(
- id: ack
  when: "event.text contains 'late'"
  then: [reply_public]
  text: "Sorry, we are on it"
  reason: "P2: acknowledge"
)");
  yaml.rest = "engine: { max_attempts: 2, retry_backoff_ms: 1 }\n";
  const auto pipeline = yaml.write(dir);
  const auto run = run_parley({"run", pipeline, "--state", dir, "--plugin-path", PARLEY_TEST_PLUGIN_DIR});
  INFO(run.out << run.err);
  REQUIRE(run.exit_code == 1);
  CHECK_FALSE(std::filesystem::exists(dir + "/executed.txt"));

  const auto shown = dead_letters({"show", pipeline, "1"}, dir);
  INFO(shown.out << shown.err);
  CHECK(shown.exit_code == 0);
  CHECK_THAT(shown.out, Catch::Contains("execute") && Catch::Contains("platform down (HTTP 503)") &&
                            Catch::Contains("retry executes the action again now"));

  // Still down: the retry fails, and a new letter records it.
  const auto still_down = dead_letters({"retry", pipeline, "1", "--by", "alice"}, dir);
  INFO(still_down.out << still_down.err);
  CHECK(still_down.exit_code == 1);
  CHECK_THAT(still_down.out, Catch::Contains("FAILED again"));
  CHECK_THAT(dead_letters({"list", pipeline}, dir).out, Catch::Contains("#2") && Catch::Contains("1 open"));

  write_file(dir + "/platform-up", "");
  const auto back = dead_letters({"retry", pipeline, "2", "--by", "alice", "--note", "platform back"}, dir);
  INFO(back.out << back.err);
  CHECK(back.exit_code == 0);
  CHECK_THAT(back.out, Catch::Contains("executed by connector 'gated': done"));
  const auto executed = lines_of(read_file(dir + "/executed.txt"));
  REQUIRE(executed.size() == 1);
  // The connector is told the action may have run before, so it can check first.
  CHECK_THAT(executed[0], Catch::StartsWith("reply_public ") && Catch::EndsWith(" retry"));

  // Done: a third retry is refused, and the outbox shows the action done.
  CHECK(dead_letters({"retry", pipeline, "2", "--by", "bob"}, dir).exit_code == 1);
  auto store = parley::host::SqliteStore::open(dir + "/gated-brand.db");
  CHECK(store->outbox(parley::host::OutboxStatus::done).size() == 1);
  CHECK(store->outbox(parley::host::OutboxStatus::failed).empty());
}

TEST_CASE("dead-letters: an unreadable input cannot be retried, and discard records who dealt with it and why") {
  const auto dir = fresh_dir("dead-letters-discard");
  write_file(dir + "/events.jsonl", "{not json\n");
  const auto pipeline = write_throwing_pipeline(dir, "boom");
  REQUIRE(run_parley({"run", pipeline, "--state", dir, "--plugin-path", PARLEY_TEST_PLUGIN_DIR}).exit_code == 1);

  const auto retry = dead_letters({"retry", pipeline, "1", "--by", "alice"}, dir);
  CHECK(retry.exit_code == 1);
  CHECK_THAT(retry.err, Catch::Contains("could not read this input") && Catch::Contains("discard"));

  CHECK(dead_letters({"discard", pipeline, "1", "--by", "alice"}, dir).exit_code == 2);  // needs --note
  const auto discarded =
      dead_letters({"discard", pipeline, "1", "--by", "alice", "--note", "asked the exporter to fix line 1"}, dir);
  INFO(discarded.out << discarded.err);
  CHECK(discarded.exit_code == 0);
  const auto shown = dead_letters({"show", pipeline, "1", "--json"}, dir);
  const auto json = nlohmann::json::parse(shown.out);
  CHECK(json.at("status") == "discarded");
  CHECK(json.at("resolution_note") == "asked the exporter to fix line 1");
  CHECK(json.at("raw") == "{not json");

  const auto missing = dead_letters({"show", pipeline, "9"}, dir);
  CHECK(missing.exit_code == 1);
  CHECK_THAT(missing.err, Catch::Contains("no dead letter #9"));
}

}  // namespace dead_letters_test
