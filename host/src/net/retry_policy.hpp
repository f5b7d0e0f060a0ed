// When the HTTP client sends a request again, and how long it waits first:
// exponential backoff with full jitter, and the idempotency rules of
// HttpRequest::idempotent.
#pragma once

#include <cstdint>
#include <functional>
#include <mutex>
#include <random>

namespace parley::host {

/// How an attempt ended, as far as resending is concerned.
struct AttemptOutcome {
  int status = 0;  ///< 0: no response (transport error or timeout)
  /// For status 0: whether the request may have reached the server (the
  /// connection was made and sending had begun). A refused or unresolvable
  /// connection was certainly not sent.
  bool maybe_sent = true;
};

/// Whether to try again. Transport errors, timeouts, 5xx and 429 are worth
/// another try, other 4xx never. A request that must not run twice is
/// resent only when it cannot have been acted on: not sent at all, a 429,
/// or a 502/503/504 (answered by a gateway, not the application).
bool should_retry(const AttemptOutcome& outcome, bool idempotent);

/// Exponential backoff with full jitter: before retry n (1 = the first) a
/// uniform wait in [0, min(cap, base * 2^(n-1))].
class Backoff {
 public:
  /// Returns a number in [0, 1); tests pass a fixed one.
  using RandomSource = std::function<double()>;

  Backoff(std::int64_t base_ms, std::int64_t cap_ms, RandomSource random = {});

  std::int64_t delay_ms(int retry) const;
  std::int64_t ceiling_ms(int retry) const;  ///< the upper end of retry n's range

 private:
  std::int64_t base_ms_;
  std::int64_t cap_ms_;
  RandomSource random_;
};

}  // namespace parley::host
