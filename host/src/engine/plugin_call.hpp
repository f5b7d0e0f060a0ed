// Calling into a plugin at the boundary: an exception is caught, attributed
// to plugin and event, and the call retried with exponential backoff.
#pragma once

#include <functional>
#include <optional>
#include <string>

#include "config/secrets.hpp"

namespace parley::host {

struct RetryPolicy {
  int max_attempts = 3;
  int backoff_ms = 50;  ///< before the 2nd attempt; doubles each time
};

/// Runs `call` until it returns without throwing, at most
/// `policy.max_attempts` times. Returns the last error message when every
/// attempt failed, nullopt on success. Each failure is logged with plugin and
/// event id; the message is redacted with `secrets` (a plugin may quote its token).
std::optional<std::string> call_plugin(const std::function<void()>& call, const RetryPolicy& policy,
                                       const std::string& plugin, const std::string& event_id, const char* stage,
                                       const SecretRegistry* secrets = nullptr);

}  // namespace parley::host
