// Deliveries to the host's webhook route: signature and timestamp checks,
// the event format, rejected events and unreadable bodies.
#include <catch2/catch.hpp>

#include "inbound_events.hpp"
#include "signature.hpp"
#include "webhook_fixture.hpp"

using namespace parley;
using namespace parley::test;

// A named namespace, so that helpers of different test files can share one
// unity-build translation unit.
namespace inbound_test {

WebhookRequest signed_post(const std::string& body, std::int64_t timestamp_s,
                           const std::string& secret = kInboundSecret) {
  WebhookRequest request;
  request.method = "POST";
  request.path = "/webhooks/acme/shop";
  request.body = body;
  request.headers = {
      {"Content-Type", "application/json"},
      {"X-Parley-Timestamp", std::to_string(timestamp_s)},
      {"X-Parley-Signature", "sha256=" + hmac_sha256_hex(secret, std::to_string(timestamp_s) + "." + body)}};
  return request;
}

struct Inbound {
  WebhookFixture fixture;
  std::unique_ptr<webhook::WebhookConnector> connector =
      fixture.connector(config_with(inbound_section(), std::nullopt));

  WebhookReply deliver(const WebhookRequest& request, PollBatch& batch) {
    return connector->on_webhook(request, batch);
  }
};

constexpr const char* kFullEvent = R"({
  "id": "c-1001", "text": "Where is my order?", "kind": "mention",
  "author": {"id": "u-7", "name": "Maria K.", "handle": "mariak"},
  "thread_id": "order-55", "created_at": "2026-11-02T10:15:00+01:00",
  "url": "https://shop.example/reviews/c-1001",
  "metadata": {"author.email": "maria@example.com", "tier": "gold"}
})";

TEST_CASE("the signature scheme matches a value computed with openssl") {
  // README.md's worked example: printf '%s' '1793610900.{"id":"c-1","text":"hi"}' |
  //   openssl dgst -sha256 -hmac 'in-secret-3f9a1c'
  const auto header =
      webhook::signature_header(hmac_sha256_hex, kInboundSecret, 1793610900, R"({"id":"c-1","text":"hi"})");
  CHECK(header == "sha256=36ccb86d607479ea39f019e54f6b5f1c073aa77cd9bcdb832484563a07937539");
}

TEST_CASE("a signed delivery of one event becomes that event") {
  Inbound inbound;
  PollBatch batch;
  const auto reply = inbound.deliver(signed_post(kFullEvent, inbound.fixture.now_s()), batch);
  CHECK(reply.status == 200);
  CHECK(reply.body == R"({"received":1,"rejected":0})");
  REQUIRE(batch.events.size() == 1);
  CHECK(batch.rejected.empty());
  const auto& event = batch.events[0];
  CHECK(event.id == "c-1001");
  CHECK(event.platform == "shop");
  CHECK(event.account == "acme-shop");
  CHECK(event.kind == EventKind::mention);
  CHECK(event.text == "Where is my order?");
  CHECK(event.author.id == "u-7");
  CHECK(event.author.display_name == "Maria K.");
  CHECK(event.author.handle == "mariak");
  CHECK(event.thread_id == "order-55");
  CHECK(event.created_at == 1793610900000);  // 10:15 at +01:00 is 09:15Z
  CHECK(event.url == "https://shop.example/reviews/c-1001");
  CHECK(event.metadata.at("author.email") == "maria@example.com");
  CHECK(event.metadata.at("tier") == "gold");
  CHECK(event.visibility == Visibility::public_post);
}

TEST_CASE("a batch delivery keeps good events and rejects one without id") {
  Inbound inbound;
  PollBatch batch;
  const std::string body =
      R"({"events":[{"id":"m-1","kind":"direct_message","author":{"id":"u-1"},"created_at":1793610000},)"
      R"({"text":"no id","author":{"id":"u-2"}},{"id":"m-3","author":{"id":"u-3"},"kind":"timer"}]})";
  const auto reply = inbound.deliver(signed_post(body, inbound.fixture.now_s()), batch);
  CHECK(reply.status == 200);
  REQUIRE(batch.events.size() == 1);
  CHECK(batch.events[0].id == "m-1");
  CHECK(batch.events[0].created_at == 1793610000000);
  CHECK(batch.events[0].visibility == Visibility::private_message);
  REQUIRE(batch.rejected.size() == 2);
  CHECK(batch.rejected[0].where == "POST /webhooks/acme/shop events[1]");
  CHECK(batch.rejected[0].error == "missing required field 'id' (the platform's id of the event)");
  CHECK_THAT(batch.rejected[0].raw, Catch::Contains("no id"));
  CHECK_THAT(batch.rejected[1].error, Catch::Contains("field 'kind' must be one of"));
}

