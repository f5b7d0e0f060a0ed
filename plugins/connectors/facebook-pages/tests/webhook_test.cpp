#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "connector_fixture.hpp"

using nlohmann::json;
using parley::EventKind;
using parley::PollBatch;
using parley::WebhookReply;
using parley::WebhookRequest;
using parley::test::ConnectorFixture;

// A named namespace, so that helpers of different test files can share one
// unity-build translation unit.
namespace webhook_test {

WebhookRequest handshake(const std::string& query) {
  return parley::test::handshake_request("/webhooks/test-client/fb", query);
}

/// A delivery signed the way Meta signs it: sha256=HMAC-SHA256(app secret, raw body).
WebhookRequest delivery(const std::string& body, const std::string& secret = parley::test::kAppSecret) {
  return parley::test::signed_delivery("/webhooks/test-client/fb", body, secret);
}

json comment_change(const std::string& comment_id, const std::string& parent_id, const std::string& from_id,
                    const std::string& message, const std::string& verb = "add") {
  return {{"field", "feed"},
          {"value",
           {{"item", "comment"},
            {"verb", verb},
            {"comment_id", comment_id},
            {"post_id", "1000_500"},
            {"parent_id", parent_id},
            {"message", message},
            {"from", {{"id", from_id}, {"name", from_id == "1000" ? "Nordic Coffee" : "Maria K."}}},
            {"created_time", 1793610000}}}};
}

std::string page_delivery(const std::vector<json>& changes, const std::string& page = "1000") {
  // One entry; a vector, since a braced list of one json would copy it rather than make an array.
  json entry = {{"id", page}, {"time", 1793610060}, {"changes", json(changes)}};
  return json{{"object", "page"}, {"entry", json::array({entry})}}.dump();
}

TEST_CASE("The subscription handshake echoes hub.challenge when the verify token matches", "[webhook]") {
  ConnectorFixture fixture;
  auto connector = fixture.connector();
  PollBatch batch;
  const auto reply = connector->on_webhook(
      handshake("hub.mode=subscribe&hub.verify_token=verify-me-8e1&hub.challenge=1158201444"), batch);
  CHECK(reply.status == 200);
  CHECK(reply.body == "1158201444");
  CHECK(batch.events.empty());
  CHECK(fixture.http.sent.empty());
}

TEST_CASE("The handshake is forbidden with a wrong token, a wrong mode or no configured token", "[webhook]") {
  ConnectorFixture fixture;
  PollBatch batch;
  auto connector = fixture.connector();
  CHECK(connector->on_webhook(handshake("hub.mode=subscribe&hub.verify_token=guess&hub.challenge=1"), batch).status ==
        403);
  CHECK(connector->on_webhook(handshake("hub.mode=unsubscribe&hub.verify_token=verify-me-8e1&hub.challenge=1"), batch)
            .status == 403);
  auto open = fixture.connector(parley::test::connector_config({{"verify_token", ""}}));
  const auto reply = open->on_webhook(handshake("hub.mode=subscribe&hub.verify_token=&hub.challenge=1"), batch);
  CHECK(reply.status == 403);
  CHECK(reply.body != "1");
}

TEST_CASE("A signed delivery becomes events with the comment's fields", "[webhook]") {
  ConnectorFixture fixture;
  auto connector = fixture.connector();
  PollBatch batch;
  const auto body = page_delivery({comment_change("500_701", "1000_500", "4242", "Where is my order? Κρύος καφές"),
                                   comment_change("500_702", "500_701", "1000", "Sorry Maria, on it!")});
  const auto reply = connector->on_webhook(delivery(body), batch);
  CHECK(reply.status == 200);
  CHECK(reply.body == "EVENT_RECEIVED");
  CHECK(batch.rejected.empty());
  REQUIRE(batch.events.size() == 2);

  const auto& comment = batch.events[0];
  CHECK(comment.id == "fb:500_701");
  CHECK(comment.platform == "facebook");
  CHECK(comment.account == "1000");
  CHECK(comment.kind == EventKind::comment);
  CHECK(comment.thread_id == "1000_500");
  CHECK(comment.parent_id.empty());
  CHECK(comment.author.id == "4242");
  CHECK(comment.author.display_name == "Maria K.");
  CHECK_FALSE(comment.author.is_brand);
  CHECK(comment.text == "Where is my order? Κρύος καφές");
  CHECK(comment.created_at == 1793610000000);
  CHECK(comment.metadata.at("facebook.comment_id") == "500_701");
  CHECK(json::parse(comment.raw).at("comment_id") == "500_701");

  const auto& answer = batch.events[1];
  CHECK(answer.id == "fb:500_702");
  CHECK(answer.kind == EventKind::reply);
  CHECK(answer.parent_id == "fb:500_701");
  CHECK(answer.author.is_brand);  // the page's own comment
}

TEST_CASE("Authors listed in brand_author_ids are brand authors too", "[webhook]") {
  ConnectorFixture fixture;
  auto connector =
      fixture.connector(parley::test::connector_config({{"brand_author_ids", parley::ConfigValue::List{"7777"}}}));
  PollBatch batch;
  connector->on_webhook(delivery(page_delivery({comment_change("500_703", "1000_500", "7777", "Team here")})), batch);
  REQUIRE(batch.events.size() == 1);
  CHECK(batch.events[0].author.is_brand);
}

TEST_CASE("A bad or missing signature is refused with 401, no events and a log line without the body", "[webhook]") {
  ConnectorFixture fixture;
  auto connector = fixture.connector();
  const auto body = page_delivery({comment_change("500_701", "1000_500", "4242", "secret-looking body text")});

  PollBatch wrong_key;
  const auto forged = connector->on_webhook(delivery(body, "not-the-app-secret"), wrong_key);
  CHECK(forged.status == 401);
  CHECK(forged.body.empty());
  CHECK(forged.log_message.find("X-Hub-Signature-256") != std::string::npos);
  CHECK(forged.log_message.find("secret-looking") == std::string::npos);
  CHECK(wrong_key.events.empty());
  CHECK(wrong_key.rejected.empty());

  PollBatch tampered;
  auto changed = delivery(body);
  changed.body.replace(changed.body.find("secret-looking"), 6, "SECRET");
  CHECK(connector->on_webhook(changed, tampered).status == 401);
  CHECK(tampered.events.empty());

  PollBatch unsigned_batch;
  auto no_header = delivery(body);
  no_header.headers.pop_back();
  CHECK(connector->on_webhook(no_header, unsigned_batch).status == 401);
  CHECK(unsigned_batch.events.empty());

  PollBatch no_secret;
  auto unconfigured = fixture.connector(parley::test::connector_config({{"app_secret", ""}}));
  CHECK(unconfigured->on_webhook(delivery(body, ""), no_secret).status == 401);
  CHECK(no_secret.events.empty());
}

TEST_CASE("A delivery Meta sends twice gives the same event ids, for the host to de-duplicate", "[webhook]") {
  ConnectorFixture fixture;
  auto connector = fixture.connector();
  const auto body = page_delivery({comment_change("500_701", "1000_500", "4242", "Hello")});
  PollBatch first;
  PollBatch second;
  connector->on_webhook(delivery(body), first);
  connector->on_webhook(delivery(body), second);
  REQUIRE(first.events.size() == 1);
  REQUIRE(second.events.size() == 1);
  CHECK(first.events[0].id == second.events[0].id);
}

TEST_CASE("A change that cannot be read is rejected with where and why, and its siblings still count", "[webhook]") {
  ConnectorFixture fixture;
  auto connector = fixture.connector();
  auto broken = comment_change("500_799", "1000_500", "4242", "no id");
  broken["value"].erase("comment_id");
  PollBatch batch;
  const auto reply = connector->on_webhook(
      delivery(page_delivery({comment_change("500_701", "1000_500", "4242", "fine"), broken})), batch);
  CHECK(reply.status == 200);
  REQUIRE(batch.events.size() == 1);
  CHECK(batch.events[0].id == "fb:500_701");
  REQUIRE(batch.rejected.size() == 1);
  CHECK(batch.rejected[0].where == "POST /webhooks/test-client/fb entry[0].changes[1]");
  CHECK(batch.rejected[0].error == "missing required field 'comment_id'");
  CHECK(batch.rejected[0].raw.find("no id") != std::string::npos);
}

TEST_CASE("A signed body that is not JSON is rejected, not dropped", "[webhook]") {
  ConnectorFixture fixture;
  auto connector = fixture.connector();
  PollBatch batch;
  CHECK(connector->on_webhook(delivery("{not json"), batch).status == 200);
  CHECK(batch.events.empty());
  REQUIRE(batch.rejected.size() == 1);
  CHECK(batch.rejected[0].where == "POST /webhooks/test-client/fb");
  CHECK(batch.rejected[0].error.rfind("invalid JSON", 0) == 0);
}

TEST_CASE("Reactions, removals and other pages are not moderated, and an edit is a new event", "[webhook]") {
  ConnectorFixture fixture;
  auto connector = fixture.connector();
  json reaction = {
      {"field", "feed"},
      {"value", {{"item", "reaction"}, {"verb", "add"}, {"post_id", "1000_500"}, {"reaction_type", "like"}}}};
  PollBatch batch;
  connector->on_webhook(delivery(page_delivery({reaction, comment_change("500_701", "1000_500", "4242", "", "remove"),
                                                comment_change("500_701", "1000_500", "4242", "now rude", "edited")})),
                        batch);
  connector->on_webhook(delivery(page_delivery({comment_change("9_1", "2000_9", "4242", "elsewhere")}, "2000")), batch);
  CHECK(batch.rejected.empty());
  REQUIRE(batch.events.size() == 1);
  CHECK(batch.events[0].id == "fb:500_701#edited-1793610060");
  CHECK(batch.events[0].text == "now rude");
  CHECK(batch.events[0].metadata.at("facebook.verb") == "edited");
  REQUIRE(fixture.context.logged.size() == 2);
  CHECK(fixture.context.logged[0].message.find("reaction add") != std::string::npos);
  CHECK(fixture.context.logged[1].message.find("page 2000") != std::string::npos);
}

}  // namespace webhook_test
