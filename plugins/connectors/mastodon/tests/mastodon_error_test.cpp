#include <catch2/catch.hpp>

#include "mastodon_error.hpp"

using parley::HttpResponse;
using parley::mastodon::parse_mastodon_error;
using parley::mastodon::result_for_failure;
using Status = parley::ActionResult::Status;

// A named namespace, so that helpers of different test files can share one
// unity-build translation unit.
namespace mastodon_error_test {
HttpResponse answer(int status, std::string body) {
  HttpResponse response;
  response.status = status;
  response.body = std::move(body);
  return response;
}
TEST_CASE("Mastodon's error body is read with its optional description", "[errors]") {
  const auto plain = parse_mastodon_error(R"({"error":"Record not found"})");
  REQUIRE(plain);
  CHECK(plain->error == "Record not found");
  CHECK(plain->description.empty());
  const auto oauth = parse_mastodon_error(R"({"error":"invalid_grant","error_description":"The grant is invalid"})");
  REQUIRE(oauth);
  CHECK(oauth->description == "The grant is invalid");
  CHECK_FALSE(parse_mastodon_error("<html>502 Bad Gateway</html>"));
  CHECK_FALSE(parse_mastodon_error(R"({"error":{"code":1}})"));
}

TEST_CASE("Failures map to retryable or permanent with a readable message", "[errors]") {
  const auto token = "secret-token-123";
  struct Case {
    int status;
    std::string body;
    Status expected;
    std::string says;
  };
  const std::vector<Case> cases{
      {401, R"({"error":"The access token is invalid"})", Status::failed_permanent, "access token invalid, expired"},
      {403, R"({"error":"This action is outside the authorized scopes"})", Status::failed_permanent, "scope"},
      {404, R"({"error":"Record not found"})", Status::failed_permanent, "deleted"},
      {410, R"({"error":"Gone"})", Status::failed_permanent, "deleted"},
      {422, R"({"error":"Validation failed: Text can't be blank"})", Status::failed_permanent, "Text can't be blank"},
      {400, R"({"error":"bad"})", Status::failed_permanent, "HTTP 400"},
      {429, R"({"error":"Too many requests"})", Status::failed_retryable, "rate limited"},
      {500, "<html>oops</html>", Status::failed_retryable, "HTTP 500"},
      {503, R"({"error":"down"})", Status::failed_retryable, "temporary"},
  };
  for (const auto& test : cases) {
    const auto result = result_for_failure(answer(test.status, test.body), token);
    INFO("HTTP " << test.status);
    CHECK(result.status == test.expected);
    CHECK_THAT(result.message, Catch::Contains(test.says));
  }
  HttpResponse none;
  none.error = "connection refused";
  CHECK(result_for_failure(none, token).status == Status::failed_retryable);
}

TEST_CASE("The token never reaches a message, whatever the instance echoes", "[errors]") {
  const auto result = result_for_failure(answer(401, R"({"error":"The access token secret-token-123 is invalid"})"),
                                         "secret-token-123");
  CHECK(result.message.find("secret-token-123") == std::string::npos);
  CHECK_THAT(result.message, Catch::Contains("***"));
}

}  // namespace mastodon_error_test
