// CurlHttpClient against the fake server: retries, idempotency, waits,
// headers, redaction. Backoff is shortened so the file runs in a few seconds.
#include <catch2/catch.hpp>

#include <algorithm>
#include <chrono>
#include <fake_http_server.hpp>
#include <set>

#include "net/curl_http_client.hpp"

using parley::HttpRequest;
using parley::HttpResponse;
using parley::host::CurlHttpClient;
using parley::host::HttpSettings;
using parley::host::RateLimiterRegistry;
using parley::test::CannedResponse;
using parley::test::FakeHttpServer;
using parley::test::RecordedRequest;

// A named namespace, so that helpers of different test files can share one
// unity-build translation unit.
namespace curl_http_client_test {

HttpSettings fast_settings() {
  HttpSettings settings;
  settings.timeout_ms = 2'000;
  settings.backoff_ms = 10;
  settings.max_backoff_ms = 40;
  settings.max_wait_ms = 5'000;
  return settings;
}

/// Answers with `statuses` in turn, then 200 with body "ok".
FakeHttpServer::Handler in_turn(std::vector<CannedResponse> responses) {
  auto next = std::make_shared<std::size_t>(0);
  return [responses = std::move(responses), next](const RecordedRequest&) {
    if (*next < responses.size()) return responses[(*next)++];
    return CannedResponse{200, {}, "ok", {}};
  };
}

CannedResponse status(int code) { return {code, {}, "{\"error\":" + std::to_string(code) + "}", {}}; }

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

HttpRequest get(const FakeHttpServer& server, const std::string& path) {
  HttpRequest request;
  request.url = server.base_url() + path;
  return request;
}

TEST_CASE("http client: returns status, headers and body", "[net][http_client]") {
  FakeHttpServer server([](const RecordedRequest& request) {
    return CannedResponse{201, {{"X-Id", "42"}, {"Content-Type", "text/plain"}}, "made " + request.body, {}};
  });
  CurlHttpClient client(fast_settings(), nullptr);
  HttpRequest request;
  request.method = "POST";
  request.url = server.base_url() + "/v1/items?x=1";
  request.headers = {{"Content-Type", "application/json"}, {"X-Custom", "yes"}};
  request.body = R"({"name":"a"})";
  const HttpResponse response = client.send(request);
  CHECK(response.status == 201);
  CHECK(response.ok());
  CHECK(response.error.empty());
  CHECK(response.attempts == 1);
  CHECK(response.body == R"(made {"name":"a"})");
  CHECK(response.header("x-id") == "42");
  CHECK(response.header("Content-Type") == "text/plain");
  const auto requests = server.requests();
  REQUIRE(requests.size() == 1);
  CHECK(requests[0].method == "POST");
  CHECK(requests[0].target == "/v1/items?x=1");
  CHECK(requests[0].body == R"({"name":"a"})");
  CHECK(requests[0].header("X-Custom") == "yes");
  CHECK(requests[0].header("Content-Type") == "application/json");
}

TEST_CASE("http client: a 500 is retried, then the success returned", "[net][http_client]") {
  FakeHttpServer server(in_turn({status(500)}));
  CurlHttpClient client(fast_settings(), nullptr);
  const auto response = client.send(get(server, "/flaky"));
  CHECK(response.status == 200);
  CHECK(response.body == "ok");
  CHECK(response.attempts == 2);
  CHECK(server.requests().size() == 2);
}

TEST_CASE("http client: gives up after max_attempts and returns the last response", "[net][http_client]") {
  FakeHttpServer server([](const RecordedRequest&) { return status(502); });
  auto settings = fast_settings();
  settings.max_attempts = 3;
  CurlHttpClient client(settings, nullptr);
  const auto response = client.send(get(server, "/down"));
  CHECK(response.status == 502);
  CHECK(response.body == "{\"error\":502}");
  CHECK(response.attempts == 3);
  CHECK(server.requests().size() == 3);
}

TEST_CASE("http client: a 4xx other than 429 is not retried", "[net][http_client]") {
  FakeHttpServer server(in_turn({status(400)}));
  CurlHttpClient client(fast_settings(), nullptr);
  const auto response = client.send(get(server, "/bad"));
  CHECK(response.status == 400);
  CHECK(response.attempts == 1);
  CHECK(server.requests().size() == 1);
}

TEST_CASE("http client: a 429 with Retry-After waits that long, then retries", "[net][http_client]") {
  FakeHttpServer server(in_turn({{429, {{"Retry-After", "1"}}, "{}", {}}}));
  CurlHttpClient client(fast_settings(), nullptr);
  const auto start = std::chrono::steady_clock::now();
  auto request = get(server, "/limited");
  request.rate_limit_key = "test:429";
  const auto response = client.send(request);
  CHECK(seconds_since(start) >= 0.9);
  CHECK(response.status == 200);
  CHECK(response.attempts == 2);
}

TEST_CASE("http client: a Retry-After beyond max_wait_ms is returned, not slept", "[net][http_client]") {
  FakeHttpServer server(in_turn({{429, {{"Retry-After", "3600"}}, "{}", {}}}));
  auto limits = std::make_shared<RateLimiterRegistry>();
  CurlHttpClient client(fast_settings(), limits);
  auto request = get(server, "/limited");
  request.rate_limit_key = "test:long";
  const auto start = std::chrono::steady_clock::now();
  const auto response = client.send(request);
  CHECK(seconds_since(start) < 3);
  CHECK(response.status == 429);
  CHECK(response.attempts == 1);
  // The key stays paused: the next request is refused without being sent.
  const auto refused = client.send(request);
  CHECK(refused.status == 429);
  CHECK(refused.attempts == 0);
  CHECK(refused.header("Retry-After"));
  CHECK(server.requests().size() == 1);
}

TEST_CASE("http client: a timeout is retried for a GET, not for a POST that must not run twice", "[net][http_client]") {
  auto seen = std::make_shared<std::set<std::string>>();
  FakeHttpServer server([seen](const RecordedRequest& request) {
    // The first request of each path is slow.
    const bool first = seen->insert(request.path()).second;
    return CannedResponse{200, {}, "ok", first ? std::chrono::milliseconds(600) : std::chrono::milliseconds(0)};
  });
  CurlHttpClient client(fast_settings(), nullptr);

  auto read = get(server, "/read");
  read.timeout_ms = 200;
  const auto read_response = client.send(read);
  CHECK(read_response.status == 200);
  CHECK(read_response.attempts == 2);

  auto post = get(server, "/reply");
  post.method = "POST";
  post.body = "message=thanks";
  post.timeout_ms = 200;
  post.idempotent = false;
  const auto post_response = client.send(post);
  CHECK(post_response.status == 0);
  CHECK_FALSE(post_response.error.empty());
  CHECK(post_response.attempts == 1);
  const auto requests = server.requests();
  CHECK(std::count_if(requests.begin(), requests.end(), [](const auto& r) { return r.path() == "/reply"; }) == 1);
}

TEST_CASE("http client: a 503 is retried even for a POST that must not run twice", "[net][http_client]") {
  FakeHttpServer server(in_turn({status(503)}));
  CurlHttpClient client(fast_settings(), nullptr);
  auto post = get(server, "/reply");
  post.method = "POST";
  post.idempotent = false;
  const auto response = client.send(post);
  CHECK(response.status == 200);
  CHECK(response.attempts == 2);
}

TEST_CASE("http client: a 500 is not retried for a POST that must not run twice", "[net][http_client]") {
  FakeHttpServer server(in_turn({status(500)}));
  CurlHttpClient client(fast_settings(), nullptr);
  auto post = get(server, "/reply");
  post.method = "POST";
  post.idempotent = false;
  const auto response = client.send(post);
  CHECK(response.status == 500);
  CHECK(response.attempts == 1);
}

TEST_CASE("http client: a refused connection is retried, and the error names no secret", "[net][http_client]") {
  std::string url;
  {
    FakeHttpServer gone([](const RecordedRequest&) { return CannedResponse{}; });
    url = gone.base_url();
  }  // closed: nothing listens on that port now
  auto settings = fast_settings();
  settings.max_attempts = 2;
  CurlHttpClient client(settings, nullptr);
  HttpRequest request;
  request.method = "POST";
  request.idempotent = false;  // never sent, so safe to retry even so
  request.url = url + "/v21.0/me/feed?access_token=QUERYSECRET";
  request.headers = {{"Authorization", "Bearer HEADERSECRET"}};
  request.body = "message=BODYTEXT";
  const auto response = client.send(request);
  CHECK(response.status == 0);
  CHECK(response.attempts == 2);
  INFO(response.error);
  CHECK_FALSE(response.error.empty());
  CHECK(response.error.find("HEADERSECRET") == std::string::npos);
  CHECK(response.error.find("QUERYSECRET") == std::string::npos);
  CHECK(response.error.find("BODYTEXT") == std::string::npos);
  CHECK(response.error.find("/v21.0/me/feed") != std::string::npos);
}

TEST_CASE("http client: follows no redirect", "[net][http_client]") {
  FakeHttpServer server([](const RecordedRequest&) {
    return CannedResponse{302, {{"Location", "/elsewhere"}}, "", {}};
  });
  CurlHttpClient client(fast_settings(), nullptr);
  const auto response = client.send(get(server, "/moved"));
  CHECK(response.status == 302);
  CHECK(response.header("Location") == "/elsewhere");
  CHECK(server.requests().size() == 1);
}

TEST_CASE("http client: requests of one key keep to its rate", "[net][http_client]") {
  FakeHttpServer server([](const RecordedRequest&) { return CannedResponse{200, {}, "ok", {}}; });
  auto limits = std::make_shared<RateLimiterRegistry>();
  limits->configure({{"paced:", 10, 1, "test"}});
  CurlHttpClient client(fast_settings(), limits);
  auto request = get(server, "/paced");
  request.rate_limit_key = "paced:1";
  const auto start = std::chrono::steady_clock::now();
  for (int i = 0; i < 4; ++i) CHECK(client.send(request).ok());
  CHECK(seconds_since(start) >= 0.28);  // 4 at 10/s: 3 intervals of 100 ms
}

}  // namespace curl_http_client_test
