#include <catch2/catch.hpp>

#include "graph_error.hpp"

using parley::ActionResult;
using parley::HttpResponse;
using parley::graph::parse_graph_error;
using parley::graph::result_for_failure;
using Status = ActionResult::Status;

// A named namespace, so that helpers of different test files can share one
// unity-build translation unit.
namespace graph_error_test {

constexpr const char* kToken = "EAAG-token-in-a-message";

HttpResponse graph_failure(int status, int code, int subcode = 0, const std::string& message = "something") {
  HttpResponse response;
  response.status = status;
  response.body = R"({"error":{"message":")" + message + R"(","type":"OAuthException","code":)" + std::to_string(code) +
                  (subcode ? R"(,"error_subcode":)" + std::to_string(subcode) : "") + R"(,"fbtrace_id":"AbC123"}})";
  return response;
}

TEST_CASE("Graph's error object is read field by field", "[errors]") {
  const auto error = parse_graph_error(
      R"({"error":{"message":"Bad","type":"OAuthException","code":190,"error_subcode":463,"fbtrace_id":"X1"}})");
  REQUIRE(error);
  CHECK(error->code == 190);
  CHECK(error->subcode == 463);
  CHECK(error->type == "OAuthException");
  CHECK(error->message == "Bad");
  CHECK(error->fbtrace_id == "X1");
  CHECK_FALSE(parse_graph_error(R"({"id":"1"})"));
  CHECK_FALSE(parse_graph_error("<html>502</html>"));
}

TEST_CASE("Code 190 is an expired or invalid token, for good", "[errors]") {
  const auto result = result_for_failure(graph_failure(400, 190, 463), kToken);
  CHECK(result.status == Status::failed_permanent);
  CHECK(result.message.rfind("access token expired or invalid (code 190)", 0) == 0);
}

TEST_CASE("Codes 10 and 200-299 are missing permissions, for good", "[errors]") {
  for (int code : {10, 200, 230, 299}) {
    const auto result = result_for_failure(graph_failure(403, code), kToken);
    CHECK(result.status == Status::failed_permanent);
    CHECK(result.message.rfind("missing permission", 0) == 0);
    CHECK(result.message.find("code " + std::to_string(code)) != std::string::npos);
  }
  CHECK(result_for_failure(graph_failure(400, 300), kToken).message.rfind("missing permission", 0) != 0);
}

TEST_CASE("Code 100 with subcode 33, or saying the object does not exist, is a deleted comment", "[errors]") {
  const auto by_subcode = result_for_failure(graph_failure(400, 100, 33), kToken);
  CHECK(by_subcode.status == Status::failed_permanent);
  CHECK(by_subcode.message.rfind("comment was deleted before we answered", 0) == 0);
  const auto by_message = result_for_failure(graph_failure(400, 100, 0, "Object with ID 1_2 does not exist"), kToken);
  CHECK(by_message.message.rfind("comment was deleted before we answered", 0) == 0);
  const auto other_100 = result_for_failure(graph_failure(400, 100, 0, "Invalid parameter"), kToken);
  CHECK(other_100.status == Status::failed_permanent);
  CHECK(other_100.message.rfind("the Graph API refused the request", 0) == 0);
}

TEST_CASE("Rate limits (4, 17, 32, 613, HTTP 429) are worth retrying", "[errors]") {
  for (int code : {4, 17, 32, 613}) {
    const auto result = result_for_failure(graph_failure(400, code), kToken);
    CHECK(result.status == Status::failed_retryable);
    CHECK(result.message.rfind("rate limited", 0) == 0);
  }
  HttpResponse bare_429;
  bare_429.status = 429;
  CHECK(result_for_failure(bare_429, kToken).status == Status::failed_retryable);
}

TEST_CASE("Transient errors (1, 2, 5xx, no response) are worth retrying", "[errors]") {
  CHECK(result_for_failure(graph_failure(500, 1), kToken).status == Status::failed_retryable);
  CHECK(result_for_failure(graph_failure(503, 2), kToken).status == Status::failed_retryable);
  HttpResponse gateway;
  gateway.status = 502;
  gateway.body = "<html>Bad Gateway</html>";
  CHECK(result_for_failure(gateway, kToken).status == Status::failed_retryable);
  HttpResponse nothing;
  nothing.error = "timed out after 10000 ms";
  const auto result = result_for_failure(nothing, kToken);
  CHECK(result.status == Status::failed_retryable);
  CHECK(result.message.find("timed out") != std::string::npos);
}

TEST_CASE("Other 4xx fail for good with Graph's message and trace id", "[errors]") {
  const auto result = result_for_failure(graph_failure(400, 368, 0, "Temporarily blocked for policies"), kToken);
  CHECK(result.status == Status::failed_permanent);
  CHECK(result.message.find("Temporarily blocked for policies") != std::string::npos);
  CHECK(result.message.find("AbC123") != std::string::npos);
}

TEST_CASE("The token never appears in a message, wherever Meta or the transport put it", "[errors]") {
  std::string echo = "bad token ";
  echo += kToken;
  const auto echoed = result_for_failure(graph_failure(400, 100, 0, echo), kToken);
  CHECK(echoed.message.find(kToken) == std::string::npos);
  CHECK(echoed.message.find("***") != std::string::npos);
  HttpResponse transport;
  transport.error = "could not reach https://x/?access_token=";
  transport.error += kToken;
  CHECK(result_for_failure(transport, kToken).message.find(kToken) == std::string::npos);
}

}  // namespace graph_error_test
