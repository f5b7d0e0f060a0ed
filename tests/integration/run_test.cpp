// parley run: the guard, dead letters, exactly-once across re-runs and SIGKILL.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <map>
#include <nlohmann/json.hpp>
#include <thread>

#include "parley_process.hpp"
#include "pipeline_yaml.hpp"
#include "store/sqlite_store.hpp"

using namespace parley::testing;

// A named namespace, so that helpers of different test files can share one
// unity-build translation unit.
namespace run_test {

const std::string fixtures = PARLEY_FIXTURES;

/// A pipeline in `dir` replaying `events` and writing actions to dir/actions.jsonl.
std::string write_pipeline(const std::string& dir, const std::string& events, const std::string& extra_replay = "",
                           const std::string& classifiers = "") {
  write_file(dir + "/events.jsonl", events);
  PipelineYaml yaml("test-brand");
  yaml.connectors = replay_connector(extra_replay);
  yaml.classifiers = classifiers;
  yaml.responders = rules_responder(R"(
- id: ack
  when: "event.text contains 'late'"
  then: [reply_public, reply_private]
  text: "Sorry {{author}}"
  reason: "P4: acknowledge, then private"
)");
  yaml.policy = "never: [delete]\n";
  yaml.rest = "engine: { workers: 2, batch_size: 4 }\n";
  return yaml.write(dir);
}

std::map<std::string, int> action_keys(const std::string& actions_file) {
  std::map<std::string, int> keys;
  for (const auto& line : lines_of(read_file(actions_file))) ++keys[nlohmann::json::parse(line).at("key")];
  return keys;
}

TEST_CASE("never: [delete] holds when a rule asks for delete, and the audit log shows it") {
  const auto state = fresh_dir("guarded-state");
  const auto result = run_parley({"run", fixtures + "/guarded.yaml", "--state", state});
  INFO(result.err);
  CHECK(result.exit_code == 0);
  CHECK_THAT(result.out, Catch::Contains("BLOCKED") && Catch::Contains("policy.never forbids delete"));
  CHECK_THAT(result.out, Catch::Contains("PARKED") && Catch::Contains("policy.require_approval lists hide"));
  CHECK_THAT(result.out, Catch::Contains("ban refused"));

  auto store = parley::host::SqliteStore::open(state + "/guarded-brand.db");
  const auto blocked = store->outbox(parley::host::OutboxStatus::blocked);
  int deletes = 0;
  for (const auto& entry : blocked) deletes += entry.action.kind == parley::ActionKind::delete_event;
  CHECK(deletes == 2);
  bool audit_shows_block = false;
  for (const auto& record : store->audit()) {
    const auto json = nlohmann::json::parse(record.record_json);
    for (const auto& decision : json.at("decisions")) {
      if (decision.at("kind") == "delete") {
        CHECK(decision.at("verdict") == "blocked");
        CHECK(decision.at("guard_reason") == "policy.never forbids delete");
        audit_shows_block = true;
      }
    }
  }
  CHECK(audit_shows_block);
  CHECK(store->outbox(parley::host::OutboxStatus::pending_approval).size() == 2);
}

TEST_CASE("a plugin that throws on every event: the others finish, the failing ones are dead letters") {
  const auto dir = fresh_dir("throwing");
  const auto pipeline = write_pipeline(dir, read_file(fixtures + "/events.jsonl"), "",
                                       "- plugin: throwing\n  config: { trigger: boom }\n");
  const auto result = run_parley({"run", pipeline, "--state", dir, "--plugin-path", PARLEY_TEST_PLUGIN_DIR});
  INFO(result.out << result.err);
  CHECK(result.exit_code == 1);  // some of the work failed
  CHECK_THAT(result.out, Catch::Contains("8 events handled") && Catch::Contains("1 dead letters"));
  CHECK_THAT(result.err, Catch::Contains("plugin 'throwing'") && Catch::Contains("it-5"));
  auto store = parley::host::SqliteStore::open(dir + "/test-brand.db");
  const auto letters = store->dead_letters();
  REQUIRE(letters.size() == 1);
  CHECK(letters[0].event_id == "it-5");
  CHECK(letters[0].plugin == "throwing");
  CHECK(letters[0].error == "exploded on purpose");
  CHECK(action_keys(dir + "/actions.jsonl").size() == 10);  // 5 late events x 2 actions
}

TEST_CASE("a malformed event line is dead-lettered with file and line, the rest runs") {
  const auto dir = fresh_dir("malformed");
  const auto pipeline = write_pipeline(dir,
                                       "{\"id\":\"a\",\"author\":\"u\",\"text\":\"late\"}\n{not json\n"
                                       "{\"id\":\"b\",\"author\":\"u2\",\"text\":\"late too\"}\n");
  const auto result = run_parley({"run", pipeline, "--state", dir});
  INFO(result.out << result.err);
  CHECK(result.exit_code == 1);
  CHECK_THAT(result.out, Catch::Contains("events.jsonl:2"));
  CHECK_THAT(result.out, Catch::Contains("2 events handled"));
  {
    auto store = parley::host::SqliteStore::open(dir + "/test-brand.db");
    REQUIRE(store->dead_letters().size() == 1);
    CHECK_THAT(store->dead_letters()[0].location, Catch::EndsWith("events.jsonl:2"));
  }
  // The same file again: nothing new, the bad line is not dead-lettered twice.
  const auto again = run_parley({"run", pipeline, "--state", dir});
  CHECK(again.exit_code == 0);
  CHECK_THAT(again.out, Catch::Contains("0 events handled") && Catch::Contains("0 dead letters"));
  CHECK(parley::host::SqliteStore::open(dir + "/test-brand.db")->dead_letters().size() == 1);
}

TEST_CASE("running twice with the same state executes no action twice") {
  const auto dir = fresh_dir("twice");
  const auto pipeline = write_pipeline(dir, read_file(fixtures + "/events.jsonl"));
  const auto first = run_parley({"run", pipeline, "--state", dir});
  INFO(first.err);
  CHECK(first.exit_code == 0);
  const auto keys_after_first = action_keys(dir + "/actions.jsonl");
  CHECK(keys_after_first.size() == 10);
  const auto second = run_parley({"run", pipeline, "--state", dir});
  CHECK(second.exit_code == 0);
  CHECK_THAT(second.out, Catch::Contains("0 events handled, 8 already handled earlier"));
  CHECK(action_keys(dir + "/actions.jsonl") == keys_after_first);
}

TEST_CASE("the run says how many workers it uses and why") {
  const auto dir = fresh_dir("workers");
  const auto configured = write_pipeline(dir, read_file(fixtures + "/events.jsonl"));
  CHECK_THAT(run_parley({"run", configured, "--state", dir}).err,
             Catch::Contains("engine: 2 workers (engine.workers), batches of 4"));
  // `workers: 0` (the default): one per core, less one for the thread that
  // commits to the state file; a dry run has no such thread.
  const auto default_dir = fresh_dir("workers-default");
  write_file(default_dir + "/events.jsonl", read_file(fixtures + "/events.jsonl"));
  PipelineYaml yaml("default-brand");
  yaml.connectors = replay_connector();
  yaml.responders = rules_responder(R"(
- id: ack
  when: "event.text contains 'late'"
  then: [reply_public]
  text: "Sorry"
  reason: "P4: acknowledge"
)");
  const auto defaults = yaml.write(default_dir);
  CHECK_THAT(run_parley({"run", defaults, "--state", default_dir}).err,
             Catch::Contains("(one per core, less one for the commit thread), batches of 256"));
  CHECK_THAT(run_parley({"run", defaults, "--dry-run"}).err, Catch::Contains("(one per core), batches of 256"));
}

TEST_CASE("a dry run executes nothing and leaves no state") {
  const auto dir = fresh_dir("dry");
  const auto pipeline = write_pipeline(dir, read_file(fixtures + "/events.jsonl"));
  const auto result = run_parley({"run", pipeline, "--state", dir, "--dry-run"});
  CHECK(result.exit_code == 0);
  CHECK_THAT(result.out, Catch::Contains("dry-run") && Catch::Contains("10 actions would run"));
  CHECK(read_file(dir + "/actions.jsonl").empty());
  const auto real = run_parley({"run", pipeline, "--state", dir});
  CHECK_THAT(real.out, Catch::Contains("8 events handled"));
}

TEST_CASE("SIGKILL mid-run loses no event and duplicates no action") {
  std::string events;
  for (int index = 0; index < 24; ++index) {
    events += R"({"id":"k-)" + std::to_string(index) + R"(","author":"u-)" + std::to_string(index % 5) +
              R"(","text":"late order )" + std::to_string(index) + R"(","created_at":)" +
              std::to_string(1700000000000 + index * 120) + "}\n";
  }
  const auto dir = fresh_dir("killed");
  const auto pipeline = write_pipeline(dir, events, ", speed: realtime");
  const pid_t pid = start_parley({"run", pipeline, "--state", dir}, dir);
  std::this_thread::sleep_for(std::chrono::milliseconds(1200));
  kill(pid, SIGKILL);
  int status = 0;
  waitpid(pid, &status, 0);
  const auto keys_before = action_keys(dir + "/actions.jsonl");
  INFO("actions before the kill: " << keys_before.size());
  CHECK(keys_before.size() < 48);  // it really was interrupted

  const auto rerun = run_parley({"run", pipeline, "--state", dir});
  INFO(rerun.out << rerun.err);
  CHECK(rerun.exit_code == 0);
  const auto keys = action_keys(dir + "/actions.jsonl");
  CHECK(keys.size() == 48);  // every event answered, publicly and privately
  for (const auto& [key, times] : keys) CHECK(times == 1);
  auto store = parley::host::SqliteStore::open(dir + "/test-brand.db");
  CHECK(store->outbox(parley::host::OutboxStatus::done).size() == 48);
  CHECK(store->audit().size() == 24);
}

