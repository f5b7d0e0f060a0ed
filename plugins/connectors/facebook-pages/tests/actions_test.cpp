#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>
#include <parley/webhook.hpp>

#include "connector_fixture.hpp"

using nlohmann::json;
using parley::Action;
using parley::ActionKind;
using parley::ActionResult;
using parley::HttpRequest;
using parley::test::ConnectorFixture;
using parley::test::kToken;
using Status = ActionResult::Status;

// A named namespace, so that helpers of different test files can share one
// unity-build translation unit.
namespace actions_test {

/// Injected failures outlast the retries of the host's client, so the connector sees them over it too.
constexpr int kMoreThanClientRetries = 20;

/// A customer's comment under a page post, written an hour before the test clock.
struct CommentedPost : ConnectorFixture {
  std::string comment_id;
  CommentedPost() {
    graph.add_post("1000_500", now_s() - 7200);
    comment_id = graph.add_comment("1000_500", "", "4242", "Maria K.", "My latte was cold", now_s() - 3600);
  }

  Action action(ActionKind kind, std::string text = "Sorry about that, Maria!") const {
    Action made;
    made.kind = kind;
    made.target_event_id = "fb:" + comment_id;
    made.target_author_id = "4242";
    made.text = std::move(text);
    made.reason = "test";
    made.rule_id = "test-rule";
    made.idempotency_key = "key-" + std::string(parley::to_string(kind));
    return made;
  }

