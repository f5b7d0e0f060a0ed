// `identities:` on the real binary: one person on two replay connectors
// ("fb" and "ig"). A warning on one platform counts on the other, so the
// second insult there is a ban; a ban on one platform does not make the
// person "already banned" on the other; the same pipeline without the link
// only warns. The state file keeps it for the next run.
#include <catch2/catch.hpp>
#include <map>
#include <nlohmann/json.hpp>

#include "parley_process.hpp"
#include "pipeline_yaml.hpp"
#include "store/sqlite_store.hpp"

using namespace parley::testing;

// A named namespace, so that helpers of different test files can share one
// unity-build translation unit.
namespace identities_test {

/// Kind of each journaled action, by event id.
std::map<std::string, std::string> kinds_by_event(const std::string& journal_path) {
  std::map<std::string, std::string> kinds;
  for (const auto& line : lines_of(read_file(journal_path))) {
    const auto action = nlohmann::json::parse(line);
    kinds[action.at("target_event_id")] +=
        (kinds[action.at("target_event_id")].empty() ? "" : ",") + action.at("action").get<std::string>();
  }
  return kinds;
}

std::string write_linked_pipeline(const std::string& dir, const std::string& identities) {
  write_file(dir + "/fb.jsonl",
             R"({"id":"fb-1","author":"u-anna","text":"You idiot","created_at":"2026-11-02T09:00:00Z"})"
             "\n"
             R"({"id":"fb-2","author":"u-anna","text":"Idiot again","created_at":"2026-11-02T09:10:00Z"})"
             "\n");
  write_file(dir + "/ig.jsonl",
             R"({"id":"ig-1","author":"anna.k","text":"What an idiot","created_at":"2026-11-02T09:20:00Z"})"
             "\n"
             R"({"id":"ig-2","author":"bob","text":"idiot","created_at":"2026-11-02T09:30:00Z"})"
             "\n");
  PipelineYaml yaml("linked");
  yaml.connectors = R"(
- id: fb
  plugin: replay
  config: { input: fb.jsonl, output: fb-actions.jsonl }
- id: ig
  plugin: replay
  config: { input: ig.jsonl, output: ig-actions.jsonl }
)";
  yaml.classifiers = "- plugin: keywords\n  config: { labels: { toxicity.insult: [idiot] } }\n";
  yaml.responders = rules_responder(R"(
- id: abuse-ban
  when: "toxicity.insult >= 0.8 and case.warnings >= 1"
  then: ban
  reason: "P9: insults again after a warning"
- id: abuse-warn
  when: "toxicity.insult >= 0.8 and case.warnings < 1"
  then: warn
  text: "Please keep it civil, {{author}}."
  reason: "P8: warn first"
)");
  yaml.policy = "ban: { after_warnings: 1 }\n";
  yaml.rest = identities;
  return yaml.write(dir);
}

TEST_CASE("identities: a warning on one platform counts on the other, bans stay per platform") {
  const auto dir = fresh_dir("identities-linked");
  const auto pipeline = write_linked_pipeline(dir, "identities:\n  anna: [\"fb:u-anna\", \"ig:anna.k\"]\n");
  const auto run = run_parley({"run", pipeline, "--state", dir});
  INFO(run.out << run.err);
  REQUIRE(run.exit_code == 0);

  CHECK_THAT(run.out, Catch::Contains("ig-1  anna.k (person anna)  \"What an idiot\""));
  CHECK_THAT(run.out, Catch::Contains("ig-2  bob  \"idiot\""));
  const auto fb = kinds_by_event(dir + "/fb-actions.jsonl");
  const auto ig = kinds_by_event(dir + "/ig-actions.jsonl");
  CHECK(fb == std::map<std::string, std::string>{{"fb-1", "warn"}, {"fb-2", "ban"}});
  // Anna's warning on fb counts on ig; banned on fb, she is not banned on ig
  // yet, so the ban there is allowed. Bob is not linked: warned first.
  CHECK(ig == std::map<std::string, std::string>{{"ig-1", "ban"}, {"ig-2", "warn"}});

  {
    auto store = parley::host::SqliteStore::open(dir + "/linked.db");
    const auto anna = store->load_author("@person", "anna");
    CHECK(anna.events == 3);
    CHECK(anna.warnings == 1);
    CHECK(anna.banned_on == std::vector<std::string>{"fb:u-anna", "ig:anna.k"});
    const auto record = nlohmann::json::parse(store->audit_of_event("ig-1")->record_json);
    CHECK(record.at("person") == "anna");
    CHECK(record.at("author") == "anna.k");
    CHECK_FALSE(nlohmann::json::parse(store->audit_of_event("ig-2")->record_json).contains("person"));
  }

  // The next run starts from the stored person: banned on ig, a new ban there is refused.
  write_file(dir + "/ig.jsonl",
             R"({"id":"ig-3","author":"anna.k","text":"idiot!!","created_at":"2026-11-03T09:00:00Z"})"
             "\n");
  const auto again = run_parley({"run", pipeline, "--state", dir});
  INFO(again.out << again.err);
  REQUIRE(again.exit_code == 0);
  CHECK_THAT(again.out, Catch::Contains("already banned"));
  CHECK(kinds_by_event(dir + "/ig-actions.jsonl").count("ig-3") == 0);
}

TEST_CASE("identities: without the link each platform account has a history of its own") {
  const auto dir = fresh_dir("identities-unlinked");
  const auto run = run_parley({"run", write_linked_pipeline(dir, ""), "--state", dir});
  INFO(run.out << run.err);
  REQUIRE(run.exit_code == 0);
  CHECK(kinds_by_event(dir + "/ig-actions.jsonl") ==
        std::map<std::string, std::string>{{"ig-1", "warn"}, {"ig-2", "warn"}});
}

TEST_CASE("identities: check names an account of an unknown connector with file:line") {
  const auto dir = fresh_dir("identities-bad");
  const auto pipeline = write_linked_pipeline(dir, "identities:\n  anna: [\"fb:u-anna\", \"insta:anna.k\"]\n");
  const auto check = run_parley({"check", pipeline});
  INFO(check.err);
  CHECK(check.exit_code == 2);
  CHECK_THAT(check.err, Catch::Contains(pipeline + ":28:23: error: key 'identities.anna[1]': no connector 'insta' in "
                                                   "this pipeline"));
}

}  // namespace identities_test
