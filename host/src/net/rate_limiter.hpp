// RateLimiterRegistry: one token bucket per rate-limit key (e.g.
// "facebook:1234"), shared by every pipeline of the process, so two brands
// on one platform account cannot together exceed its limit. A platform's
// "stop until T" (Retry-After, X-RateLimit-Reset, Meta usage headers) pauses
// the whole key.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <vector>

#include "net/http_settings.hpp"

namespace parley::host {

class RateLimiterRegistry {
 public:
  using Clock = std::function<std::int64_t()>;  ///< monotonic ms
  enum class Mode { enabled, disabled };        ///< disabled: never waits (benchmarks)

  /// `clock` defaults to std::chrono::steady_clock. The built-in default
  /// rule (key prefix "") is `default_rule` until a pipeline sets one.
  explicit RateLimiterRegistry(Mode mode = Mode::enabled, Clock clock = {},
                               RateLimitRule default_rule = {"", 10, 10, ""});

  /// Adds the rules of a pipeline. The first rule given for a prefix wins:
  /// a different one for the same prefix is ignored and returned (the caller
  /// warns), since the limiter is shared by the whole process.
  std::vector<RateLimitRule> configure(const std::vector<RateLimitRule>& rules);

  struct Reservation {
    bool granted = false;
    std::int64_t wait_ms = 0;  ///< how long until the request may go
  };
  /// Takes the next slot of `key` when it comes within `max_wait_ms`; when
  /// it does not, takes nothing and says how long it would have been.
  Reservation reserve(const std::string& key, std::int64_t max_wait_ms);

  /// Nothing is sent for `key` during the next `duration_ms`.
  void pause(const std::string& key, std::int64_t duration_ms);

  /// The rule that applies to `key`: the longest matching prefix.
  RateLimitRule rule_for(const std::string& key) const;

 private:
  struct Bucket {
    double interval_ms = 0;       ///< between requests at the steady rate
    double tolerance_ms = 0;      ///< how far ahead a burst may run
    double theoretical_next = 0;  ///< GCRA: when the next request is due at the steady rate
    std::int64_t paused_until = 0;
  };
  Bucket& bucket_for(const std::string& key);  // with mutex_ held
  RateLimitRule rule_for_locked(const std::string& key) const;

  Mode mode_;
  Clock clock_;
  mutable std::mutex mutex_;
  std::map<std::string, RateLimitRule> rules_;  ///< by prefix
  std::map<std::string, Bucket> buckets_;       ///< by key
};

}  // namespace parley::host
