#include <catch2/catch.hpp>

#include "net/rate_limit_headers.hpp"

using parley::HttpHeader;
using namespace parley::host;

// A named namespace, so that helpers of different test files can share one
// unity-build translation unit.
namespace rate_limit_headers_test {
// 2015-10-21T07:28:00Z, as ms since the epoch (calendar.timegm in Python).
constexpr std::int64_t kOct21 = 1'445'412'480'000;
TEST_CASE("http headers: Retry-After in seconds or as an HTTP-date", "[net][rate_limit_headers]") {
  CHECK(parse_retry_after("120", kOct21) == kOct21 + 120'000);
  CHECK(parse_retry_after(" 0 ", kOct21) == kOct21);
  CHECK(parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT", 0) == kOct21);
  CHECK(parse_retry_after("Wed, 21 Oct 2015 07:29:30 GMT", 0) == kOct21 + 90'000);
  CHECK_FALSE(parse_retry_after("", kOct21));
  CHECK_FALSE(parse_retry_after("-5", kOct21));
  CHECK_FALSE(parse_retry_after("soon", kOct21));
  CHECK_FALSE(parse_retry_after("Wed, 21 Foo 2015 07:28:00 GMT", kOct21));
  CHECK_FALSE(parse_retry_after("Wed, 32 Oct 2015 07:28:00 GMT", kOct21));
}

TEST_CASE("http headers: X-RateLimit-Reset as epoch seconds, delta seconds or ISO 8601", "[net][rate_limit_headers]") {
  CHECK(parse_rate_limit_reset("1445412480", 0) == kOct21);
  CHECK(parse_rate_limit_reset("30", kOct21) == kOct21 + 30'000);
  // Mastodon's form, and other ISO 8601 spellings.
  CHECK(parse_rate_limit_reset("2015-10-21T07:28:00.000Z", 0) == kOct21);
  CHECK(parse_rate_limit_reset("2015-10-21T07:28:00.250123Z", 0) == kOct21 + 250);
  CHECK(parse_rate_limit_reset("2015-10-21T07:28:00.5Z", 0) == kOct21 + 500);
  CHECK(parse_rate_limit_reset("2015-10-21T09:28:00+02:00", 0) == kOct21);
  CHECK(parse_rate_limit_reset("2015-10-21T04:58:00-02:30", 0) == kOct21);
  CHECK_FALSE(parse_rate_limit_reset("2015-10-21T07:28:00", 0));  // no zone: ambiguous
  CHECK_FALSE(parse_rate_limit_reset("2015-13-21T07:28:00Z", 0));
  CHECK_FALSE(parse_rate_limit_reset("tomorrow", 0));
}

TEST_CASE("http headers: Meta usage headers pause at 100% or with a time to regain access",
          "[net][rate_limit_headers]") {
  CHECK_FALSE(meta_usage_resume_at(R"({"call_count":28,"total_time":25,"total_cputime":25})", kOct21));
  CHECK(meta_usage_resume_at(R"({"call_count":100,"total_time":25,"total_cputime":25})", kOct21) ==
        kOct21 + kMetaThrottledPauseMs);
  CHECK(meta_usage_resume_at(R"({"call_count":5,"total_time":5,"total_cputime":104})", kOct21) ==
        kOct21 + kMetaThrottledPauseMs);
  const char* business = R"({"1234":[{"type":"pages","call_count":40,"total_cputime":10,"total_time":10,
      "estimated_time_to_regain_access":0}],"5678":[{"type":"instagram","call_count":100,"total_cputime":10,
      "total_time":10,"estimated_time_to_regain_access":19}]})";
  CHECK(meta_usage_resume_at(business, kOct21) == kOct21 + 19 * 60'000);
  CHECK_FALSE(meta_usage_resume_at(R"({"1234":[{"type":"pages","call_count":12,"estimated_time_to_regain_access":0}]})",
                                   kOct21));
  CHECK_FALSE(meta_usage_resume_at("not json", kOct21));
  CHECK_FALSE(meta_usage_resume_at("[1,2]", kOct21));
}

TEST_CASE("http headers: the latest resume time any header asks for", "[net][rate_limit_headers]") {
  const std::int64_t now = kOct21;
  SECTION("Retry-After counts on 429 and 503 only") {
    const std::vector<HttpHeader> headers{{"retry-after", "5"}};
    CHECK(resume_at_from_headers(429, headers, now) == now + 5'000);
    CHECK(resume_at_from_headers(503, headers, now) == now + 5'000);
    CHECK_FALSE(resume_at_from_headers(200, headers, now));
  }
  SECTION("X-RateLimit-Reset counts when nothing remains") {
    CHECK(resume_at_from_headers(200, {{"X-RateLimit-Remaining", "0"}, {"X-RateLimit-Reset", "1445412490"}}, now) ==
          now + 10'000);
    CHECK_FALSE(
        resume_at_from_headers(200, {{"X-RateLimit-Remaining", "3"}, {"X-RateLimit-Reset", "1445412490"}}, now));
    CHECK_FALSE(resume_at_from_headers(200, {{"X-RateLimit-Remaining", "0"}}, now));
    // A reset already past asks for nothing.
    CHECK_FALSE(
        resume_at_from_headers(200, {{"X-RateLimit-Remaining", "0"}, {"X-RateLimit-Reset", "1445412470"}}, now));
  }
  SECTION("the longest wait wins") {
    const std::vector<HttpHeader> headers{
        {"Retry-After", "2"},
        {"X-App-Usage", R"({"call_count":100})"},
        {"X-RateLimit-Remaining", "0"},
        {"X-RateLimit-Reset", "2015-10-21T07:28:30Z"},
    };
    CHECK(resume_at_from_headers(429, headers, now) == now + kMetaThrottledPauseMs);
  }
  SECTION("nothing to wait for") { CHECK_FALSE(resume_at_from_headers(500, {{"Content-Type", "text/plain"}}, now)); }
}

}  // namespace rate_limit_headers_test
