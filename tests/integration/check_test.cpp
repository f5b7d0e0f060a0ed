// parley check on broken pipelines: exit 2, every error with file:line:col.
#include <catch2/catch.hpp>

#include "parley_process.hpp"

using namespace parley::testing;

// A named namespace, so that helpers of different test files can share one
// unity-build translation unit.
namespace check_test {

const std::string fixtures = PARLEY_FIXTURES;

TEST_CASE("check accepts a valid pipeline") {
  const auto result = run_parley({"check", fixtures + "/guarded.yaml"});
  INFO(result.err);
  CHECK(result.exit_code == 0);
  CHECK_THAT(result.out, Catch::Contains("guarded.yaml: ok"));
}

TEST_CASE("check reports bad indentation with its position") {
  const auto file = fixtures + "/broken/bad-indentation.yaml";
  const auto result = run_parley({"check", file});
  CHECK(result.exit_code == 2);
  CHECK_THAT(result.err, Catch::Contains(file + ":6:"));
}

TEST_CASE("check reports every mistake of a file, each with file:line:col") {
  const auto file = fixtures + "/broken/mistakes.yaml";
  const auto result = run_parley({"check", file});
  INFO(result.err);
  CHECK(result.exit_code == 2);
  CHECK_THAT(result.err,
             Catch::Contains(file + ":12:1") && Catch::Contains("polcy") && Catch::Contains("did you mean 'policy'?"));
  CHECK_THAT(result.err, Catch::Contains(file + ":15:12") && Catch::Contains("engine.workers"));
}

TEST_CASE("check names an unknown plugin and the nearest known one") {
  // Structure errors come first; a file with only a plugin typo reaches the plugin check.
  const auto dir = fresh_dir("unknown-plugin");
  write_file(dir + "/events.jsonl", read_file(fixtures + "/events.jsonl"));
  write_file(dir + "/pipeline.yaml",
             "client: typo-brand\nconnectors:\n  - plugin: replay\n    config: { input: events.jsonl }\n"
             "classifiers:\n  - plugin: keywrds\n");
  const auto result = run_parley({"check", dir + "/pipeline.yaml"});
  INFO(result.err);
  CHECK(result.exit_code == 2);
  CHECK_THAT(result.err, Catch::Contains(dir + "/pipeline.yaml:6:5") && Catch::Contains("unknown plugin 'keywrds'") &&
                             Catch::Contains("did you mean 'keywords'?"));
}

TEST_CASE("check validates each plugin's own config") {
  const auto file = fixtures + "/broken/bad-plugin-config.yaml";
  const auto result = run_parley({"check", file});
  INFO(result.err);
  CHECK(result.exit_code == 2);
  CHECK_THAT(result.err,
             Catch::Contains(file + ":6:13") && Catch::Contains("sped") && Catch::Contains("did you mean 'speed'?"));
}

TEST_CASE("check reports a plugin's own refusal of its config") {
  const auto dir = fresh_dir("bad-rule");
  write_file(dir + "/events.jsonl", read_file(fixtures + "/events.jsonl"));
  write_file(dir + "/pipeline.yaml",
             "client: rule-brand\nconnectors:\n  - plugin: replay\n    config: { input: events.jsonl }\n"
             "responders:\n  - plugin: rules\n    config:\n      rules:\n        - id: oops\n"
             "          when: \"toxicity.insult >= \"\n          then: warn\n          reason: x\n");
  const auto result = run_parley({"check", dir + "/pipeline.yaml"});
  INFO(result.err);
  CHECK(result.exit_code == 2);
  CHECK_THAT(result.err, Catch::Contains("pipeline.yaml:6:5") && Catch::Contains("oops"));
}

TEST_CASE("a secret never appears in an error") {
  const auto dir = fresh_dir("secret");
  write_file(dir + "/events.jsonl", read_file(fixtures + "/events.jsonl"));
  write_file(dir + "/pipeline.yaml",
             "client: secret-brand\nconnectors:\n  - plugin: replay\n"
             "    config: { input: events.jsonl, max_gap_ms: \"${env:PARLEY_TEST_TOKEN}\" }\n");
  const auto result = run_parley({"check", dir + "/pipeline.yaml"}, {"PARLEY_TEST_TOKEN=hunter2-very-secret"});
  INFO(result.err);
  CHECK(result.exit_code == 2);
  CHECK_THAT(result.err, Catch::Contains("max_gap_ms"));
  CHECK_THAT(result.err, !Catch::Contains("hunter2"));
}

TEST_CASE("every command has --help and bad usage exits 2") {
  for (const char* command : {"run", "check", "plugins", "classify"}) {
    const auto result = run_parley({command, "--help"});
    INFO(command);
    CHECK(result.exit_code == 0);
    CHECK_THAT(result.out, Catch::Contains(std::string("parley ") + command));
  }
  CHECK(run_parley({"--help"}).exit_code == 0);
  CHECK(run_parley({"frobnicate"}).exit_code == 2);
  CHECK(run_parley({"run"}).exit_code == 2);
  CHECK(run_parley({"run", fixtures + "/guarded.yaml", "--no-such-flag"}).exit_code == 2);
}

}  // namespace check_test
