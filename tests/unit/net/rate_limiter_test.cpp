#include <catch2/catch.hpp>

#include "net/rate_limiter.hpp"

using parley::host::RateLimiterRegistry;
using parley::host::RateLimitRule;

// A named namespace, so that helpers of different test files can share one
// unity-build translation unit.
namespace rate_limiter_test {
/// A clock the test moves by hand.
struct ManualClock {
  std::int64_t now = 1'000'000;
  RateLimiterRegistry::Clock function() {
    return [this] { return now; };
  }
};

constexpr std::int64_t kNoLimit = 1'000'000'000;
TEST_CASE("http rate limiter: 5 per second spaces requests 200 ms apart", "[net][rate_limiter]") {
  ManualClock clock;
  RateLimiterRegistry limits(RateLimiterRegistry::Mode::enabled, clock.function());
  REQUIRE(limits.configure({{"fb:", 5, 1, "a.yaml:3:5"}}).empty());
  // Ten requests at once: each waits one interval more than the one before.
  std::int64_t last_wait = 0;
  for (int i = 0; i < 10; ++i) {
    const auto slot = limits.reserve("fb:1", kNoLimit);
    CHECK(slot.granted);
    CHECK(slot.wait_ms == 200 * i);
    last_wait = slot.wait_ms;
  }
  CHECK(last_wait == 1'800);  // 10 requests at 5/s take 1.8 s
  // Other keys have buckets of their own.
  CHECK(limits.reserve("fb:2", kNoLimit).wait_ms == 0);
  // Later, the bucket has refilled.
  clock.now += 10'000;
  CHECK(limits.reserve("fb:1", kNoLimit).wait_ms == 0);
}

TEST_CASE("http rate limiter: a burst goes at once, then the steady rate", "[net][rate_limiter]") {
  ManualClock clock;
  RateLimiterRegistry limits(RateLimiterRegistry::Mode::enabled, clock.function());
  limits.configure({{"ig:", 2, 3, "a.yaml:3:5"}});
  CHECK(limits.reserve("ig:1", kNoLimit).wait_ms == 0);
  CHECK(limits.reserve("ig:1", kNoLimit).wait_ms == 0);
  CHECK(limits.reserve("ig:1", kNoLimit).wait_ms == 0);
  CHECK(limits.reserve("ig:1", kNoLimit).wait_ms == 500);
  CHECK(limits.reserve("ig:1", kNoLimit).wait_ms == 1'000);
}

TEST_CASE("http rate limiter: a wait beyond the maximum takes no slot", "[net][rate_limiter]") {
  ManualClock clock;
  RateLimiterRegistry limits(RateLimiterRegistry::Mode::enabled, clock.function());
  limits.configure({{"x:", 1, 1, "a.yaml:3:5"}});
  CHECK(limits.reserve("x:1", 100).wait_ms == 0);
  const auto refused = limits.reserve("x:1", 100);
  CHECK_FALSE(refused.granted);
  CHECK(refused.wait_ms == 1'000);
  // The refusal did not push the next slot further out.
  CHECK(limits.reserve("x:1", kNoLimit).wait_ms == 1'000);
}

TEST_CASE("http rate limiter: a pause holds the whole key", "[net][rate_limiter]") {
  ManualClock clock;
  RateLimiterRegistry limits(RateLimiterRegistry::Mode::enabled, clock.function());
  limits.configure({{"", 100, 100, "a.yaml:3:5"}});
  limits.pause("fb:1", 30'000);
  CHECK(limits.reserve("fb:1", kNoLimit).wait_ms == 30'000);
  CHECK(limits.reserve("fb:2", kNoLimit).wait_ms == 0);
  const auto too_long = limits.reserve("fb:1", 60'000 - 1);
  CHECK(too_long.granted);  // 30 s is within the limit
  clock.now += 31'000;
  CHECK(limits.reserve("fb:1", kNoLimit).wait_ms == 0);
  // A shorter pause does not shorten a longer one.
  limits.pause("fb:1", 5'000);
  limits.pause("fb:1", 1'000);
  CHECK(limits.reserve("fb:1", kNoLimit).wait_ms == 5'000);
}

TEST_CASE("http rate limiter: the longest prefix applies; the first rule given wins", "[net][rate_limiter]") {
  RateLimiterRegistry limits;
  CHECK(limits.rule_for("facebook:1").per_second == 10);  // the built-in default
  CHECK(limits.configure({{"facebook:", 5, 2, "a.yaml:10:7"}, {"facebook:99", 1, 1, "a.yaml:12:7"}}).empty());
  CHECK(limits.rule_for("facebook:1").per_second == 5);
  CHECK(limits.rule_for("facebook:991").per_second == 1);
  CHECK(limits.rule_for("mastodon:1").per_second == 10);
  // A second pipeline: the same rule is fine, a different one is returned unapplied.
  const auto ignored = limits.configure({{"facebook:", 5, 2, "b.yaml:4:7"}, {"facebook:99", 3, 1, "b.yaml:6:7"}});
  REQUIRE(ignored.size() == 1);
  CHECK(ignored[0].location == "b.yaml:6:7");
  CHECK(limits.rule_for("facebook:991").per_second == 1);
  CHECK(limits.rule_for("facebook:991").location == "a.yaml:12:7");
}

TEST_CASE("http rate limiter: disabled mode never waits", "[net][rate_limiter]") {
  ManualClock clock;
  RateLimiterRegistry limits(RateLimiterRegistry::Mode::disabled, clock.function());
  limits.configure({{"", 1, 1, "a.yaml:3:5"}});
  limits.pause("k", 60'000);
  for (int i = 0; i < 5; ++i) CHECK(limits.reserve("k", 0).wait_ms == 0);
}

}  // namespace rate_limiter_test
