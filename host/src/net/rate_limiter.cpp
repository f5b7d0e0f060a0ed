#include "net/rate_limiter.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>

namespace parley::host {

RateLimiterRegistry::RateLimiterRegistry(Mode mode, Clock clock, RateLimitRule default_rule)
    : mode_(mode), clock_(std::move(clock)) {
  if (!clock_) {
    clock_ = [] {
      using namespace std::chrono;
      return duration_cast<milliseconds>(steady_clock::now().time_since_epoch()).count();
    };
  }
  default_rule.key_prefix.clear();
  rules_.emplace("", std::move(default_rule));
}

std::vector<RateLimitRule> RateLimiterRegistry::configure(const std::vector<RateLimitRule>& rules) {
  std::lock_guard lock(mutex_);
  std::vector<RateLimitRule> ignored;
  for (const auto& rule : rules) {
    auto found = rules_.find(rule.key_prefix);
    // The built-in default (no location) gives way to the first pipeline's.
    if (found == rules_.end() || found->second.location.empty()) {
      rules_[rule.key_prefix] = rule;
      continue;
    }
    if (found->second.per_second != rule.per_second || found->second.burst != rule.burst) ignored.push_back(rule);
  }
  // Buckets made under the old rules keep them; none exist before the run starts.
  return ignored;
}

RateLimitRule RateLimiterRegistry::rule_for(const std::string& key) const {
  std::lock_guard lock(mutex_);
  return rule_for_locked(key);
}

RateLimitRule RateLimiterRegistry::rule_for_locked(const std::string& key) const {
  const RateLimitRule* best = &rules_.at("");
  for (const auto& [prefix, rule] : rules_) {
    if (key.rfind(prefix, 0) == 0 && prefix.size() > best->key_prefix.size()) best = &rule;
  }
  return *best;
}

RateLimiterRegistry::Bucket& RateLimiterRegistry::bucket_for(const std::string& key) {
  auto found = buckets_.find(key);
  if (found != buckets_.end()) return found->second;
  const RateLimitRule rule = rule_for_locked(key);
  Bucket bucket;
  bucket.interval_ms = 1000.0 / rule.per_second;
  bucket.tolerance_ms = bucket.interval_ms * std::max(rule.burst - 1, 0);
  return buckets_.emplace(key, bucket).first->second;
}

RateLimiterRegistry::Reservation RateLimiterRegistry::reserve(const std::string& key, std::int64_t max_wait_ms) {
  if (mode_ == Mode::disabled || key.empty()) return {true, 0};
  std::lock_guard lock(mutex_);
  Bucket& bucket = bucket_for(key);
  const auto now = static_cast<double>(clock_());
  // Generic cell rate algorithm: a request may go once the theoretical time
  // of the next one is at most `tolerance` ahead of it.
  const double due = std::max(bucket.theoretical_next, now);
  const double send_at = std::max({now, due - bucket.tolerance_ms, static_cast<double>(bucket.paused_until)});
  const auto wait = static_cast<std::int64_t>(std::ceil(send_at - now));
  if (wait > max_wait_ms) return {false, wait};
  bucket.theoretical_next = std::max(due, send_at) + bucket.interval_ms;
  return {true, wait};
}

void RateLimiterRegistry::pause(const std::string& key, std::int64_t duration_ms) {
  if (mode_ == Mode::disabled || key.empty() || duration_ms <= 0) return;
  std::lock_guard lock(mutex_);
  Bucket& bucket = bucket_for(key);
  bucket.paused_until = std::max(bucket.paused_until, clock_() + duration_ms);
}

}  // namespace parley::host
