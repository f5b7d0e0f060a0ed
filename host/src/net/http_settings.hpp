// The host HTTP client's settings: the pipeline file's `http:` section.
#pragma once

#include <string>
#include <vector>

namespace parley::host {

/// A token bucket for every rate-limit key starting with `key_prefix`.
struct RateLimitRule {
  std::string key_prefix;  ///< "" matches every key (the default rule)
  double per_second = 10;
  int burst = 10;
  std::string location;  ///< "file:line:col" of the entry; empty for built-in rules
};

struct HttpSettings {
  int timeout_ms = 10'000;         ///< per attempt, when the request gives none
  int connect_timeout_ms = 5'000;  ///< capped by the attempt's timeout
  int max_attempts = 4;
  int backoff_ms = 500;         ///< first retry waits up to this (full jitter), doubling each time
  int max_backoff_ms = 30'000;  ///< cap of the doubling
  /// A wait longer than this (Retry-After, a rate-limit pause) is not slept:
  /// the caller gets the 429 and retries the action later.
  int max_wait_ms = 60'000;
  std::vector<RateLimitRule> rate_limits;
};

}  // namespace parley::host
