#include <catch2/catch.hpp>

#include "connector_fixture.hpp"

using nlohmann::json;
using parley::EventKind;
using parley::PollBatch;
using parley::test::ig_comment;
using parley::test::ig_delivery;
using parley::test::ig_signed;
using parley::test::IgFixture;
using parley::test::kIgUserId;

TEST_CASE("The handshake echoes hub.challenge only for the configured verify token", "[webhook]") {
  IgFixture fixture;
  auto connector = fixture.connector();
  PollBatch batch;
  const auto ok = connector->on_webhook(
      parley::test::handshake_request(parley::test::kRoute,
                                      "hub.mode=subscribe&hub.verify_token=ig-verify-5b2&hub.challenge=9911"),
      batch);
  CHECK(ok.status == 200);
  CHECK(ok.body == "9911");
  const auto wrong = connector->on_webhook(
      parley::test::handshake_request(parley::test::kRoute, "hub.mode=subscribe&hub.verify_token=x&hub.challenge=1"),
      batch);
  CHECK(wrong.status == 403);
  CHECK(batch.events.empty());
  CHECK(fixture.http.sent.empty());
}

TEST_CASE("A signed comments delivery becomes events with the comment's fields", "[webhook]") {
  IgFixture fixture;
  auto connector = fixture.connector();
  const auto body = ig_delivery({ig_comment("17860000000000001", "9001", "maria.k", "Where is my order?"),
                                 ig_comment("17860000000000002", "9002", "piotr", "same here", "17860000000000001")},
                                fixture.now_s() - 5);
  PollBatch batch;
  const auto reply = connector->on_webhook(ig_signed(body), batch);
  CHECK(reply.status == 200);
  CHECK(reply.body == "EVENT_RECEIVED");
  CHECK(batch.rejected.empty());
  REQUIRE(batch.events.size() == 2);
  const auto& comment = batch.events[0];
  CHECK(comment.id == "ig:17860000000000001");
  CHECK(comment.platform == "instagram");
  CHECK(comment.account == kIgUserId);
  CHECK(comment.kind == EventKind::comment);
  CHECK(comment.thread_id == "17900000000000500");
  CHECK(comment.author.id == "9001");
  CHECK(comment.author.handle == "maria.k");
  CHECK(comment.author.display_name == "maria.k");
  CHECK_FALSE(comment.author.is_brand);
  CHECK(comment.text == "Where is my order?");
  CHECK(comment.created_at == (fixture.now_s() - 5) * 1000);
  CHECK(comment.metadata.at("instagram.media_product_type") == "FEED");
  CHECK(comment.metadata.at("instagram.field") == "comments");
  CHECK(json::parse(comment.raw).at("id") == "17860000000000001");
  const auto& reply_event = batch.events[1];
  CHECK(reply_event.kind == EventKind::reply);
  CHECK(reply_event.parent_id == "ig:17860000000000001");
}

TEST_CASE("A bad, missing or unconfigured signature is refused with 401 and no events", "[webhook]") {
  IgFixture fixture;
  const auto body =
      ig_delivery({ig_comment("17860000000000001", "9001", "maria.k", "private-looking text")}, fixture.now_s());
  PollBatch batch;
  auto connector = fixture.connector();
  const auto forged = connector->on_webhook(ig_signed(body, "guessed-secret"), batch);
  CHECK(forged.status == 401);
  CHECK(forged.log_message.find("X-Hub-Signature-256") != std::string::npos);
  CHECK(forged.log_message.find("private-looking") == std::string::npos);
  auto unsigned_request = ig_signed(body);
  unsigned_request.headers.pop_back();
  CHECK(connector->on_webhook(unsigned_request, batch).status == 401);
  auto unconfigured = fixture.connector(parley::test::ig_config({{"app_secret", ""}}));
  CHECK(unconfigured->on_webhook(ig_signed(body, ""), batch).status == 401);
  CHECK(batch.events.empty());
  CHECK(batch.rejected.empty());
}

TEST_CASE("A delivery Meta sends twice gives the same event id, for the host to de-duplicate", "[webhook]") {
  IgFixture fixture;
  auto connector = fixture.connector();
  const auto body = ig_delivery({ig_comment("17860000000000003", "9001", "maria.k", "hello")}, fixture.now_s());
  PollBatch twice;
  connector->on_webhook(ig_signed(body), twice);
  connector->on_webhook(ig_signed(body), twice);
  REQUIRE(twice.events.size() == 2);
  CHECK(twice.events[0].id == twice.events[1].id);
}

TEST_CASE("The account's own comments, other accounts and other fields are not moderated", "[webhook]") {
  IgFixture fixture;
  auto connector = fixture.connector();
  PollBatch batch;
  connector->on_webhook(ig_signed(ig_delivery({ig_comment("17860000000000004", kIgUserId, "nordiccoffee", "Thanks!"),
                                               ig_comment("17860000000000005", "9001", "maria.k", "ok")},
                                              fixture.now_s())),
                        batch);
  connector->on_webhook(ig_signed(ig_delivery({ig_comment("17860000000000006", "9001", "maria.k", "live!")},
                                              fixture.now_s(), "live_comments")),
                        batch);
  connector->on_webhook(ig_signed(ig_delivery({ig_comment("17860000000000007", "9001", "maria.k", "elsewhere")},
                                              fixture.now_s(), "comments", "17841499999999999")),
                        batch);
  CHECK(batch.rejected.empty());
  REQUIRE(batch.events.size() == 1);
  CHECK(batch.events[0].id == "ig:17860000000000005");
  REQUIRE(fixture.context.logged.size() == 3);
  CHECK(fixture.context.logged[0].message.find("by the account itself") != std::string::npos);
  CHECK(fixture.context.logged[1].message.find("live_comments") != std::string::npos);
  CHECK(fixture.context.logged[2].message.find("not this connector's account") != std::string::npos);

  SECTION("live_comments: true moderates live comments, and the entry-level shape of Meta's examples is read") {
    auto live = fixture.connector(parley::test::ig_config({{"live_comments", true}}));
    const json entry = {{"id", kIgUserId},
                        {"time", fixture.now_s()},
                        {"field", "live_comments"},
                        {"value", ig_comment("17860000000000008", "9003", "ola", "hi from the live")}};
    PollBatch live_batch;
    live->on_webhook(ig_signed(json{{"object", "instagram"}, {"entry", json::array({entry})}}.dump()), live_batch);
    REQUIRE(live_batch.events.size() == 1);
    CHECK(live_batch.events[0].metadata.at("instagram.field") == "live_comments");
  }
}

TEST_CASE("Unreadable deliveries and changes are rejected with where and why", "[webhook]") {
  IgFixture fixture;
  auto connector = fixture.connector();
  auto no_author = ig_comment("17860000000000009", "9001", "maria.k", "who am I");
  no_author.erase("from");
  PollBatch batch;
  connector->on_webhook(
      ig_signed(ig_delivery({ig_comment("17860000000000010", "9001", "maria.k", "fine"), no_author}, fixture.now_s())),
      batch);
  connector->on_webhook(ig_signed(R"({"object":"page","entry":[]})"), batch);
  REQUIRE(batch.events.size() == 1);
  REQUIRE(batch.rejected.size() == 2);
  CHECK(batch.rejected[0].where == "POST /webhooks/test-client/ig entry[0].changes[1]");
  CHECK(batch.rejected[0].error == "missing required field 'from.id'");
  CHECK(batch.rejected[1].error == "expected an object with \"object\": \"instagram\"");
}
