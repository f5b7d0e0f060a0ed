#include <catch2/catch.hpp>

#include <algorithm>

#include "connector_fixture.hpp"

using nlohmann::json;
using parley::Action;
using parley::ActionKind;
using parley::ActionResult;
using parley::HttpRequest;
using parley::test::IgFixture;
using parley::test::kIgUserId;
using parley::test::kToken;
using Status = ActionResult::Status;

// A named namespace, so that helpers of different test files can share one
// unity-build translation unit.
namespace actions_test {

/// Injected failures outlast the retries of the host's client, so the connector sees them over it too.
constexpr int kMoreThanClientRetries = 20;
const std::string kGraph = "https://graph.facebook.test/v21.0/";

/// A customer's comment on a post, written an hour before the test clock.
struct CommentedMedia : IgFixture {
  std::string comment_id;
  CommentedMedia() {
    graph.add_media("17900000000000500", now_s() - 7200);
    comment_id = graph.add_comment("17900000000000500", "", "9001", "maria.k", "My latte was cold", now_s() - 3600);
  }

  Action action(ActionKind kind, std::string text = "Sorry about that, Maria!") const {
    return parley::test::comment_action(kind, "ig:" + comment_id, "9001", std::move(text),
                                        "ig-key-" + std::string(parley::to_string(kind)));
  }

