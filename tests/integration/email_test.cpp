// The email connector in the real `parley`: found and described (password
// secret), accepted by `parley check` with its password from the
// environment, a bad field refused at its place in the file, and a run with
// it next to replay still ends (it gives no events and says so).
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "parley_process.hpp"
#include "pipeline_yaml.hpp"

using namespace parley::testing;

// A named namespace, so that helpers of different test files can share one
// unity-build translation unit.
namespace email_test {

constexpr const char* kPassword = "PARLEY_IT_SMTP_PASSWORD=it-smtp-secret-5150";

/// A pipeline in `dir`: replay events, a rule that escalates, and the email
/// connector with `smtp_url` (line 9 of the file, its value at column 15).
std::string write_pipeline(const std::string& dir, const std::string& smtp_url) {
  write_file(dir + "/events.jsonl", "{\"id\":\"e-1\",\"author\":\"u-1\",\"text\":\"I will sue you\"}\n");
  PipelineYaml yaml("mail-brand");
  yaml.connectors = replay_connector() + "- id: mail\n  plugin: email\n  config:\n";
  yaml.connectors += "    smtp_url: \"" + smtp_url + "\"\n";
  yaml.connectors += R"(    username: parley
    password: "${env:PARLEY_IT_SMTP_PASSWORD}"
    from: "Mail Brand <care@mail-brand.example>"
)";
  yaml.responders = rules_responder(R"(
- id: legal
  when: "event.text contains 'sue'"
  then: escalate
  reason: "legal threat"
)");
  return yaml.write(dir);
}

TEST_CASE("the email connector is listed, with its password marked secret") {
  const auto result = run_parley({"plugins", "--describe", "email", "--json"});
  REQUIRE(result.exit_code == 0);
  const auto plugin = nlohmann::json::parse(result.out).at("plugins").at(0);
  CHECK(plugin.at("kind") == "connector");
  bool password_secret = false;
  for (const auto& field : plugin.at("config_schema")) {
    if (field.at("name") == "password") password_secret = field.value("secret", false);
  }
  CHECK(password_secret);
}

TEST_CASE("check accepts the email connector and never shows its password") {
  const auto pipeline = write_pipeline(fresh_dir("email-ok"), "smtp://127.0.0.1:2525");
  const auto result = run_parley({"check", pipeline}, {kPassword});
  INFO(result.err);
  CHECK(result.exit_code == 0);
  CHECK_THAT(result.out + result.err, !Catch::Contains("it-smtp-secret-5150"));
}

TEST_CASE("check refuses a bad smtp_url where the file wrote it") {
  const auto pipeline = write_pipeline(fresh_dir("email-bad-url"), "http://mail.example.com");
  const auto result = run_parley({"check", pipeline}, {kPassword});
  INFO(result.err);
  CHECK(result.exit_code == 2);
  CHECK_THAT(result.err, Catch::Contains(pipeline + ":9:") && Catch::Contains("'smtp_url'"));
  CHECK_THAT(result.out + result.err, !Catch::Contains("it-smtp-secret-5150"));
}

TEST_CASE("a run with the email connector next to replay ends when replay does") {
  const auto dir = fresh_dir("email-run");
  const auto pipeline = write_pipeline(dir, "smtp://127.0.0.1:2525");
  const auto result = run_parley({"run", pipeline, "--state", dir}, {kPassword});
  INFO(result.err);
  CHECK(result.exit_code == 0);
  CHECK_THAT(read_file(dir + "/actions.jsonl"), Catch::Contains("escalate"));
}

}  // namespace email_test
