// A tiny blocking HTTP/1.1 client for tests (Boost.Beast), to talk to the
// host's webhook listener on 127.0.0.1.
#pragma once

#include <chrono>
#include <cstdint>
#include <parley/http.hpp>
#include <string>
#include <vector>

namespace parley::test {

struct TestResponse {
  int status = 0;  ///< 0: no response (see error)
  std::string body;
  std::vector<HttpHeader> headers;
  std::string error;  ///< why there was no response
};

/// Sends one request to 127.0.0.1:`port` and reads the reply.
TestResponse http_request(std::uint16_t port, const std::string& method, const std::string& target,
                          const std::vector<HttpHeader>& headers = {}, const std::string& body = {});

/// Writes `raw` bytes as they are (e.g. headers without the body they
/// announce), then reads one reply, waiting at most `timeout`.
TestResponse raw_request(std::uint16_t port, const std::string& raw,
                         std::chrono::milliseconds timeout = std::chrono::seconds(5));

}  // namespace parley::test
