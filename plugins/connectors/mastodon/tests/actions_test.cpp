#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "connector_fixture.hpp"

using parley::Action;
using parley::ActionKind;
using parley::ActionResult;
using parley::HttpRequest;
using parley::PollBatch;
using parley::test::connector_config;
using parley::test::ConnectorFixture;
using parley::test::FakeMastodonApi;
using parley::test::form_values;
using parley::test::kMaria;
using parley::test::kOlga;
using parley::test::kToken;
using Status = ActionResult::Status;

// A named namespace, so that helpers of different test files can share one
// unity-build translation unit.
namespace actions_test {

/// Maria mentioned the brand; the connector has read it (so it knows her acct and language).
struct Mentioned : ConnectorFixture {
  std::string status_id;
  std::unique_ptr<parley::mastodon::MastodonConnector> connector_;

  explicit Mentioned(const parley::ConfigValue& config = connector_config(),
                     FakeMastodonApi::MentionOptions options = {}) {
    status_id = mastodon.mention(kMaria, "<p>My latte was cold</p>", options);
    connector_ = connector(config);
    PollBatch batch;
    connector_->poll(batch, 100);
    http.sent.clear();
  }

  Action action(ActionKind kind, std::string text = "Sorry about that, Maria!") const {
    Action made;
    made.kind = kind;
    made.target_event_id = "mastodon:" + status_id;
    made.target_author_id = kMaria.id;
    made.text = std::move(text);
    made.reason = "test reason";
    made.rule_id = "test-rule";
    made.idempotency_key = "key-" + std::string(parley::to_string(kind));
    return made;
  }