TEST_CASE("a delivered again event keeps its id, so the host's inbox de-duplicates it") {
  Inbound inbound;
  PollBatch first, second;
  inbound.deliver(signed_post(kFullEvent, inbound.fixture.now_s()), first);
  inbound.fixture.context.now += 60'000;  // the sender retries a minute later, signing again
  inbound.deliver(signed_post(kFullEvent, inbound.fixture.now_s()), second);
  REQUIRE(first.events.size() == 1);
  REQUIRE(second.events.size() == 1);
  CHECK(first.events[0].id == second.events[0].id);
}

TEST_CASE("bad, missing and stale signatures are refused with 401 and no events") {
  Inbound inbound;
  const auto now_s = inbound.fixture.now_s();
  PollBatch batch;

  auto wrong_key = signed_post(kFullEvent, now_s, "not-the-secret");
  auto reply = inbound.deliver(wrong_key, batch);
  CHECK(reply.status == 401);
  CHECK(reply.log_message == "delivery refused: bad X-Parley-Signature");

  auto tampered = signed_post(kFullEvent, now_s);
  tampered.body += " ";
  CHECK(inbound.deliver(tampered, batch).status == 401);

  auto unsigned_post = signed_post(kFullEvent, now_s);
  unsigned_post.headers.pop_back();
  reply = inbound.deliver(unsigned_post, batch);
  CHECK(reply.status == 401);
  CHECK(reply.log_message == "delivery refused: missing X-Parley-Signature");

  // Correctly signed, but 301 s old: a replay.
  reply = inbound.deliver(signed_post(kFullEvent, now_s - 301), batch);
  CHECK(reply.status == 401);
  CHECK_THAT(reply.log_message, Catch::Contains("outside the replay window (300 s)"));
  CHECK(inbound.deliver(signed_post(kFullEvent, now_s - 299), batch).status == 200);
  CHECK(batch.events.size() == 1);  // only the fresh one
  for (const auto& secret : {kInboundSecret}) CHECK_THAT(reply.log_message, !Catch::Contains(secret));
}

TEST_CASE("an unreadable body is refused with 400 and the reason") {
  Inbound inbound;
  PollBatch batch;
  auto reply = inbound.deliver(signed_post(R"({"id": "c-1", )", inbound.fixture.now_s()), batch);
  CHECK(reply.status == 400);
  CHECK_THAT(reply.body, Catch::StartsWith("invalid JSON: "));
  reply = inbound.deliver(signed_post(R"({"events": {"id": "c-1"}})", inbound.fixture.now_s()), batch);
  CHECK(reply.status == 400);
  CHECK(reply.body == "'events' must be an array");
  CHECK(batch.events.empty());
  CHECK(batch.rejected.empty());
}

TEST_CASE("only POST is accepted") {
  Inbound inbound;
  PollBatch batch;
  auto request = signed_post(kFullEvent, inbound.fixture.now_s());
  request.method = "GET";
  CHECK(inbound.deliver(request, batch).status == 405);
  CHECK(batch.events.empty());
}

TEST_CASE("shared_secret_header mode compares a static header instead of a signature") {
  WebhookFixture fixture;
  const ConfigValue inbound(ConfigValue::Map{
      {"shared_secret_header", ConfigValue(ConfigValue::Map{{"name", "X-Hook-Token"}, {"value", "tok-5e2d"}})},
      {"replay_window_s", 300},
      {"platform", "webhook"},
      {"account", ""}});
  auto connector = fixture.connector(config_with(inbound, std::nullopt));
  WebhookRequest request;
  request.method = "POST";
  request.path = "/webhooks/acme/team";
  request.body = R"({"id":"x-1","author":{"id":"u-1"}})";
  PollBatch batch;
  CHECK(connector->on_webhook(request, batch).status == 401);
  request.headers = {{"x-hook-token", "tok-5e2e"}};
  CHECK(connector->on_webhook(request, batch).status == 401);
  request.headers = {{"x-hook-token", "tok-5e2d"}};
  CHECK(connector->on_webhook(request, batch).status == 200);
  REQUIRE(batch.events.size() == 1);
  CHECK(batch.events[0].account == "team");  // '' = the connector id
}

TEST_CASE("RFC 3339 times are read with fractions and offsets") {
  using webhook::parse_rfc3339_ms;
  CHECK(parse_rfc3339_ms("1970-01-01T00:00:00Z") == 0);
  CHECK(parse_rfc3339_ms("2026-11-02T09:15:00.25Z") == 1793610900250);
  CHECK(parse_rfc3339_ms("2026-11-02T04:15:00-05:00") == 1793610900000);
  CHECK_FALSE(parse_rfc3339_ms("2026-11-02 09:15:00"));
  CHECK_FALSE(parse_rfc3339_ms("2026-13-02T09:15:00Z"));
  CHECK_FALSE(parse_rfc3339_ms("2026-11-02T09:15:00"));
}

}  // namespace inbound_test
