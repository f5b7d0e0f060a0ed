// `routes:` on the real binary: a pipeline with two replay connectors where
// escalate is routed from the shop (the event's connector) to the team
// connector, whose action journal shows it with the source event's context
// (parley.event.*); `parley check` reports a bad route with file:line and a
// route to a connector that cannot do the kind.
#include <catch2/catch.hpp>
#include <map>
#include <nlohmann/json.hpp>

#include "parley_process.hpp"
#include "pipeline_yaml.hpp"

using namespace parley::testing;

// A named namespace, so that helpers of different test files can share one
// unity-build translation unit.
namespace routes_test {

/// Actions by idempotency key from a replay journal.
std::map<std::string, nlohmann::json> journal(const std::string& path) {
  std::map<std::string, nlohmann::json> actions;
  for (const auto& line : lines_of(read_file(path))) {
    auto action = nlohmann::json::parse(line);
    actions[action.at("key")] = action;
  }
  return actions;
}

/// Shop events in, the team connector only carries escalations; `routes`
/// and `team_kinds` vary per test.
std::string write_routed_pipeline(const std::string& dir, const std::string& routes,
                                  const std::string& team_kinds = "[escalate, notify]") {
  write_file(dir + "/shop.jsonl",
             R"({"id":"r-1","author":{"id":"u-anna","handle":"anna","display_name":"Anna P."},)"
             R"("text":"My order is late and I will call my lawyer","url":"https://shop.example/c/r-1",)"
             R"("metadata":{"author.email":"anna@example.com"}})"
             "\n"
             R"({"id":"r-2","author":{"id":"u-bob"},"text":"Thanks, all good"})"
             "\n");
  write_file(dir + "/team.jsonl", "");
  PipelineYaml yaml("routed");
  yaml.connectors = R"(
- id: shop
  plugin: replay
  config:
    input: shop.jsonl
    output: shop-actions.jsonl
    supported_actions: [reply_public]
- id: team
  plugin: replay
  actions_only: true
  config:
    input: team.jsonl
    output: team-actions.jsonl
)";
  yaml.connectors += "    supported_actions: " + team_kinds + "\n";
  yaml.responders = rules_responder(R"(
- id: lawyer
  when: "event.text contains 'lawyer'"
  then:
    - reply_public
    - { action: escalate, params: { department: legal } }
  text: "Sorry {{author}}, a colleague will contact you."
  reason: "P12: legal threats go to legal"
)");
  yaml.rest = routes;
  return yaml.write(dir);
}

TEST_CASE("routes: escalate is carried out by the team connector, with the source event's context") {
  const auto dir = fresh_dir("routes-run");
  const auto pipeline = write_routed_pipeline(dir, "routes:\n  escalate: team\n");
  const auto check = run_parley({"check", pipeline});
  INFO(check.err);
  REQUIRE(check.exit_code == 0);

  const auto run = run_parley({"run", pipeline, "--state", dir});
  INFO(run.err);
  REQUIRE(run.exit_code == 0);
  CHECK_THAT(run.out, Catch::Contains("escalate -> team"));

  const auto shop = journal(dir + "/shop-actions.jsonl");
  const auto team = journal(dir + "/team-actions.jsonl");
  REQUIRE(shop.size() == 1);
  CHECK(shop.begin()->second.at("action") == "reply_public");
  CHECK_FALSE(shop.begin()->second.at("params").contains("parley.event.id"));  // not routed: nothing added
  REQUIRE(team.size() == 1);
  const auto& escalation = team.at("routed/r-1/lawyer/escalate");
  CHECK(escalation.at("action") == "escalate");
  const auto& params = escalation.at("params");
  CHECK(params.at("department") == "legal");
  CHECK(params.at("parley.event.connector") == "shop");
  CHECK(params.at("parley.event.id") == "r-1");
  CHECK(params.at("parley.event.text") == "My order is late and I will call my lawyer");
  CHECK(params.at("parley.event.author_id") == "u-anna");
  CHECK(params.at("parley.event.author_name") == "Anna P.");
  CHECK(params.at("parley.event.permalink") == "https://shop.example/c/r-1");
  CHECK(params.at("parley.event.email") == "anna@example.com");
}

TEST_CASE("routes: check reports an unknown kind and an unknown connector with file:line") {
  const auto dir = fresh_dir("routes-bad");
  const auto pipeline = write_routed_pipeline(dir, "routes:\n  escalat: team\n  notify: teem\n");
  const auto check = run_parley({"check", pipeline});
  INFO(check.err);
  CHECK(check.exit_code == 2);
  CHECK_THAT(check.err, Catch::Contains(pipeline + ":28:12: error: key 'routes.escalat': unknown action kind "
                                                   "'escalat'"));
  CHECK_THAT(check.err, Catch::Contains(pipeline + ":29:11: error: key 'routes.notify': no connector 'teem' in "
                                                   "this pipeline"));
  CHECK_THAT(check.err, Catch::Contains("team"));  // the suggestion
}

TEST_CASE("routes: check judges a routed kind by the route's connector") {
  const auto dir = fresh_dir("routes-cannot");
  const auto pipeline = write_routed_pipeline(dir, "routes:\n  escalate: team\n", "[notify]");
  const auto check = run_parley({"check", pipeline});
  INFO(check.err);
  CHECK(check.exit_code == 2);
  CHECK_THAT(check.err, Catch::Contains(pipeline + ":28:13: error: key 'routes.escalate': connector 'team' (plugin "
                                                   "replay) cannot escalate"));
  // Without the route the shop connector is asked, and cannot either.
  const auto unrouted = write_routed_pipeline(dir, "");
  const auto without = run_parley({"check", unrouted});
  CHECK(without.exit_code == 2);
  CHECK_THAT(without.err, Catch::Contains("connector 'shop' (plugin replay) cannot escalate"));
}

}  // namespace routes_test
