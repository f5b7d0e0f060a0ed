// The pipeline's `timezone` on the real binary: `parley check` refuses a
// misspelt zone at its line, and the playbook promises times in the zone the
// pipeline names (PluginContext::time_zone, API 1.5).
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "parley_process.hpp"

using namespace parley::testing;

// A named namespace, so that helpers of different test files can share one
// unity-build translation unit.
namespace time_zone_test {

std::string write_pipeline(const std::string& dir, const std::string& zone) {
  write_file(dir + "/pipeline.yaml", "client: zones\ntimezone: " + zone + R"(
connectors:
  - plugin: replay
    config: { input: events.jsonl, output: actions.jsonl }
classifiers:
  - plugin: keywords
    config:
      labels:
        intent.complaint: [late]
responders:
  - plugin: playbook
    config: { brand: Acme }
engine: { clock: events }
)");
  return dir + "/pipeline.yaml";
}

TEST_CASE("parley check names a misspelt time zone with its line and the nearest zone") {
  const auto dir = fresh_dir("time-zone-check");
  const auto result = run_parley({"check", write_pipeline(dir, "Asia/Tokio")});
  CHECK(result.exit_code == 2);
  CHECK_THAT(result.err, Catch::Contains("pipeline.yaml:2:11") && Catch::Contains("unknown time zone 'Asia/Tokio'") &&
                             Catch::Contains("did you mean 'Asia/Tokyo'"));
}

#ifdef PARLEY_BRAND_PLUGINS  // the playbook was built
TEST_CASE("the playbook promises its answer in the pipeline's local time") {
  const auto dir = fresh_dir("time-zone-run");
  const auto pipeline = write_pipeline(dir, "Asia/Tokyo");
  // 09:00 UTC is 18:00 in Tokyo; the full answer is promised 24 hours later.
  write_file(dir + "/events.jsonl",
             R"({"id":"c1","account":"acme","thread_id":"t1","author":{"id":"u1","display_name":"Anna"},)"
             R"("text":"my order is late","lang":"en","created_at":"2026-12-01T09:00:00Z"})"
             "\n");
  const auto run = run_parley({"run", pipeline, "--state", dir});
  INFO(run.out << run.err);
  REQUIRE(run.exit_code == 0);
  std::string acknowledgement;
  for (const auto& line : lines_of(read_file(dir + "/actions.jsonl"))) {
    const auto action = nlohmann::json::parse(line);
    if (action.at("action") == "reply_public") acknowledgement = action.at("text");
  }
  CHECK_THAT(acknowledgement, Catch::Contains("tomorrow by 18:00"));
}
#endif

}  // namespace time_zone_test
