// The fake server against a plain Beast client, so its own behaviour is
// checked without the HTTP client it is used to test.
#include <catch2/catch.hpp>

#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <chrono>
#include <fake_http_server.hpp>

using parley::test::CannedResponse;
using parley::test::FakeHttpServer;
using parley::test::RecordedRequest;

// A named namespace, so that helpers of different test files can share one
// unity-build translation unit.
namespace fake_http_server_test {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;

/// One connection to the server; requests go over it in turn (keep-alive).
class Connection {
 public:
  explicit Connection(std::uint16_t port) : stream_(io_) {
    stream_.connect(asio::ip::tcp::endpoint(asio::ip::make_address("127.0.0.1"), port));
  }

  http::response<http::string_body> send(http::verb method, const std::string& target, const std::string& body = "",
                                         std::vector<std::pair<std::string, std::string>> headers = {}) {
    http::request<http::string_body> request{method, target, 11};
    request.set(http::field::host, "127.0.0.1");
    for (const auto& [name, value] : headers) request.set(name, value);
    request.body() = body;
    request.prepare_payload();
    http::write(stream_, request);
    http::response<http::string_body> response;
    http::read(stream_, buffer_, response);
    return response;
  }

 private:
  asio::io_context io_;
  beast::tcp_stream stream_;
  beast::flat_buffer buffer_;
};

TEST_CASE("fake http server: answers with the handler's response and records the request", "[net][fake_http]") {
  FakeHttpServer server([](const RecordedRequest& request) {
    return CannedResponse{201, {{"X-Seen", request.path()}}, "{\"query\":\"" + request.query() + "\"}", {}};
  });
  CHECK(server.base_url() == "http://127.0.0.1:" + std::to_string(server.port()));
  Connection connection(server.port());
  const auto response = connection.send(http::verb::post, "/v21.0/123/comments?fields=id&limit=2", "message=hi",
                                        {{"Authorization", "Bearer abc"}});
  CHECK(response.result_int() == 201);
  CHECK(response.body() == "{\"query\":\"fields=id&limit=2\"}");
  CHECK(response["X-Seen"] == "/v21.0/123/comments");
  CHECK(response[http::field::content_type] == "application/json");  // the default

  const auto requests = server.requests();
  REQUIRE(requests.size() == 1);
  CHECK(requests[0].method == "POST");
  CHECK(requests[0].target == "/v21.0/123/comments?fields=id&limit=2");
  CHECK(requests[0].path() == "/v21.0/123/comments");
  CHECK(requests[0].query() == "fields=id&limit=2");
  CHECK(requests[0].body == "message=hi");
  CHECK(requests[0].header("authorization") == "Bearer abc");
}

TEST_CASE("fake http server: keeps the connection alive and serves requests in order", "[net][fake_http]") {
  int count = 0;
  FakeHttpServer server([&count](const RecordedRequest&) {
    return CannedResponse{200, {{"Content-Type", "text/plain"}}, std::to_string(++count), {}};
  });
  Connection connection(server.port());
  for (int expected = 1; expected <= 3; ++expected) {
    const auto response = connection.send(http::verb::get, "/n" + std::to_string(expected));
    CHECK(response.body() == std::to_string(expected));
    CHECK(response[http::field::content_type] == "text/plain");
    CHECK(response.keep_alive());
  }
  const auto requests = server.requests();
  REQUIRE(requests.size() == 3);
  CHECK(requests[0].target == "/n1");
  CHECK(requests[2].target == "/n3");
  CHECK(requests[1].query().empty());
}

TEST_CASE("fake http server: waits the response's delay before answering", "[net][fake_http]") {
  FakeHttpServer server([](const RecordedRequest&) {
    return CannedResponse{200, {}, "{}", std::chrono::milliseconds(300)};
  });
  Connection connection(server.port());
  const auto start = std::chrono::steady_clock::now();
  connection.send(http::verb::get, "/slow");
  CHECK(std::chrono::steady_clock::now() - start >= std::chrono::milliseconds(290));
}

TEST_CASE("fake http server: a handler that throws gives a 500, and the server goes on", "[net][fake_http]") {
  FakeHttpServer server([](const RecordedRequest& request) -> CannedResponse {
    if (request.path() == "/boom") throw std::runtime_error("no such fixture");
    return {200, {}, "{}", {}};
  });
  Connection connection(server.port());
  const auto failed = connection.send(http::verb::get, "/boom");
  CHECK(failed.result_int() == 500);
  CHECK(failed.body().find("no such fixture") != std::string::npos);
  CHECK(connection.send(http::verb::get, "/fine").result_int() == 200);
}

}  // namespace fake_http_server_test