  ActionResult execute(const Action& action) { return connector_->execute(action); }
};

std::string header(const HttpRequest& request, const char* name) {
  return parley::find_header(request.headers, name).value_or("");
}

std::string field(const HttpRequest& request, const char* name) {
  const auto values = form_values(request.body, name);
  return values.empty() ? std::string("<absent>") : values.front();
}

void check_sent_safely(const HttpRequest& request) {
  CHECK(request.url.find(kToken) == std::string::npos);
  CHECK(request.body.find(kToken) == std::string::npos);
  CHECK(header(request, "Authorization") == std::string("Bearer ") + kToken);
  CHECK(request.rate_limit_key == "mastodon:mastodon.test:" + std::string(parley::test::kBrandId));
}

Action as_retry(Action action) {
  action.params["parley.retry"] = "1";
  return action;
}

TEST_CASE("reply_public posts a status mentioning the author, in reply, with the Idempotency-Key", "[actions]") {
  Mentioned fixture;
  const auto result = fixture.execute(fixture.action(ActionKind::reply_public, "Sorry & thanks!"));
  REQUIRE(result.status == Status::done);
  REQUIRE(fixture.http.sent.size() == 1);
  const auto& request = fixture.http.sent[0];
  CHECK(request.method == "POST");
  CHECK(request.url == "https://mastodon.test/api/v1/statuses");
  CHECK(header(request, "Content-Type") == "application/x-www-form-urlencoded");
  CHECK(header(request, "Idempotency-Key") == "key-reply_public");
  CHECK(request.body == "status=%40maria%20Sorry%20%26%20thanks%21&in_reply_to_id=" + fixture.status_id +
                            "&visibility=public&language=en");
  CHECK(request.idempotent);  // the key makes a resend safe
  check_sent_safely(request);
  const auto posted = fixture.mastodon.brand_statuses();
  REQUIRE(posted.size() == 1);
  CHECK(posted[0]->in_reply_to_id == fixture.status_id);
  CHECK(posted[0]->visibility == "public");
  CHECK(result.platform_id == posted[0]->id);
}

TEST_CASE("warn and request_removal are public replies too", "[actions]") {
  Mentioned fixture;
  CHECK(fixture.execute(fixture.action(ActionKind::warn, "Please keep it civil.")).status == Status::done);
  CHECK(fixture.execute(fixture.action(ActionKind::request_removal, "Could you remove your phone number?")).status ==
        Status::done);
  REQUIRE(fixture.http.sent.size() == 2);
  CHECK(field(fixture.http.sent[0], "status") == "@maria Please keep it civil.");
  CHECK(field(fixture.http.sent[1], "status") == "@maria Could you remove your phone number?");
  CHECK(header(fixture.http.sent[1], "Idempotency-Key") == "key-request_removal");
}

TEST_CASE("reply_private is a direct status that mentions only the author", "[actions]") {
  FakeMastodonApi::MentionOptions russian;
  russian.language = "ru";
  ConnectorFixture fixture;
  const auto status_id = fixture.mastodon.mention(kOlga, "<p>Где мой заказ?</p>", russian);
  auto connector = fixture.connector();
  PollBatch batch;
  connector->poll(batch, 100);
  fixture.http.sent.clear();

  Action action;
  action.kind = ActionKind::reply_private;
  action.target_event_id = "mastodon:" + status_id;
  action.target_author_id = kOlga.id;
  action.text = "Напишите нам номер заказа, пожалуйста.";
  action.reason = "test";
  action.rule_id = "test";
  action.idempotency_key = "private-1";
  const auto result = connector->execute(action);
  REQUIRE(result.status == Status::done);
  REQUIRE(fixture.http.sent.size() == 1);
  const auto& request = fixture.http.sent[0];
  CHECK(field(request, "status") == "@olga@social.example Напишите нам номер заказа, пожалуйста.");
  CHECK(field(request, "visibility") == "direct");
  CHECK(field(request, "in_reply_to_id") == status_id);
  CHECK(field(request, "language") == "ru");
  CHECK(header(request, "Idempotency-Key") == "private-1");
  CHECK(fixture.mastodon.brand_statuses().at(0)->visibility == "direct");
}

TEST_CASE("A reply is never wider than the status it answers, and reply_visibility applies", "[actions]") {
  SECTION("unlisted by config") {
    Mentioned fixture(connector_config({{"reply_visibility", "unlisted"}}));
    REQUIRE(fixture.execute(fixture.action(ActionKind::reply_public)).status == Status::done);
    CHECK(field(fixture.http.sent.at(0), "visibility") == "unlisted");
  }
  SECTION("a followers-only mention gets a followers-only reply") {
    FakeMastodonApi::MentionOptions followers_only;
    followers_only.visibility = "private";
    Mentioned fixture(connector_config(), followers_only);
    REQUIRE(fixture.execute(fixture.action(ActionKind::reply_public)).status == Status::done);
    CHECK(field(fixture.http.sent.at(0), "visibility") == "private");
  }
  SECTION("a public reply to a direct mention stays direct") {
    FakeMastodonApi::MentionOptions direct;
    direct.visibility = "direct";
    Mentioned fixture(connector_config(), direct);
    REQUIRE(fixture.execute(fixture.action(ActionKind::warn)).status == Status::done);
    CHECK(field(fixture.http.sent.at(0), "visibility") == "direct");
  }
}

TEST_CASE("A text that already mentions the author is not prefixed again; params.language wins", "[actions]") {
  Mentioned fixture;
  auto action = fixture.action(ActionKind::reply_public, "@maria Kiitos!");
  action.params["language"] = "fi";
  REQUIRE(fixture.execute(action).status == Status::done);
  CHECK(field(fixture.http.sent.at(0), "status") == "@maria Kiitos!");
  CHECK(field(fixture.http.sent.at(0), "language") == "fi");
}

TEST_CASE("After a restart the author is looked up with GET /api/v1/statuses/:id before replying", "[actions]") {
  ConnectorFixture fixture;
  const auto status_id = fixture.mastodon.mention(kMaria, "<p>hi</p>");
  Action action;
  action.kind = ActionKind::reply_public;
  action.target_event_id = "mastodon:" + status_id;
  action.target_author_id = kMaria.id;
  action.text = "Hello!";
  action.idempotency_key = "k";
  REQUIRE(fixture.connector()->execute(action).status == Status::done);
  REQUIRE(fixture.http.sent.size() == 2);
  CHECK(fixture.http.sent[0].method == "GET");
  CHECK(fixture.http.sent[0].url == "https://mastodon.test/api/v1/statuses/" + status_id);
  check_sent_safely(fixture.http.sent[0]);
  CHECK(field(fixture.http.sent[1], "status") == "@maria Hello!");
}

TEST_CASE("A reply longer than max_status_chars is refused without a request, never split", "[actions]") {
  Mentioned fixture;
  std::string text;
  for (int i = 0; i < 493; ++i) text += "λ";  // "@maria " (7) + 493 = 500: allowed
  CHECK(fixture.execute(fixture.action(ActionKind::reply_public, text)).status == Status::done);
  auto longer = fixture.action(ActionKind::warn, text + "λ");
  const auto refused = fixture.execute(longer);
  CHECK(refused.status == Status::failed_permanent);
  CHECK_THAT(refused.message, Catch::Contains("501 characters"));
  CHECK(fixture.http.sent.size() == 1);
}

TEST_CASE("ban blocks the author: POST /api/v1/accounts/:id/block", "[actions]") {
  Mentioned fixture;
  const auto result = fixture.execute(fixture.action(ActionKind::ban));
  CHECK(result.status == Status::done);
  CHECK(result.platform_id == kMaria.id);
  REQUIRE(fixture.http.sent.size() == 1);
  CHECK(fixture.http.sent[0].method == "POST");
  CHECK(fixture.http.sent[0].url == "https://mastodon.test/api/v1/accounts/" + kMaria.id + "/block");
  CHECK(fixture.http.sent[0].body.empty());
  check_sent_safely(fixture.http.sent[0]);
  CHECK(fixture.mastodon.blocked() == std::vector<std::string>{kMaria.id});
  CHECK(fixture.mastodon.muted().empty());
}

TEST_CASE("ban mutes instead with ban_as: mute, in the config or the action's params", "[actions]") {
  SECTION("config") {
    Mentioned fixture(connector_config({{"ban_as", "mute"}}));
    CHECK(fixture.execute(fixture.action(ActionKind::ban)).status == Status::done);
    CHECK(fixture.http.sent.at(0).url == "https://mastodon.test/api/v1/accounts/" + kMaria.id + "/mute");
    CHECK(fixture.mastodon.muted() == std::vector<std::string>{kMaria.id});
  }
  SECTION("params") {
    Mentioned fixture;
    auto action = fixture.action(ActionKind::ban);
    action.params["ban_as"] = "mute";
    CHECK(fixture.execute(action).status == Status::done);
    CHECK(fixture.mastodon.muted() == std::vector<std::string>{kMaria.id});
    CHECK(fixture.mastodon.blocked().empty());
  }
}

TEST_CASE("escalate to department 'instance' files a report with the status; others fail without a request",
          "[actions]") {
  Mentioned fixture(connector_config({{"report_forward", true}}));
  auto report = fixture.action(ActionKind::escalate, "");
  report.params["department"] = "instance";
  report.params["category"] = "spam";
  const auto result = fixture.execute(report);
  REQUIRE(result.status == Status::done);
  REQUIRE(fixture.http.sent.size() == 1);
  const auto& request = fixture.http.sent[0];
  CHECK(request.url == "https://mastodon.test/api/v1/reports");
  CHECK(request.body == "account_id=" + kMaria.id + "&status_ids%5B%5D=" + fixture.status_id +
                            "&comment=test%20reason&category=spam&forward=true");
  CHECK_FALSE(request.idempotent);  // reports take no Idempotency-Key
  REQUIRE(fixture.mastodon.reports().size() == 1);
  CHECK(fixture.mastodon.reports()[0].status_ids == std::vector<std::string>{fixture.status_id});
  CHECK(result.platform_id == fixture.mastodon.reports()[0].id);

  auto legal = fixture.action(ActionKind::escalate);
  legal.params["department"] = "legal";
  legal.idempotency_key = "legal";
  const auto not_reported = fixture.execute(legal);
  CHECK(not_reported.status == Status::failed_permanent);
  CHECK_THAT(not_reported.message, Catch::Contains("not to 'legal'") && Catch::Contains("routes:"));
  CHECK(fixture.http.sent.size() == 1);
}

TEST_CASE("hide, unhide and delete are not supported: refused without a request", "[actions]") {
  Mentioned fixture;
  const auto kinds = fixture.connector_->supported_actions();
  for (auto kind : {ActionKind::hide, ActionKind::unhide, ActionKind::delete_event}) {
    CHECK(std::find(kinds.begin(), kinds.end(), kind) == kinds.end());
    const auto result = fixture.execute(fixture.action(kind));
    CHECK(result.status == Status::failed_permanent);
    CHECK_THAT(result.message, Catch::Contains("only its own"));
  }
  for (auto kind : {ActionKind::reply_public, ActionKind::reply_private, ActionKind::ban, ActionKind::warn,
                    ActionKind::request_removal, ActionKind::escalate}) {
    CHECK(std::find(kinds.begin(), kinds.end(), kind) != kinds.end());
  }
  CHECK(fixture.http.sent.empty());
}

TEST_CASE("Internal kinds are done without any request", "[actions]") {
  Mentioned fixture;
  for (auto kind : {ActionKind::ignore, ActionKind::label, ActionKind::assign, ActionKind::follow_up}) {
    CHECK(fixture.execute(fixture.action(kind)).status == Status::done);
  }
  // Nothing on Mastodon reaches the brand's team: not declared, and not marked done.
  const auto kinds = fixture.connector_->supported_actions();
  CHECK(std::find(kinds.begin(), kinds.end(), ActionKind::notify) == kinds.end());
  CHECK(fixture.execute(fixture.action(ActionKind::notify)).status == Status::failed_permanent);
  CHECK(fixture.http.sent.empty());
}

TEST_CASE("One idempotency key is carried out once in a run", "[actions]") {
  Mentioned fixture;
  const auto first = fixture.execute(fixture.action(ActionKind::reply_public));
  const auto again = fixture.execute(fixture.action(ActionKind::reply_public));
  CHECK(again.platform_id == first.platform_id);
  CHECK(fixture.http.sent.size() == 1);
  CHECK(fixture.mastodon.brand_statuses().size() == 1);
}

TEST_CASE("A 500, then the retry succeeds", "[actions][errors]") {
  Mentioned fixture;
  fixture.mastodon.fail_next(1, 500);
  const auto failed = fixture.execute(fixture.action(ActionKind::reply_public));
  CHECK(failed.status == Status::failed_retryable);
  CHECK(fixture.mastodon.brand_statuses().empty());
  const auto retried = fixture.execute(as_retry(fixture.action(ActionKind::reply_public)));
  CHECK(retried.status == Status::done);
  CHECK(fixture.mastodon.brand_statuses().size() == 1);
}

TEST_CASE("A retry after a lost answer is safe: the Idempotency-Key returns the status already posted",
          "[actions][errors]") {
  Mentioned fixture;
  fixture.mastodon.lose_next_answer();
  const auto lost = fixture.execute(fixture.action(ActionKind::reply_public));
  CHECK(lost.status == Status::failed_retryable);
  REQUIRE(fixture.mastodon.brand_statuses().size() == 1);  // the instance did post it
  const auto posted_id = fixture.mastodon.brand_statuses()[0]->id;

  // The host restarted before it stored the result: a new instance, the same action, flagged as a retry.
  auto restarted = fixture.connector();
  const auto retried = restarted->execute(as_retry(fixture.action(ActionKind::reply_public)));
  CHECK(retried.status == Status::done);
  CHECK(retried.platform_id == posted_id);
  CHECK(fixture.mastodon.brand_statuses().size() == 1);
  const auto& posts = fixture.http.sent;
  REQUIRE(posts.size() == 3);  // POST, then after the restart GET the status's author, POST again
  CHECK(header(posts[0], "Idempotency-Key") == header(posts[2], "Idempotency-Key"));
  CHECK(posts[0].body == posts[2].body);
}

TEST_CASE("A 429 with Retry-After is worth retrying", "[actions][errors]") {
  Mentioned fixture;
  fixture.mastodon.rate_limit_next(1, 30);
  const auto result = fixture.execute(fixture.action(ActionKind::reply_public));
  CHECK(result.status == Status::failed_retryable);
  CHECK_THAT(result.message, Catch::Contains("rate limited"));
  CHECK(fixture.mastodon.brand_statuses().empty());
}

TEST_CASE("An expired or revoked token fails for good with a clear message without the token", "[actions][errors]") {
  Mentioned fixture;
  fixture.mastodon.expire_token();
  for (auto kind : {ActionKind::reply_public, ActionKind::reply_private, ActionKind::ban}) {
    const auto result = fixture.execute(fixture.action(kind));
    CHECK(result.status == Status::failed_permanent);
    CHECK_THAT(result.message, Catch::Contains("access token invalid, expired or revoked (HTTP 401)"));
    CHECK(result.message.find(kToken) == std::string::npos);
  }
}

TEST_CASE("A status deleted before we answered fails for good", "[actions][errors]") {
  SECTION("known from polling: the POST gets 404") {
    Mentioned fixture;
    fixture.mastodon.delete_status(fixture.status_id);
    const auto result = fixture.execute(fixture.action(ActionKind::reply_public));
    CHECK(result.status == Status::failed_permanent);
    CHECK_THAT(result.message, Catch::Contains("deleted"));
    CHECK_THAT(result.message, Catch::Contains("Record not found"));
    CHECK(fixture.mastodon.brand_statuses().empty());
  }
  SECTION("unknown to this instance: the lookup gets 404, nothing is posted") {
    ConnectorFixture fixture;
    const auto status_id = fixture.mastodon.mention(kMaria, "<p>bye</p>");
    fixture.mastodon.delete_status(status_id);
    Action action;
    action.kind = ActionKind::reply_private;
    action.target_event_id = "mastodon:" + status_id;
    action.text = "Hello";
    const auto result = fixture.connector()->execute(action);
    CHECK(result.status == Status::failed_permanent);
    CHECK_THAT(result.message, Catch::Contains("deleted"));
    CHECK(fixture.http.sent.size() == 1);
  }
}

TEST_CASE("A target that is not a status id, or an author that is not an account id, fails without a request",
          "[actions][errors]") {
  Mentioned fixture;
  auto odd = fixture.action(ActionKind::reply_public);
  odd.target_event_id = "mastodon:../accounts/1/block";
  CHECK(fixture.execute(odd).status == Status::failed_permanent);
  auto nobody = fixture.action(ActionKind::ban);
  nobody.target_author_id = "1/mute?x=";
  CHECK(fixture.execute(nobody).status == Status::failed_permanent);
  auto brand = fixture.action(ActionKind::ban);
  brand.target_author_id = parley::test::kBrandId;
  CHECK(fixture.execute(brand).status == Status::failed_permanent);
  CHECK(fixture.execute(fixture.action(ActionKind::reply_public, "")).status == Status::failed_permanent);
  CHECK(fixture.http.sent.empty());
}

}  // namespace actions_test
