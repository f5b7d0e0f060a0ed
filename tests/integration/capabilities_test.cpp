// A connector that cannot do everything (replay emulating Instagram, which
// has no ban): `parley check` and `parley run` refuse a pipeline that may ask
// for a ban unless it names a fallback, and a run applies the fallback.
#include <catch2/catch.hpp>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>

#include "parley_process.hpp"
#include "pipeline_yaml.hpp"

using namespace parley::testing;

// A named namespace, so that helpers of different test files can share one
// unity-build translation unit.
namespace capabilities_test {

const std::string fixtures = PARLEY_FIXTURES;

/// A pipeline in `dir` on a replay "platform" without ban; `fallbacks` is
/// added to the connector entry.
std::string write_limited_pipeline(const std::string& dir, const std::string& fallbacks) {
  write_file(dir + "/events.jsonl", read_file(fixtures + "/events.jsonl"));
  PipelineYaml yaml("ig-brand");
  yaml.connectors = R"(
- id: ig
  plugin: replay
  config:
    input: events.jsonl
    output: actions.jsonl
    supported_actions: [reply_public, reply_private, hide]
)" + fallbacks;
  yaml.responders = rules_responder(R"(
- id: late-ack
  when: "event.text contains 'late'"
  then: reply_public
  text: "Sorry {{author}}, we are checking your order now."
  reason: "P2: acknowledge publicly and fast"
- id: spam-ban
  when: "event.text contains 'followers'"
  then: [ban, label]
  text: "Selling followers is not welcome here."
  reason: "P8: ban spammers"
)");
  yaml.policy = "ban: { after_warnings: 0 }\n";
  return yaml.write(dir);
}

TEST_CASE("check refuses a pipeline that may ask a connector for a kind it cannot do") {
  const auto dir = fresh_dir("no-ban");
  const auto pipeline = write_limited_pipeline(dir, "");
  const auto result = run_parley({"check", pipeline});
  INFO(result.err);
  CHECK(result.exit_code == 2);
  CHECK_THAT(result.err, Catch::Contains(pipeline + ":3:5: error: key 'connectors[0]': connector 'ig' (plugin "
                                                    "replay) cannot ban, which responder 'rules' (plugin rules) may "
                                                    "propose"));
  CHECK_THAT(result.err, Catch::Contains("fallbacks: {ban: [...]}") && Catch::Contains("policy.never"));
  CHECK_THAT(result.err, !Catch::Contains("cannot label"));  // the host records labels itself

  // `parley run` checks the same at start-up and runs nothing.
  const auto run = run_parley({"run", pipeline, "--state", dir});
  CHECK(run.exit_code == 2);
  CHECK_THAT(run.err, Catch::Contains("cannot ban"));
  CHECK_FALSE(std::filesystem::exists(dir + "/ig-brand.db"));
}

TEST_CASE("check refuses a fallback the connector cannot do either") {
  const auto dir = fresh_dir("bad-fallback");
  const auto pipeline = write_limited_pipeline(dir, "  fallbacks:\n    ban: [hide, delete]\n");
  const auto result = run_parley({"check", pipeline});
  INFO(result.err);
  CHECK(result.exit_code == 2);
  CHECK_THAT(result.err, Catch::Contains(pipeline + ":10:12") &&
                             Catch::Contains("connector 'ig' (plugin replay) cannot delete either"));
}

TEST_CASE("with a fallback, check passes and a run does the fallback instead, audited") {
  const auto dir = fresh_dir("ban-fallback");
  const auto pipeline = write_limited_pipeline(dir, "  fallbacks:\n    ban: [hide, reply_private]\n");
  const auto check = run_parley({"check", pipeline});
  INFO(check.err);
  CHECK(check.exit_code == 0);
  CHECK_THAT(check.out, Catch::Contains("pipeline.yaml: ok"));

  const auto dry = run_parley({"run", pipeline, "--state", dir, "--dry-run"});
  INFO(dry.err);
  CHECK(dry.exit_code == 0);
  CHECK_THAT(dry.out, Catch::Contains("FALLBACK") &&
                          Catch::Contains("spam-ban: connector 'ig' cannot ban; instead: hide, reply_private"));
  CHECK_THAT(dry.out, !Catch::Contains("BLOCKED"));

  const auto run = run_parley({"run", pipeline, "--state", dir});
  INFO(run.err);
  CHECK(run.exit_code == 0);
  std::map<std::string, nlohmann::json> actions;
  for (const auto& line : lines_of(read_file(dir + "/actions.jsonl"))) {
    auto action = nlohmann::json::parse(line);
    actions[action.at("key")] = action;
  }
  REQUIRE(actions.count("ig-brand/it-2/spam-ban/ban>hide") == 1);
  REQUIRE(actions.count("ig-brand/it-2/spam-ban/ban>reply_private") == 1);
  CHECK(actions.at("ig-brand/it-2/spam-ban/ban>hide").at("params").at("fallback_for") == "ban");
  CHECK(actions.at("ig-brand/it-2/spam-ban/ban>reply_private").at("text") == "Selling followers is not welcome here.");
  for (const auto& [key, action] : actions) {
    CHECK(action.at("action") != "ban");
    CHECK(action.at("action") != "label");  // done by the host: this platform does not list it
  }
}

}  // namespace capabilities_test
