#include <catch2/catch.hpp>

#include "net/retry_policy.hpp"

using parley::host::AttemptOutcome;
using parley::host::Backoff;
using parley::host::should_retry;

TEST_CASE("http retry: which outcomes are tried again", "[net][retry]") {
  const bool idempotent = true;
  SECTION("idempotent requests: transport errors, 5xx and 429") {
    CHECK(should_retry({0, true}, idempotent));
    CHECK(should_retry({0, false}, idempotent));
    CHECK(should_retry({500, true}, idempotent));
    CHECK(should_retry({503, true}, idempotent));
    CHECK(should_retry({429, true}, idempotent));
    for (int status : {200, 201, 204, 301, 400, 401, 403, 404, 409, 422}) {
      INFO(status);
      CHECK_FALSE(should_retry({status, true}, idempotent));
    }
  }
  SECTION("requests that must not run twice: only when they cannot have been acted on") {
    CHECK_FALSE(should_retry({0, true}, !idempotent));  // a timeout after sending
    CHECK(should_retry({0, false}, !idempotent));       // connection refused
    CHECK_FALSE(should_retry({500, true}, !idempotent));
    CHECK_FALSE(should_retry({501, true}, !idempotent));
    CHECK(should_retry({502, true}, !idempotent));
    CHECK(should_retry({503, true}, !idempotent));
    CHECK(should_retry({504, true}, !idempotent));
    CHECK(should_retry({429, true}, !idempotent));
    CHECK_FALSE(should_retry({400, true}, !idempotent));
  }
}

TEST_CASE("http retry: backoff doubles up to the cap, with full jitter", "[net][retry]") {
  double next = 0.999999;
  const Backoff backoff(100, 1'000, [&next] { return next; });
  CHECK(backoff.ceiling_ms(1) == 100);
  CHECK(backoff.ceiling_ms(2) == 200);
  CHECK(backoff.ceiling_ms(3) == 400);
  CHECK(backoff.ceiling_ms(4) == 800);
  CHECK(backoff.ceiling_ms(5) == 1'000);
  CHECK(backoff.ceiling_ms(60) == 1'000);  // no overflow
  CHECK(backoff.delay_ms(3) == 399);
  next = 0.5;
  CHECK(backoff.delay_ms(3) == 200);
  next = 0.0;
  CHECK(backoff.delay_ms(3) == 0);
}

TEST_CASE("http retry: the default random source stays within the range", "[net][retry]") {
  const Backoff backoff(100, 1'000);
  for (int i = 0; i < 200; ++i) {
    const auto delay = backoff.delay_ms(2);
    CHECK(delay >= 0);
    CHECK(delay <= 200);
  }
}
