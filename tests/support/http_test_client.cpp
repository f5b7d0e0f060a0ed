#include "http_test_client.hpp"

#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <sstream>

namespace parley::test {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;

TestResponse raw_request(std::uint16_t port, const std::string& raw, std::chrono::milliseconds timeout) {
  // Asynchronous steps run to completion here: only those honour the deadline.
  asio::io_context io;
  beast::tcp_stream stream(io);
  beast::flat_buffer buffer;
  http::response<http::string_body> response;
  TestResponse result;
  stream.expires_after(timeout);
  stream.async_connect(tcp::endpoint(asio::ip::make_address("127.0.0.1"), port), [&](beast::error_code error) {
    if (error) {
      result.error = "connect: " + error.message();
      return;
    }
    asio::async_write(stream, asio::buffer(raw), [&](beast::error_code write_error, std::size_t) {
      // A server that answers early (413) may close before all was written: read its reply anyway.
      if (write_error) result.error = "write: " + write_error.message();
      http::async_read(stream, buffer, response, [&](beast::error_code read_error, std::size_t) {
        if (read_error) {
          result.error += (result.error.empty() ? "" : "; ") + std::string("read: ") + read_error.message();
          return;
        }
        result.error.clear();
        result.status = static_cast<int>(response.result_int());
        result.body = response.body();
        for (const auto& field : response) {
          result.headers.push_back({std::string(field.name_string()), std::string(field.value())});
        }
      });
    });
  });
  io.run();
  return result;
}

TestResponse http_request(std::uint16_t port, const std::string& method, const std::string& target,
                          const std::vector<HttpHeader>& headers, const std::string& body) {
  http::request<http::string_body> request;
  request.method_string(method);
  request.target(target);
  request.version(11);
  request.set(http::field::host, "127.0.0.1");
  for (const auto& header : headers) request.set(header.name, header.value);
  request.body() = body;
  request.prepare_payload();
  std::ostringstream raw;
  raw << request;
  return raw_request(port, raw.str());
}

}  // namespace parley::test
