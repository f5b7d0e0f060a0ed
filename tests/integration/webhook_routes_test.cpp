// The webhook connector end to end: a live `parley run` receives a signed
// delivery on its webhook route (connector 'site'), the rules escalate it,
// and `routes:` sends the escalation to a Slack-format webhook connector
// ('team') pointed at a fake Slack on 127.0.0.1. The test checks the exact
// message Slack received, that the same delivery again posts nothing, and
// that a bad signature is refused.
#include <catch2/catch.hpp>
#include <ctime>
#include <nlohmann/json.hpp>

#include "fake_http_server.hpp"
#include "http_test_client.hpp"
#include "live_run.hpp"
#include "openssl_hmac.hpp"
#include "pipeline_yaml.hpp"

using namespace parley::testing;
using parley::test::CannedResponse;
using parley::test::FakeHttpServer;
using parley::test::hmac_sha256_hex;
using parley::test::http_request;
using parley::test::RecordedRequest;

// A named namespace, so that helpers of different test files can share one
// unity-build translation unit.
namespace webhook_routes_test {

constexpr const char* kInboundSecret = "e2e-inbound-secret-19";
constexpr const char* kSlackPath = "/services/T0E2E/B0E2E/slackSecretPart";

std::vector<parley::HttpHeader> signed_headers(const std::string& body, const std::string& secret) {
  const auto now_s = std::to_string(std::time(nullptr));
  return {{"Content-Type", "application/json"},
          {"X-Parley-Timestamp", now_s},
          {"X-Parley-Signature", "sha256=" + hmac_sha256_hex(secret, now_s + "." + body)}};
}

std::string write_pipeline(const std::string& dir, const std::string& slack_url) {
  write_file(dir + "/inbound-secret.txt", kInboundSecret);
  write_file(dir + "/slack-url.txt", slack_url);
  PipelineYaml yaml("hooked");
  yaml.connectors = R"(
- id: site
  plugin: webhook
  config:
    inbound:
      secret: ${file:inbound-secret.txt}
- id: team
  plugin: webhook
  actions_only: true
  config:
    outbound:
      url: ${file:slack-url.txt}
      format: slack
      kinds: [escalate, notify]
)";
  yaml.responders = rules_responder(R"(
- id: lawyer
  when: "event.text contains 'lawyer'"
  then: [{ action: escalate, params: { department: legal } }]
  reason: "P12: legal threats go to legal"
)");
  yaml.rest = "routes:\n  escalate: team\n";
  return yaml.write(dir);
}

TEST_CASE("webhook: a signed delivery's escalation reaches a Slack channel through routes") {
  FakeHttpServer slack([](const RecordedRequest&) {
    return CannedResponse{200, {{"Content-Type", "text/html"}}, "ok", {}};
  });
  const auto dir = fresh_dir("webhook-slack");
  const auto pipeline = write_pipeline(dir, slack.base_url() + kSlackPath);
  LiveRun run(dir, pipeline);

  const std::string body = R"({"id":"w-1","text":"I will call my lawyer","author":{"id":"u-anna","name":"Anna P."},)"
                           R"("url":"https://shop.example/c/w-1","metadata":{"author.email":"anna@example.com"}})";
  const auto route = "/webhooks/hooked/site";
  auto reply = http_request(run.port, "POST", route, signed_headers(body, kInboundSecret), body);
  CHECK(reply.status == 200);
  REQUIRE(eventually([&] { return slack.requests().size() == 1; }));

  const auto request = slack.requests().at(0);
  CHECK(request.method == "POST");
  CHECK(request.target == kSlackPath);
  CHECK(request.header("Content-Type") == "application/json");
  CHECK_FALSE(request.header("X-Parley-Signature"));
  const auto message = nlohmann::json::parse(request.body);
  CHECK(message == nlohmann::json{{"text",
                                   "*Escalated to legal* (rule `lawyer`)\n"
                                   "Why: P12: legal threats go to legal\n"
                                   "Department: legal\n"
                                   "From: Anna P. (u-anna) on site, anna@example.com\n"
                                   "> I will call my lawyer\n"
                                   "<https://shop.example/c/w-1|Open on the platform>"}});

  // The same delivery again is stored once: nothing more reaches Slack.
  reply = http_request(run.port, "POST", route, signed_headers(body, kInboundSecret), body);
  CHECK(reply.status == 200);
  // A forged one is refused before anything is stored.
  reply = http_request(run.port, "POST", route, signed_headers(body, "forged"), body);
  CHECK(reply.status == 401);
  std::this_thread::sleep_for(std::chrono::milliseconds(500));
  CHECK(slack.requests().size() == 1);
  CHECK(run.stop() == 0);
  // The Slack URL is a credential: never in the log.
  CHECK_THAT(read_file(dir + "/err") + read_file(dir + "/out"), !Catch::Contains("slackSecretPart"));
}

}  // namespace webhook_routes_test
