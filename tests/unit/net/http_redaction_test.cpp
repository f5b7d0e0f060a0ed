#include <catch2/catch.hpp>

#include "net/http_redaction.hpp"

using parley::HttpRequest;
using namespace parley::host;

TEST_CASE("http redaction: token parameters in URLs", "[net][redaction]") {
  CHECK(redact_url("https://graph.facebook.com/v21.0/me?fields=id&access_token=EAAB123") ==
        "https://graph.facebook.com/v21.0/me?fields=id&access_token=REDACTED");
  CHECK(redact_url("https://x.test/a?access_token=abc&appsecret_proof=def&limit=5#top") ==
        "https://x.test/a?access_token=REDACTED&appsecret_proof=REDACTED&limit=5#top");
  CHECK(redact_url("https://x.test/a?ACCESS_TOKEN=abc") == "https://x.test/a?ACCESS_TOKEN=REDACTED");
  CHECK(redact_url("https://x.test/access_token=abc") == "https://x.test/access_token=abc");  // a path, not a query
  CHECK(redact_url("https://x.test/a?my_access_token_hint=1") == "https://x.test/a?my_access_token_hint=1");
  CHECK(redact_url("https://x.test/a") == "https://x.test/a");
}

TEST_CASE("http redaction: a request's secrets are removed from a message", "[net][redaction]") {
  HttpRequest request;
  request.method = "POST";
  request.url = "https://x.test/feed?access_token=URLTOKEN&since=5";
  request.headers = {{"Authorization", "Bearer HEADERTOKEN"}, {"X-Trace", "visible"}};
  request.body = "message=hello&client_secret=BODYSECRET";
  const std::string message =
      "failed: Bearer HEADERTOKEN / HEADERTOKEN / URLTOKEN / BODYSECRET / visible / "
      "https://x.test/feed?access_token=URLTOKEN&since=5";
  const std::string redacted = redact_request_secrets(message, request);
  CHECK(redacted.find("HEADERTOKEN") == std::string::npos);
  CHECK(redacted.find("URLTOKEN") == std::string::npos);
  CHECK(redacted.find("BODYSECRET") == std::string::npos);
  CHECK(redacted.find("visible") != std::string::npos);
  CHECK(redacted.find("since=5") != std::string::npos);
  CHECK(is_secret_header("authorization"));
  CHECK(is_secret_header("X-Api-Key"));
  CHECK_FALSE(is_secret_header("Content-Type"));
}