  Action retry_of(ActionKind kind) const {
    auto retry = action(kind);
    retry.params["parley.retry"] = "1";
    return retry;
  }
};

/// The token only in the Authorization header, and the account's rate limiter.
void check_authorised(const HttpRequest& request) {
  CHECK(request.url.find(kToken) == std::string::npos);
  CHECK(parley::find_header(request.headers, "Authorization") == std::string("Bearer ") + kToken);
  CHECK(request.rate_limit_key == std::string("instagram:") + kIgUserId);
}

TEST_CASE("reply_public, warn and request_removal POST /{ig-comment-id}/replies with message", "[actions]") {
  CommentedMedia fixture;
  auto connector = fixture.connector();
  const auto result = connector->execute(fixture.action(ActionKind::reply_public, "Sorry & thanks!"));
  CHECK(result.status == Status::done);
  REQUIRE(fixture.http.sent.size() == 1);
  const auto& request = fixture.http.sent[0];
  CHECK(request.method == "POST");
  CHECK(request.url == kGraph + fixture.comment_id + "/replies");
  CHECK(request.body == "message=Sorry%20%26%20thanks%21");
  CHECK_FALSE(request.idempotent);
  check_authorised(request);
  CHECK(result.platform_id == fixture.graph.comment(fixture.comment_id)->replies.at(0));
  CHECK(connector->execute(fixture.action(ActionKind::warn, "Please keep it civil.")).status == Status::done);
  CHECK(connector->execute(fixture.action(ActionKind::request_removal, "Please remove your phone number.")).status ==
        Status::done);
  CHECK(fixture.graph.own_replies(fixture.comment_id) ==
        std::vector<std::string>{"Sorry & thanks!", "Please keep it civil.", "Please remove your phone number."});
}

TEST_CASE("reply_private sends one message to /{ig-user-id}/messages with recipient.comment_id", "[actions]") {
  CommentedMedia fixture;
  const auto result = fixture.connector()->execute(fixture.action(ActionKind::reply_private, "Your order number?"));
  CHECK(result.status == Status::done);
  CHECK(result.platform_id.rfind("m_", 0) == 0);
  // The comment's age is unknown to this instance: one read of its timestamp, then the message.
  REQUIRE(fixture.http.sent.size() == 2);
  CHECK(fixture.http.sent[0].url == kGraph + fixture.comment_id + "?fields=id%2Ctimestamp");
  const auto& request = fixture.http.sent[1];
  CHECK(request.url == kGraph + kIgUserId + "/messages");
  const auto body = json::parse(request.body);
  CHECK(body.at("recipient").at("comment_id") == fixture.comment_id);
  CHECK(body.at("message").at("text") == "Your order number?");
  check_authorised(request);

  // Meta allows one per comment: a retry of it is done, another one is refused.
  CHECK(fixture.connector()->execute(fixture.retry_of(ActionKind::reply_private)).status == Status::done);
  auto another = fixture.action(ActionKind::reply_private, "Second message");
  another.idempotency_key = "another";
  const auto refused = fixture.connector()->execute(another);
  CHECK(refused.status == Status::failed_permanent);
  CHECK(refused.message.find("one private reply per comment") != std::string::npos);
  CHECK(fixture.graph.private_replies(fixture.comment_id) == std::vector<std::string>{"Your order number?"});
}

TEST_CASE("A private reply to a comment older than 7 days is refused without a message", "[actions]") {
  CommentedMedia fixture;
  const auto old_id =
      fixture.graph.add_comment("17900000000000500", "", "9001", "maria.k", "Old", fixture.now_s() - 8 * 86400);
  auto action = fixture.action(ActionKind::reply_private);
  action.target_event_id = "ig:" + old_id;
  auto connector = fixture.connector();
  // Known from its delivery: refused without any request.
  parley::PollBatch batch;
  REQUIRE(
      connector
          ->on_webhook(parley::test::ig_signed(parley::test::ig_delivery(
                           {parley::test::ig_comment(old_id, "9001", "maria.k", "Old")}, fixture.now_s() - 8 * 86400)),
                       batch)
          .status == 200);
  const auto result = connector->execute(action);
  CHECK(result.status == Status::failed_permanent);
  CHECK(result.message.find("within 7 days") != std::string::npos);
  CHECK(result.message.find("8 days old") != std::string::npos);
  CHECK(fixture.http.sent.empty());
  CHECK(fixture.graph.private_replies(old_id).empty());
}

TEST_CASE("hide and unhide POST /{ig-comment-id} with hide=true|false; delete sends DELETE", "[actions]") {
  CommentedMedia fixture;
  auto connector = fixture.connector();
  CHECK(connector->execute(fixture.action(ActionKind::hide)).status == Status::done);
  CHECK(fixture.graph.comment(fixture.comment_id)->hidden);
  CHECK(connector->execute(fixture.action(ActionKind::unhide)).status == Status::done);
  CHECK_FALSE(fixture.graph.comment(fixture.comment_id)->hidden);
  const auto deleted = connector->execute(fixture.action(ActionKind::delete_event));
  CHECK(deleted.status == Status::done);
  CHECK(deleted.platform_id == fixture.comment_id);
  CHECK(fixture.graph.comment(fixture.comment_id)->deleted);
  REQUIRE(fixture.http.sent.size() == 3);
  CHECK(fixture.http.sent[0].url == kGraph + fixture.comment_id);
  CHECK(fixture.http.sent[0].body == "hide=true");
  CHECK(fixture.http.sent[1].body == "hide=false");
  CHECK(fixture.http.sent[2].method == "DELETE");
  for (const auto& request : fixture.http.sent) check_authorised(request);
}

TEST_CASE("Instagram cannot ban, escalate or notify: not declared, and refused without a request", "[actions]") {
  CommentedMedia fixture;
  auto connector = fixture.connector();
  const auto kinds = connector->supported_actions();
  for (auto kind : parley::kAllActionKinds) {
    const bool unsupported = kind == ActionKind::ban || kind == ActionKind::escalate || kind == ActionKind::notify;
    CHECK((std::find(kinds.begin(), kinds.end(), kind) != kinds.end()) == !unsupported);
  }
  for (auto kind : {ActionKind::ban, ActionKind::escalate, ActionKind::notify}) {
    const auto result = connector->execute(fixture.action(kind));
    CHECK(result.status == Status::failed_permanent);
    CHECK(result.message == "instagram cannot do " + std::string(parley::to_string(kind)));
  }
  CHECK(connector->execute(fixture.action(ActionKind::label)).status == Status::done);
  CHECK(fixture.http.sent.empty());
}

TEST_CASE("A 500 then success: retryable first, done on the next attempt", "[actions][errors]") {
  CommentedMedia fixture;
  auto connector = fixture.connector();
  fixture.graph.fail_next(kMoreThanClientRetries, 500);
  CHECK(connector->execute(fixture.action(ActionKind::hide)).status == Status::failed_retryable);
  fixture.graph.recover();
  CHECK(connector->execute(fixture.action(ActionKind::hide)).status == Status::done);
  CHECK(fixture.graph.comment(fixture.comment_id)->hidden);
}

TEST_CASE("Rate limits (429 with Retry-After and usage header, code 4 or 32) are worth retrying", "[actions][errors]") {
  CommentedMedia fixture;
  fixture.graph.rate_limit_next(kMoreThanClientRetries, 30);
  const auto limited = fixture.connector()->execute(fixture.action(ActionKind::reply_public));
  CHECK(limited.status == Status::failed_retryable);
  CHECK(limited.message.rfind("rate limited", 0) == 0);
  CHECK(fixture.graph.own_replies(fixture.comment_id).empty());

  struct Code32 final : parley::HttpClient {
    parley::HttpResponse send(const HttpRequest&) override {
      parley::HttpResponse response;
      response.status = 400;
      response.headers.push_back({"X-Business-Use-Case-Usage", R"({"1":[{"type":"instagram","call_count":100}]})"});
      response.body = R"({"error":{"message":"Page request limit reached","type":"OAuthException","code":32}})";
      return response;
    }
  } page_limit;
  fixture.context.http_client = &page_limit;
  const auto result = fixture.connector()->execute(fixture.action(ActionKind::hide));
  CHECK(result.status == Status::failed_retryable);
  CHECK(result.message.find("code 32") != std::string::npos);
}

TEST_CASE("An expired token (190) fails for good without the token in the message", "[actions][errors]") {
  CommentedMedia fixture;
  fixture.graph.expire_token();
  for (auto kind : {ActionKind::reply_public, ActionKind::reply_private, ActionKind::hide, ActionKind::delete_event}) {
    const auto result = fixture.connector()->execute(fixture.action(kind));
    CHECK(result.status == Status::failed_permanent);
    CHECK(result.message.find("access token expired or invalid (code 190)") != std::string::npos);
    CHECK(result.message.find(kToken) == std::string::npos);
  }
}

TEST_CASE("A comment deleted before we answered (100/33) fails for good; deleting it again on a retry is done",
          "[actions][errors]") {
  CommentedMedia fixture;
  fixture.graph.delete_comment(fixture.comment_id);
  const auto reply = fixture.connector()->execute(fixture.action(ActionKind::reply_public));
  CHECK(reply.status == Status::failed_permanent);
  CHECK(reply.message.rfind("comment was deleted before we answered", 0) == 0);
  CHECK(fixture.connector()->execute(fixture.retry_of(ActionKind::delete_event)).status == Status::done);
}

TEST_CASE("A retry after a timeout finds our reply under the comment and does not post twice", "[actions]") {
  CommentedMedia fixture;
  const auto first = fixture.connector()->execute(fixture.action(ActionKind::reply_public));
  REQUIRE(first.status == Status::done);
  fixture.http.sent.clear();
  const auto result = fixture.connector()->execute(fixture.retry_of(ActionKind::reply_public));
  CHECK(result.status == Status::done);
  CHECK(result.platform_id == first.platform_id);
  REQUIRE(fixture.http.sent.size() == 1);
  CHECK(fixture.http.sent[0].method == "GET");
  CHECK(fixture.http.sent[0].url == kGraph + fixture.comment_id + "/replies?fields=id%2Cfrom%2Ctext&limit=100");
  CHECK(fixture.graph.own_replies(fixture.comment_id).size() == 1);

  SECTION("a retry whose first attempt never arrived posts once") {
    const auto other = fixture.graph.add_comment("17900000000000500", "", "9002", "piotr", "Cold too", fixture.now_s());
    auto retry = fixture.retry_of(ActionKind::reply_public);
    retry.target_event_id = "ig:" + other;
    CHECK(fixture.connector()->execute(retry).status == Status::done);
    CHECK(fixture.graph.own_replies(other).size() == 1);
  }
}

TEST_CASE("A target that is not an Instagram comment id fails without a request", "[actions][errors]") {
  CommentedMedia fixture;
  auto odd = fixture.action(ActionKind::hide);
  odd.target_event_id = "ig:../17841400000000001/messages";
  const auto result = fixture.connector()->execute(odd);
  CHECK(result.status == Status::failed_permanent);
  CHECK(result.message.find("not a Instagram comment id") == std::string::npos);
  CHECK(result.message.find("is not an Instagram comment id") != std::string::npos);
  CHECK(fixture.http.sent.empty());
}

}  // namespace actions_test