  /// Children the page itself wrote under the comment.
  std::vector<std::string> page_replies() const {
    std::vector<std::string> texts;
    for (const auto& id : graph.comment(comment_id)->children) {
      if (graph.comment(id)->from_id == parley::test::kPageId) texts.push_back(graph.comment(id)->message);
    }
    return texts;
  }
};

void check_sent_safely(const HttpRequest& request) {
  CHECK(request.url.find(kToken) == std::string::npos);
  CHECK(request.url.find("access_token") == std::string::npos);
  CHECK(parley::find_header(request.headers, "Authorization") == std::string("Bearer ") + kToken);
  CHECK(request.rate_limit_key == "facebook:1000");
}

std::string header(const HttpRequest& request, const char* name) {
  return parley::find_header(request.headers, name).value_or("");
}

TEST_CASE("reply_public posts a form to /{version}/{comment-id}/comments and returns the new id", "[actions]") {
  CommentedPost fixture;
  auto connector = fixture.connector();
  const auto result = connector->execute(fixture.action(ActionKind::reply_public, "Sorry & thanks, Maria!"));
  CHECK(result.status == Status::done);
  REQUIRE(fixture.http.sent.size() == 1);
  const auto& request = fixture.http.sent[0];
  CHECK(request.method == "POST");
  CHECK(request.url == "https://graph.facebook.test/v21.0/" + fixture.comment_id + "/comments");
  CHECK(header(request, "Content-Type") == "application/x-www-form-urlencoded");
  CHECK(request.body == "message=Sorry%20%26%20thanks%2C%20Maria%21");
  CHECK_FALSE(request.idempotent);
  check_sent_safely(request);
  REQUIRE(fixture.page_replies() == std::vector<std::string>{"Sorry & thanks, Maria!"});
  CHECK(result.platform_id == fixture.graph.comment(fixture.comment_id)->children.at(0));
}

TEST_CASE("warn and request_removal are public replies too", "[actions]") {
  CommentedPost fixture;
  auto connector = fixture.connector();
  CHECK(connector->execute(fixture.action(ActionKind::warn, "Please keep it civil.")).status == Status::done);
  CHECK(connector->execute(fixture.action(ActionKind::request_removal, "Could you remove your phone number?")).status ==
        Status::done);
  CHECK(fixture.page_replies() ==
        std::vector<std::string>{"Please keep it civil.", "Could you remove your phone number?"});
  for (const auto& request : fixture.http.sent) CHECK(request.url.ends_with("/comments"));
}

TEST_CASE("reply_private sends JSON to /{version}/{page-id}/messages with recipient.comment_id", "[actions]") {
  CommentedPost fixture;
  auto connector = fixture.connector();
  const auto result = connector->execute(fixture.action(ActionKind::reply_private, "Send us your order number?"));
  CHECK(result.status == Status::done);
  CHECK(result.platform_id.rfind("m_", 0) == 0);
  // The comment's age is not known to this instance: it asks Graph first (a read), then sends.
  REQUIRE(fixture.http.sent.size() == 2);
  CHECK(fixture.http.sent[0].method == "GET");
  const auto& request = fixture.http.sent[1];
  CHECK(request.method == "POST");
  CHECK(request.url == "https://graph.facebook.test/v21.0/1000/messages");
  CHECK(header(request, "Content-Type") == "application/json");
  const auto body = json::parse(request.body);
  CHECK(body.at("recipient").at("comment_id") == fixture.comment_id);
  CHECK(body.at("message").at("text") == "Send us your order number?");
  CHECK_FALSE(request.idempotent);
  check_sent_safely(request);
  CHECK(fixture.graph.private_replies(fixture.comment_id) == std::vector<std::string>{"Send us your order number?"});
}

TEST_CASE("hide and unhide set is_hidden on /{version}/{comment-id}", "[actions]") {
  CommentedPost fixture;
  auto connector = fixture.connector();
  const auto hidden = connector->execute(fixture.action(ActionKind::hide));
  CHECK(hidden.status == Status::done);
  CHECK(hidden.platform_id == fixture.comment_id);
  CHECK(fixture.graph.comment(fixture.comment_id)->is_hidden);
  CHECK(connector->execute(fixture.action(ActionKind::unhide)).status == Status::done);
  CHECK_FALSE(fixture.graph.comment(fixture.comment_id)->is_hidden);
  REQUIRE(fixture.http.sent.size() == 2);
  CHECK(fixture.http.sent[0].method == "POST");
  CHECK(fixture.http.sent[0].url == "https://graph.facebook.test/v21.0/" + fixture.comment_id);
  CHECK(fixture.http.sent[0].body == "is_hidden=true");
  CHECK(fixture.http.sent[1].body == "is_hidden=false");
  check_sent_safely(fixture.http.sent[0]);
}

TEST_CASE("delete sends DELETE /{version}/{comment-id}", "[actions]") {
  CommentedPost fixture;
  auto connector = fixture.connector();
  CHECK(connector->execute(fixture.action(ActionKind::delete_event)).status == Status::done);
  REQUIRE(fixture.http.sent.size() == 1);
  CHECK(fixture.http.sent[0].method == "DELETE");
  CHECK(fixture.http.sent[0].url == "https://graph.facebook.test/v21.0/" + fixture.comment_id);
  check_sent_safely(fixture.http.sent[0]);
  CHECK(fixture.graph.comment(fixture.comment_id)->deleted);
}

TEST_CASE("ban blocks the author with POST /{version}/{page-id}/blocked user=<id>", "[actions]") {
  CommentedPost fixture;
  auto connector = fixture.connector();
  const auto result = connector->execute(fixture.action(ActionKind::ban));
  CHECK(result.status == Status::done);
  CHECK(result.platform_id == "4242");
  REQUIRE(fixture.http.sent.size() == 1);
  CHECK(fixture.http.sent[0].method == "POST");
  CHECK(fixture.http.sent[0].url == "https://graph.facebook.test/v21.0/1000/blocked");
  CHECK(fixture.http.sent[0].body == "user=4242");
  check_sent_safely(fixture.http.sent[0]);
  CHECK(fixture.graph.blocked_users() == std::vector<std::string>{"4242"});
}

TEST_CASE("Internal kinds are done without any request", "[actions]") {
  CommentedPost fixture;
  auto connector = fixture.connector();
  for (auto kind : {ActionKind::ignore, ActionKind::label, ActionKind::assign, ActionKind::follow_up}) {
    CHECK(connector->execute(fixture.action(kind)).status == Status::done);
  }
  // Nothing on Facebook reaches the brand's team: not marked done with nobody told.
  for (auto kind : {ActionKind::escalate, ActionKind::notify}) {
    const auto result = connector->execute(fixture.action(kind));
    CHECK(result.status == Status::failed_permanent);
    CHECK(result.message == "facebook-pages cannot do " + std::string(parley::to_string(kind)));
  }
  CHECK(fixture.http.sent.empty());
}

TEST_CASE("supported_actions lists the platform and internal kinds, not escalate or notify", "[actions]") {
  ConnectorFixture fixture;
  const auto kinds = fixture.connector()->supported_actions();
  for (auto kind : parley::kAllActionKinds) {
    const bool for_a_team_channel = kind == ActionKind::escalate || kind == ActionKind::notify;
    CHECK((std::find(kinds.begin(), kinds.end(), kind) != kinds.end()) == !for_a_team_channel);
  }
}

TEST_CASE("One idempotency key is carried out once", "[actions]") {
  CommentedPost fixture;
  auto connector = fixture.connector();
  const auto first = connector->execute(fixture.action(ActionKind::reply_public));
  const auto again = connector->execute(fixture.action(ActionKind::reply_public));
  CHECK(again.status == Status::done);
  CHECK(again.platform_id == first.platform_id);
  CHECK(fixture.http.sent.size() == 1);
  CHECK(fixture.page_replies().size() == 1);
}

TEST_CASE("A retry after a lost answer finds the reply already posted and does not post twice", "[actions]") {
  CommentedPost fixture;
  const auto first = fixture.connector()->execute(fixture.action(ActionKind::reply_public));
  REQUIRE(first.status == Status::done);

  // The host restarted before it stored the result: a new instance, the same action, flagged as a retry.
  auto restarted = fixture.connector();
  auto retry = fixture.action(ActionKind::reply_public);
  retry.params["parley.retry"] = "1";
  fixture.http.sent.clear();
  const auto result = restarted->execute(retry);
  CHECK(result.status == Status::done);
  CHECK(result.platform_id == first.platform_id);
  REQUIRE(fixture.http.sent.size() == 1);
  CHECK(fixture.http.sent[0].method == "GET");
  CHECK(fixture.http.sent[0].url.rfind("https://graph.facebook.test/v21.0/" + fixture.comment_id + "/comments?", 0) ==
        0);
  CHECK(fixture.page_replies().size() == 1);
}

TEST_CASE("A retry whose earlier attempt never reached Meta posts the reply", "[actions]") {
  CommentedPost fixture;
  auto retry = fixture.action(ActionKind::reply_public);
  retry.params["parley.retry"] = "1";
  CHECK(fixture.connector()->execute(retry).status == Status::done);
  REQUIRE(fixture.http.sent.size() == 2);
  CHECK(fixture.http.sent[0].method == "GET");
  CHECK(fixture.http.sent[1].method == "POST");
  CHECK(fixture.page_replies().size() == 1);
}

TEST_CASE("Meta's one private reply per comment: done on a retry, refused on a first attempt", "[actions]") {
  CommentedPost fixture;
  REQUIRE(fixture.connector()->execute(fixture.action(ActionKind::reply_private)).status == Status::done);

  auto retry = fixture.action(ActionKind::reply_private);
  retry.params["parley.retry"] = "1";
  CHECK(fixture.connector()->execute(retry).status == Status::done);

  auto another = fixture.action(ActionKind::reply_private, "A second message");
  another.idempotency_key = "another-key";
  const auto refused = fixture.connector()->execute(another);
  CHECK(refused.status == Status::failed_permanent);
  CHECK(refused.message.find("one private reply per comment") != std::string::npos);
  CHECK(fixture.graph.private_replies(fixture.comment_id).size() == 1);
}

TEST_CASE("A private reply to a comment older than 7 days is refused without sending", "[actions]") {
  CommentedPost fixture;
  const auto old_id = fixture.graph.add_comment("1000_500", "", "4242", "Maria K.", "Old", fixture.now_s() - 8 * 86400);
  auto action = fixture.action(ActionKind::reply_private);
  action.target_event_id = "fb:" + old_id;

  SECTION("known from its webhook delivery: no request at all") {
    auto connector = fixture.connector();
    const auto body = json{{"object", "page"},
                           {"entry",
                            {{{"id", "1000"},
                              {"time", fixture.now_s()},
                              {"changes",
                               {{{"field", "feed"},
                                 {"value",
                                  {{"item", "comment"},
                                   {"verb", "add"},
                                   {"comment_id", old_id},
                                   {"post_id", "1000_500"},
                                   {"parent_id", "1000_500"},
                                   {"from", {{"id", "4242"}, {"name", "Maria K."}}},
                                   {"message", "Old"},
                                   {"created_time", fixture.now_s() - 8 * 86400}}}}}}}}}}
                          .dump();
    parley::WebhookRequest request;
    request.method = "POST";
    request.path = "/webhooks/test-client/fb";
    request.headers.push_back(
        {"X-Hub-Signature-256", "sha256=" + parley::test::hmac_sha256_hex(parley::test::kAppSecret, body)});
    request.body = body;
    parley::PollBatch batch;
    REQUIRE(connector->on_webhook(request, batch).status == 200);
    const auto result = connector->execute(action);
    CHECK(result.status == Status::failed_permanent);
    CHECK(result.message.find("within 7 days") != std::string::npos);
    CHECK(fixture.http.sent.empty());
  }
  SECTION("unknown to this instance: one read of created_time, no message sent") {
    const auto result = fixture.connector()->execute(action);
    CHECK(result.status == Status::failed_permanent);
    CHECK(result.message.find("8 days old") != std::string::npos);
    REQUIRE(fixture.http.sent.size() == 1);
    CHECK(fixture.http.sent[0].method == "GET");
  }
  CHECK(fixture.graph.private_replies(old_id).empty());
}

TEST_CASE("A 500 from Graph is worth retrying", "[actions][errors]") {
  CommentedPost fixture;
  fixture.graph.fail_next(kMoreThanClientRetries, 500);
  const auto result = fixture.connector()->execute(fixture.action(ActionKind::hide));
  CHECK(result.status == Status::failed_retryable);
  CHECK_FALSE(fixture.graph.comment(fixture.comment_id)->is_hidden);
}

TEST_CASE("A 429 with Retry-After is worth retrying", "[actions][errors]") {
  CommentedPost fixture;
  fixture.graph.rate_limit_next(kMoreThanClientRetries, 30);
  const auto result = fixture.connector()->execute(fixture.action(ActionKind::reply_public));
  CHECK(result.status == Status::failed_retryable);
  CHECK(result.message.find("rate limited") != std::string::npos);
  CHECK(fixture.page_replies().empty());
}

TEST_CASE("An expired token fails for good with a clear message that never contains the token", "[actions][errors]") {
  CommentedPost fixture;
  fixture.graph.expire_token();
  for (auto kind : {ActionKind::reply_public, ActionKind::reply_private, ActionKind::hide, ActionKind::ban}) {
    const auto result = fixture.connector()->execute(fixture.action(kind));
    CHECK(result.status == Status::failed_permanent);
    CHECK(result.message.find("access token expired or invalid (code 190)") != std::string::npos);
    CHECK(result.message.find(kToken) == std::string::npos);
  }
}

TEST_CASE("A comment deleted before we answered fails for good", "[actions][errors]") {
  CommentedPost fixture;
  fixture.graph.delete_comment(fixture.comment_id);
  const auto result = fixture.connector()->execute(fixture.action(ActionKind::reply_public));
  CHECK(result.status == Status::failed_permanent);
  CHECK(result.message.find("comment was deleted before we answered") != std::string::npos);
}

TEST_CASE("Deleting again on a retry counts as done", "[actions][errors]") {
  CommentedPost fixture;
  fixture.graph.delete_comment(fixture.comment_id);
  auto retry = fixture.action(ActionKind::delete_event);
  retry.params["parley.retry"] = "1";
  CHECK(fixture.connector()->execute(retry).status == Status::done);
}

TEST_CASE("No response at all is worth retrying", "[actions][errors]") {
  struct Unreachable final : parley::HttpClient {
    parley::HttpResponse send(const HttpRequest&) override {
      parley::HttpResponse response;
      response.error = "connection refused";
      return response;
    }
  } unreachable;
  CommentedPost fixture;
  fixture.context.http_client = &unreachable;
  const auto result = fixture.connector()->execute(fixture.action(ActionKind::hide));
  CHECK(result.status == Status::failed_retryable);
  CHECK(result.message.find("connection refused") != std::string::npos);
}

TEST_CASE("A target that is not a comment id, or no author to ban, fails without a request", "[actions][errors]") {
  CommentedPost fixture;
  auto connector = fixture.connector();
  auto odd = fixture.action(ActionKind::hide);
  odd.target_event_id = "fb:../1000/blocked";
  CHECK(connector->execute(odd).status == Status::failed_permanent);
  auto nobody = fixture.action(ActionKind::ban);
  nobody.target_author_id.clear();
  CHECK(connector->execute(nobody).status == Status::failed_permanent);
  auto silent = fixture.action(ActionKind::reply_public, "");
  CHECK(connector->execute(silent).status == Status::failed_permanent);
  CHECK(fixture.http.sent.empty());
}

TEST_CASE("A retry that cannot look for the earlier reply does not post blindly", "[actions][errors]") {
  CommentedPost fixture;
  fixture.graph.fail_next(kMoreThanClientRetries, 503);
  auto retry = fixture.action(ActionKind::reply_public);
  retry.params["parley.retry"] = "1";
  const auto result = fixture.connector()->execute(retry);
  CHECK(result.status == Status::failed_retryable);
  REQUIRE(fixture.http.sent.size() == 1);
  CHECK(fixture.http.sent[0].method == "GET");
  CHECK(fixture.page_replies().empty());
}

}  // namespace actions_test
