// FakeHttpServer: a real HTTP/1.1 server on 127.0.0.1 (an ephemeral port)
// for tests. Each request is recorded, then answered by the test's handler;
// platform fakes (e.g. a fake Graph API) are handlers that follow the
// platform's documented endpoints.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <parley/http.hpp>
#include <string>
#include <vector>

namespace parley::test {

struct RecordedRequest {
  std::string method;  ///< "GET", "POST", ...
  std::string target;  ///< path and query as sent, e.g. "/v21.0/123/comments?fields=id"
  std::vector<HttpHeader> headers;
  std::string body;

  std::string path() const;   ///< target up to '?'
  std::string query() const;  ///< target after '?', "" when none
  std::optional<std::string> header(std::string_view name) const { return find_header(headers, name); }
};

struct CannedResponse {
  int status = 200;
  std::vector<HttpHeader> headers;  ///< Content-Type defaults to application/json
  std::string body;
  /// Wait this long before answering (to make a client time out).
  std::chrono::milliseconds delay{0};
};

class FakeHttpServer {
 public:
  using Handler = std::function<CannedResponse(const RecordedRequest&)>;

  /// Starts listening at once, on its own thread. The handler is called on
  /// that thread, one request at a time.
  explicit FakeHttpServer(Handler handler);
  ~FakeHttpServer();
  FakeHttpServer(const FakeHttpServer&) = delete;
  FakeHttpServer& operator=(const FakeHttpServer&) = delete;

  std::uint16_t port() const;
  std::string base_url() const;  ///< "http://127.0.0.1:<port>"
  /// Every request received so far, in arrival order.
  std::vector<RecordedRequest> requests() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace parley::test
