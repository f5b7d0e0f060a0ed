#include "net/retry_policy.hpp"

#include <algorithm>
#include <cmath>
#include <memory>

namespace parley::host {

bool should_retry(const AttemptOutcome& outcome, bool idempotent) {
  if (outcome.status == 0) return idempotent || !outcome.maybe_sent;
  if (outcome.status == 429) return true;
  if (outcome.status >= 500 && outcome.status <= 599) {
    const bool not_reached_application = outcome.status == 502 || outcome.status == 503 || outcome.status == 504;
    return idempotent || not_reached_application;
  }
  return false;
}

Backoff::Backoff(std::int64_t base_ms, std::int64_t cap_ms, RandomSource random)
    : base_ms_(std::max<std::int64_t>(base_ms, 0)),
      cap_ms_(std::max<std::int64_t>(cap_ms, 0)),
      random_(std::move(random)) {
  if (!random_) {
    // One generator per client, behind a mutex: send() runs on many threads.
    struct Shared {
      std::mutex mutex;
      std::mt19937_64 engine{std::random_device{}()};
      std::uniform_real_distribution<double> uniform{0.0, 1.0};
    };
    random_ = [shared = std::make_shared<Shared>()] {
      std::lock_guard lock(shared->mutex);
      return shared->uniform(shared->engine);
    };
  }
}

std::int64_t Backoff::ceiling_ms(int retry) const {
  // Doubling stops at the cap, long before 2^n could overflow.
  std::int64_t ceiling = base_ms_;
  for (int n = 1; n < retry && ceiling < cap_ms_; ++n) ceiling *= 2;
  return std::min(ceiling, cap_ms_);
}

std::int64_t Backoff::delay_ms(int retry) const {
  const double fraction = std::clamp(random_(), 0.0, 1.0);
  return static_cast<std::int64_t>(std::floor(fraction * static_cast<double>(ceiling_ms(retry))));
}

}  // namespace parley::host
