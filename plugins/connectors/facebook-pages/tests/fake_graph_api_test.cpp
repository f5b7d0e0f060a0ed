// The fake itself: what the connector tests rely on it to do like Graph.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "fake_graph_api.hpp"

using nlohmann::json;
using parley::test::CannedResponse;
using parley::test::FakeGraphApi;
using parley::test::RecordedRequest;

// A named namespace, so that helpers of different test files can share one
// unity-build translation unit.
namespace fake_graph_api_test {

RecordedRequest request(std::string method, std::string target, std::string token = "tok") {
  RecordedRequest made;
  made.method = std::move(method);
  made.target = std::move(target);
  made.headers.push_back({"Authorization", "Bearer " + token});
  return made;
}

int error_code(const CannedResponse& response) { return json::parse(response.body).at("error").at("code"); }

TEST_CASE("The fake checks the bearer token and answers with Graph's error object", "[fake]") {
  FakeGraphApi graph("1000", "Page", "tok");
  const auto wrong = graph.handle(request("GET", "/v21.0/1000/feed", "other"));
  CHECK(wrong.status == 400);
  const auto error = json::parse(wrong.body).at("error");
  CHECK(error.at("code") == 190);
  CHECK(error.at("type") == "OAuthException");
  CHECK(error.contains("fbtrace_id"));
  CHECK(error.contains("message"));
  graph.expire_token();
  const auto expired = json::parse(graph.handle(request("GET", "/v21.0/1000/feed")).body).at("error");
  CHECK(expired.at("code") == 190);
  CHECK(expired.at("error_subcode") == 463);
}

TEST_CASE("Every answer carries X-Business-Use-Case-Usage", "[fake]") {
  FakeGraphApi graph("1000", "Page", "tok");
  const auto response = graph.handle(request("GET", "/v21.0/1000/feed"));
  const auto usage = parley::find_header(response.headers, "X-Business-Use-Case-Usage");
  REQUIRE(usage);
  const auto parsed = json::parse(*usage);
  CHECK(parsed.at(graph.business_id).at(0).at("type") == "pages");
  CHECK(parsed.at(graph.business_id).at(0).contains("call_count"));
}

TEST_CASE("A deleted or unknown comment is code 100, subcode 33", "[fake]") {
  FakeGraphApi graph("1000", "Page", "tok");
  const auto id = graph.add_comment("1000_5", "", "42", "A", "hi", 1793600000);
  CHECK(graph.handle(request("GET", "/v21.0/" + id)).status == 200);
  graph.delete_comment(id);
  const auto gone = graph.handle(request("POST", "/v21.0/" + id + "/comments"));
  CHECK(error_code(gone) == 100);
  CHECK(json::parse(gone.body).at("error").at("error_subcode") == 33);
  CHECK(error_code(graph.handle(request("GET", "/v21.0/5_424242"))) == 100);
}

TEST_CASE("Injected failures come first, then the fake answers normally", "[fake]") {
  FakeGraphApi graph("1000", "Page", "tok");
  graph.fail_next(2, 503);
  graph.rate_limit_next(1, 12);
  CHECK(graph.handle(request("GET", "/v21.0/1000/feed")).status == 503);
  CHECK(graph.handle(request("GET", "/v21.0/1000/feed")).status == 503);
  const auto limited = graph.handle(request("GET", "/v21.0/1000/feed"));
  CHECK(limited.status == 429);
  CHECK(parley::find_header(limited.headers, "Retry-After") == std::string("12"));
  CHECK(error_code(limited) == 4);
  CHECK(graph.handle(request("GET", "/v21.0/1000/feed")).status == 200);
  CHECK(graph.requests().size() == 4);
}

TEST_CASE("The feed pages with cursors and a next link that keeps the query", "[fake]") {
  FakeGraphApi graph("1000", "Page", "tok");
  graph.max_page_size = 1;
  graph.add_comment("1000_1", "", "42", "A", "one", 1793600000);
  graph.add_comment("1000_2", "", "42", "A", "two", 1793600100);
  const auto first = json::parse(graph.handle(request("GET", "/v21.0/1000/feed?since=0&limit=5")).body);
  CHECK(first.at("data").at(0).at("id") == "1000_2");
  CHECK(first.at("data").at(0).at("comments").at("data").at(0).at("created_time") == "2026-11-02T06:15:00+0000");
  const std::string next = first.at("paging").at("next");
  CHECK(next == graph.base_url + "/v21.0/1000/feed?since=0&limit=5&after=cursor-1");
  const auto second = json::parse(graph.handle(request("GET", next.substr(graph.base_url.size()))).body);
  CHECK(second.at("data").at(0).at("id") == "1000_1");
  CHECK_FALSE(second.at("paging").contains("next"));
}

}  // namespace fake_graph_api_test
