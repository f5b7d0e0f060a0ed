// InMemoryHttpClient: a parley::HttpClient that hands each request to a
// handler in the same process (e.g. FakeGraphApi::handle, FakeMastodonApi::handle) instead of a
// socket. For contract tests until they run over FakeHttpServer and the
// host's client; it does no retries, so a test sees each answer as sent.
#pragma once

#include <functional>
#include <string>
#include <utility>
#include <vector>

#include <parley/http.hpp>

#include "fake_http_server.hpp"

namespace parley::test {

class InMemoryHttpClient final : public HttpClient {
 public:
  using Handler = std::function<CannedResponse(const RecordedRequest&)>;

  explicit InMemoryHttpClient(Handler handler) : handler_(std::move(handler)) {}

  HttpResponse send(const HttpRequest& request) override {
    sent.push_back(request);
    RecordedRequest recorded;
    recorded.method = request.method;
    recorded.target = target_of(request.url);
    recorded.headers = request.headers;
    recorded.body = request.body;
    auto canned = handler_(recorded);
    HttpResponse response;
    response.status = canned.status;
    response.headers = std::move(canned.headers);
    if (!find_header(response.headers, "Content-Type"))
      response.headers.push_back({"Content-Type", "application/json"});
    response.body = std::move(canned.body);
    response.attempts = 1;
    return response;
  }

  /// Every request as the connector built it (absolute URL, headers, flags).
  std::vector<HttpRequest> sent;

 private:
  /// "http://host:port/v21.0/1?x=1" -> "/v21.0/1?x=1"
  static std::string target_of(const std::string& url) {
    const auto scheme = url.find("://");
    const auto slash = url.find('/', scheme == std::string::npos ? 0 : scheme + 3);
    return slash == std::string::npos ? "/" : url.substr(slash);
  }

  Handler handler_;
};

}  // namespace parley::test