TEST_CASE("several pipelines in one process keep separate state") {
  const auto first_dir = fresh_dir("multi-a");
  const auto second_dir = fresh_dir("multi-b");
  const auto first = write_pipeline(first_dir, read_file(fixtures + "/events.jsonl"));
  auto second = write_pipeline(second_dir, read_file(fixtures + "/events.jsonl"));
  // Same events, another client: its own database and its own actions.
  auto yaml = read_file(second);
  yaml.replace(yaml.find("test-brand"), 10, "other-brand");
  write_file(second, yaml);
  const auto state = fresh_dir("multi-state");
  const auto result = run_parley({"run", first, second, "--state", state});
  INFO(result.out << result.err);
  CHECK(result.exit_code == 0);
  CHECK_THAT(result.out, Catch::Contains("Pipeline test-brand") && Catch::Contains("Pipeline other-brand"));
  for (const auto* client : {"test-brand", "other-brand"}) {
    auto store = parley::host::SqliteStore::open(state + "/" + client + ".db");
    CHECK(store->audit().size() == 8);
  }
  CHECK(action_keys(first_dir + "/actions.jsonl").size() == 10);
  CHECK(action_keys(second_dir + "/actions.jsonl").size() == 10);
  // The same client twice would share a database: refused before anything runs.
  CHECK(run_parley({"run", first, first, "--state", state}).exit_code == 2);
}

