// The fake itself: what the connector tests rely on it to do like Mastodon.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "connector_fixture.hpp"
#include "fake_mastodon_api.hpp"

using nlohmann::json;
using parley::test::CannedResponse;
using parley::test::FakeMastodonApi;
using parley::test::kBrand;
using parley::test::kMaria;
using parley::test::RecordedRequest;

// A named namespace, so that helpers of different test files can share one
// unity-build translation unit.
namespace fake_mastodon_api_test {

RecordedRequest request(std::string method, std::string target, std::string body = {},
                        std::string token = parley::test::kToken) {
  RecordedRequest made;
  made.method = std::move(method);
  made.target = std::move(target);
  made.headers.push_back({"Authorization", "Bearer " + token});
  if (!body.empty()) made.headers.push_back({"Content-Type", "application/x-www-form-urlencoded"});
  made.body = std::move(body);
  return made;
}

std::string header(const CannedResponse& response, const char* name) {
  return parley::find_header(response.headers, name).value_or("");
}

TEST_CASE("The fake checks the bearer token and answers Mastodon's error body", "[fake]") {
  FakeMastodonApi mastodon(kBrand, parley::test::kToken);
  const auto wrong = mastodon.handle(request("GET", "/api/v1/notifications", "", "other"));
  CHECK(wrong.status == 401);
  CHECK(json::parse(wrong.body) == json{{"error", "The access token is invalid"}});
  CHECK(mastodon.handle(request("GET", "/api/v1/statuses/1")).status == 404);
  CHECK(json::parse(mastodon.handle(request("GET", "/api/v1/statuses/1")).body).at("error") == "Record not found");
}

TEST_CASE("The fake pages notifications newest first with Link next (max_id) and prev (min_id)", "[fake]") {
  FakeMastodonApi mastodon(kBrand, parley::test::kToken);
  for (int i = 0; i < 3; ++i) mastodon.mention(kMaria, "<p>hi</p>");
  mastodon.add_notification("favourite", kMaria, "");
  const auto page = mastodon.handle(request("GET", "/api/v1/notifications?types[]=mention&limit=2"));
  CHECK(page.status == 200);
  const auto list = json::parse(page.body);
  REQUIRE(list.size() == 2);
  CHECK(list[0].at("id") == "5000003");
  CHECK(list[1].at("id") == "5000002");
  CHECK(list[0].at("status").at("account").at("acct") == "maria");
  CHECK(header(page, "Link") ==
        "<https://mastodon.test/api/v1/notifications?limit=2&types%5B%5D=mention&max_id=5000002>; rel=\"next\", "
        "<https://mastodon.test/api/v1/notifications?limit=2&types%5B%5D=mention&min_id=5000003>; rel=\"prev\"");
  const auto last = mastodon.handle(request("GET", "/api/v1/notifications?types%5B%5D=mention&limit=2&max_id=5000002"));
  CHECK(json::parse(last.body).size() == 1);
  CHECK(header(last, "Link").find("rel=\"next\"") == std::string::npos);  // not a full page: no next
  const auto since = mastodon.handle(request("GET", "/api/v1/notifications?since_id=5000002"));
  CHECK(json::parse(since.body).size() == 2);  // 5000003 and the favourite
}

TEST_CASE("The fake sends X-RateLimit headers with an ISO 8601 reset, and Retry-After on 429", "[fake]") {
  FakeMastodonApi mastodon(kBrand, parley::test::kToken);
  const auto ok = mastodon.handle(request("GET", "/api/v1/notifications"));
  CHECK(header(ok, "X-RateLimit-Limit") == "300");
  CHECK(header(ok, "X-RateLimit-Remaining") == "299");
  CHECK(header(ok, "X-RateLimit-Reset") == "2026-11-02T09:20:00.000Z");
  mastodon.rate_limit_next(1, 30);
  const auto limited = mastodon.handle(request("GET", "/api/v1/notifications"));
  CHECK(limited.status == 429);
  CHECK(header(limited, "Retry-After") == "30");
  CHECK(header(limited, "X-RateLimit-Remaining") == "0");
  CHECK(header(limited, "X-RateLimit-Reset") == "2026-11-02T09:15:30.000Z");
}

TEST_CASE("The fake honours Idempotency-Key and validates statuses", "[fake]") {
  FakeMastodonApi mastodon(kBrand, parley::test::kToken);
  const auto target = mastodon.mention(kMaria, "<p>hi</p>");
  auto post = request("POST", "/api/v1/statuses", "status=%40maria%20hello&in_reply_to_id=" + target);
  post.headers.push_back({"Idempotency-Key", "k1"});
  const auto first = json::parse(mastodon.handle(post).body);
  const auto again = json::parse(mastodon.handle(post).body);
  CHECK(first.at("id") == again.at("id"));
  CHECK(first.at("content") == "<p>@maria hello</p>");
  CHECK(mastodon.brand_statuses().size() == 1);
  const auto blank = mastodon.handle(request("POST", "/api/v1/statuses", "visibility=public"));
  CHECK(blank.status == 422);
  CHECK(json::parse(blank.body).at("error") == "Validation failed: Text can't be blank");
  mastodon.delete_status(target);
  CHECK(mastodon.handle(request("POST", "/api/v1/statuses", "status=x&in_reply_to_id=" + target)).status == 404);
}

}  // namespace fake_mastodon_api_test
