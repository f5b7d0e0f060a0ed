// Actions out, over a real socket to a FakeHttpServer: the exact request of
// both formats, and what each kind of answer means for the host.
#include <catch2/catch.hpp>

#include <atomic>
#include <nlohmann/json.hpp>

#include "webhook_fixture.hpp"

using namespace parley;
using namespace parley::test;
using Status = ActionResult::Status;
using nlohmann::json;

// A named namespace, so that helpers of different test files can share one
// unity-build translation unit.
namespace outbound_test {

Action escalation() {
  Action action;
  action.kind = ActionKind::escalate;
  action.target_event_id = "c-1001";
  action.target_author_id = "u-7";
  action.reason = "legal threat in a public comment";
  action.rule_id = "P12";
  action.idempotency_key = "acme/c-1001/P12/escalate";
  action.params = {{"department", "legal"},
                   {"contact", "legal@acme.example"},
                   {"parley.event.connector", "fb"},
                   {"parley.event.id", "c-1001"},
                   {"parley.event.text", "I will sue you <today> & tomorrow"},
                   {"parley.event.author_id", "u-7"},
                   {"parley.event.author_name", "Maria K."},
                   {"parley.event.permalink", "https://facebook.example/p/1?c=1001"}};
  return action;
}

/// Answers with the canned responses in order, then 200.
struct ScriptedServer {
  std::vector<CannedResponse> script;
  std::atomic<std::size_t> next{0};
  FakeHttpServer server{[this](const RecordedRequest&) {
    const auto index = next++;
    return index < script.size() ? script[index] : CannedResponse{200, {}, "{}", {}};
  }};
  explicit ScriptedServer(std::vector<CannedResponse> answers) : script(std::move(answers)) {}
};

TEST_CASE("format parley: a signed JSON POST with the action and an Idempotency-Key") {
  ScriptedServer fake({{201, {}, R"({"id": "ticket-88"})", {}}});
  WebhookFixture fixture;
  auto connector = fixture.connector(config_with(std::nullopt, outbound_section(fake.server.base_url() + "/parley")));

  const auto result = connector->execute(escalation());
  CHECK(result.status == Status::done);
  CHECK(result.platform_id == "ticket-88");

  const auto requests = fake.server.requests();
  REQUIRE(requests.size() == 1);
  const auto& request = requests[0];
  CHECK(request.method == "POST");
  CHECK(request.target == "/parley");
  CHECK(request.header("Content-Type") == "application/json");
  CHECK(request.header("Idempotency-Key") == "acme/c-1001/P12/escalate");
  const auto timestamp = request.header("X-Parley-Timestamp");
  REQUIRE(timestamp);
  CHECK(*timestamp == std::to_string(fixture.now_s()));
  // The receiver's check: HMAC over "<timestamp>.<body>" with the shared secret.
  CHECK(request.header("X-Parley-Signature") ==
        "sha256=" + hmac_sha256_hex(kOutboundSecret, *timestamp + "." + request.body));

  const auto body = json::parse(request.body);
  CHECK(body.at("idempotency_key") == "acme/c-1001/P12/escalate");
  CHECK(body.at("kind") == "escalate");
  CHECK(body.at("target_event_id") == "c-1001");
  CHECK(body.at("target_author_id") == "u-7");
  CHECK(body.at("text") == "");
  CHECK(body.at("reason") == "legal threat in a public comment");
  CHECK(body.at("rule_id") == "P12");
  CHECK(body.at("params").at("department") == "legal");
  CHECK(body.at("params").at("parley.event.author_name") == "Maria K.");
  CHECK(body.size() == 8);
  CHECK(fixture.http.sent.at(0).rate_limit_key == "webhook:acme/team");
  CHECK(fixture.http.sent.at(0).idempotent);

  // The same key again: done, nothing sent twice.
  CHECK(connector->execute(escalation()).status == Status::done);
  CHECK(fake.server.requests().size() == 1);
}

TEST_CASE("a 500 is retryable, and the retry succeeds") {
  ScriptedServer fake({{500, {}, "upstream down", {}}, {200, {}, "{}", {}}});
  WebhookFixture fixture;
  auto connector = fixture.connector(config_with(std::nullopt, outbound_section(fake.server.base_url() + "/hook")));
  const auto first = connector->execute(escalation());
  CHECK(first.status == Status::failed_retryable);
  CHECK(first.message == "webhook answered HTTP 500: upstream down");
  auto retry = escalation();
  retry.params["parley.retry"] = "1";
  CHECK(connector->execute(retry).status == Status::done);
  const auto requests = fake.server.requests();
  REQUIRE(requests.size() == 2);
  CHECK(requests[0].header("Idempotency-Key") == requests[1].header("Idempotency-Key"));
}

TEST_CASE("429 with Retry-After and 408 are retryable") {
  ScriptedServer fake({{429, {{"Retry-After", "30"}}, "slow down", {}}, {408, {}, "", {}}});
  WebhookFixture fixture;
  auto connector = fixture.connector(config_with(std::nullopt, outbound_section(fake.server.base_url() + "/hook")));
  const auto limited = connector->execute(escalation());
  CHECK(limited.status == Status::failed_retryable);
  CHECK(limited.message == "webhook answered HTTP 429: slow down (Retry-After 30)");
  CHECK(connector->execute(escalation()).status == Status::failed_retryable);
}

TEST_CASE("a 404 is permanent and quotes a short excerpt of the body") {
  ScriptedServer fake({{404, {}, std::string("no such hook ") + std::string(400, 'x'), {}}});
  WebhookFixture fixture;
  auto connector = fixture.connector(config_with(std::nullopt, outbound_section(fake.server.base_url() + "/hook")));
  const auto result = connector->execute(escalation());
  CHECK(result.status == Status::failed_permanent);
  CHECK_THAT(result.message, Catch::StartsWith("webhook refused the action: HTTP 404: no such hook xxx"));
  CHECK(result.message.size() < 260);
  CHECK_THAT(result.message, !Catch::Contains(kOutboundSecret));
}

TEST_CASE("format slack: one readable message, no signature headers") {
  ScriptedServer fake({{200, {{"Content-Type", "text/html"}}, "ok", {}}});
  WebhookFixture fixture;
  const auto url = fake.server.base_url() + "/services/T0001/B0001/s3cretPath";
  auto connector = fixture.connector(config_with(std::nullopt, outbound_section(url, "slack")));
  const auto result = connector->execute(escalation());
  CHECK(result.status == Status::done);
  CHECK(result.platform_id.empty());

  const auto requests = fake.server.requests();
  REQUIRE(requests.size() == 1);
  CHECK(requests[0].target == "/services/T0001/B0001/s3cretPath");
  CHECK(requests[0].header("Content-Type") == "application/json");
  CHECK_FALSE(requests[0].header("X-Parley-Signature"));
  CHECK_FALSE(requests[0].header("X-Parley-Timestamp"));
  CHECK_FALSE(requests[0].header("Idempotency-Key"));
  CHECK_FALSE(fixture.http.sent.at(0).idempotent);
  const auto body = json::parse(requests[0].body);
  REQUIRE(body.size() == 1);
  CHECK(body.at("text") ==
        "*Escalated to legal* (rule `P12`)\n"
        "Why: legal threat in a public comment\n"
        "Department: legal\n"
        "Contact: legal@acme.example\n"
        "From: Maria K. (u-7) on fb\n"
        "> I will sue you &lt;today&gt; &amp; tomorrow\n"
        "<https://facebook.example/p/1?c=1001|Open on the platform>");
}

TEST_CASE("format slack: Slack's documented refusals are permanent, and never show the URL") {
  for (const auto& [status, said] : std::vector<std::pair<int, std::string>>{{400, "invalid_payload"},
                                                                             {403, "action_prohibited"},
                                                                             {404, "channel_not_found"},
                                                                             {410, "channel_is_archived"}}) {
    ScriptedServer fake({{status, {{"Content-Type", "text/html"}}, said, {}}});
    WebhookFixture fixture;
    const auto url = fake.server.base_url() + "/services/T0001/B0001/s3cretPath";
    auto connector = fixture.connector(config_with(std::nullopt, outbound_section(url, "slack")));
    const auto result = connector->execute(escalation());
    CHECK(result.status == Status::failed_permanent);
    CHECK(result.message == "webhook refused the action: HTTP " + std::to_string(status) + ": " + said);
  }
  ScriptedServer busy({{503, {}, "", {}}});
  WebhookFixture fixture;
  auto connector = fixture.connector(
      config_with(std::nullopt, outbound_section(busy.server.base_url() + "/services/T/B/s3cretPath", "slack")));
  CHECK(connector->execute(escalation()).status == Status::failed_retryable);
}

TEST_CASE("no answer at all is retryable, and the message hides a slack URL") {
  WebhookFixture fixture;
  std::string url;
  {
    FakeHttpServer gone([](const RecordedRequest&) { return CannedResponse{}; });
    url = gone.base_url() + "/services/T/B/s3cretPath";
  }  // closed: nothing listens on that port any more
  auto connector = fixture.connector(config_with(std::nullopt, outbound_section(url, "slack")));
  const auto result = connector->execute(escalation());
  CHECK(result.status == Status::failed_retryable);
  CHECK_THAT(result.message, Catch::StartsWith("no answer from the webhook: "));
  CHECK_THAT(result.message, !Catch::Contains("s3cretPath"));
}

}  // namespace outbound_test