TEST_CASE("persona sees the author's complaints and tier from earlier runs") {
  const auto dir = fresh_dir("persona-history");
  const auto state = fresh_dir("persona-history-state");
  const std::string classifiers =
      "- plugin: keywords\n"
      "  config: { labels: { intent.complaint: [late, опять, опоздал] }, match: prefix }\n"
      "- plugin: persona\n"
      "  config: { chronic_after: 3, high_roller_tiers: [gold] }\n";
  // Olga complains on three days; the CRM marks her gold on the second event.
  const std::string first_two =
      R"({"id":"p-1","author":"u-olga","text":"Заказ опоздал","created_at":"2026-11-02T09:00:00Z"})"
      "\n"
      R"({"id":"p-2","author":"u-olga","text":"Опять late!","created_at":"2026-11-09T09:00:00Z",)"
      R"("metadata":{"customer_tier":"gold"}})"
      "\n";
  const auto pipeline = write_pipeline(dir, first_two, "", classifiers);
  REQUIRE(run_parley({"run", pipeline, "--state", state}).exit_code == 0);
  // A later run, a later file: the history comes from the state database.
  write_file(dir + "/events.jsonl",
             first_two +
                 R"({"id":"p-3","author":"u-olga","text":"Опять опоздал","created_at":"2026-11-16T09:00:00Z"})" + "\n");
  const auto second = run_parley({"run", pipeline, "--state", state});
  INFO(second.err);
  REQUIRE(second.exit_code == 0);

  auto store = parley::host::SqliteStore::open(state + "/test-brand.db");
  std::map<std::string, nlohmann::json> audit;
  for (const auto& record : store->audit()) {
    auto json = nlohmann::json::parse(record.record_json);
    audit[json.at("event")] = json;
  }
  REQUIRE(audit.size() == 3);
  CHECK(audit["p-1"].at("labels").at("persona.chronic").get<double>() < 0.5);
  CHECK(audit["p-1"].at("labels").at("persona.high_roller").get<double>() < 0.5);
  CHECK(audit["p-2"].at("labels").at("persona.high_roller").get<double>() >= 0.9);
  CHECK(audit["p-3"].at("labels").at("persona.chronic").get<double>() >= 0.6);      // third complaint in 30 days
  CHECK(audit["p-3"].at("labels").at("persona.high_roller").get<double>() >= 0.9);  // the tier was kept
}

}  // namespace run_test
