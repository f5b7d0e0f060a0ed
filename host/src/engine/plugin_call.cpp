#include "engine/plugin_call.hpp"

#include <spdlog/spdlog.h>

#include <chrono>
#include <exception>
#include <thread>

namespace parley::host {

std::optional<std::string> call_plugin(const std::function<void()>& call, const RetryPolicy& policy,
                                       const std::string& plugin, const std::string& event_id, const char* stage,
                                       const SecretRegistry* secrets) {
  std::string error;
  for (int attempt = 1; attempt <= policy.max_attempts; ++attempt) {
    try {
      call();
      return std::nullopt;
    } catch (const std::exception& thrown) {
      error = thrown.what();
    } catch (...) {
      error = "unknown exception (not derived from std::exception)";
    }
    if (secrets) error = secrets->redact(error);
    spdlog::warn("plugin '{}' failed to {} event '{}' (attempt {}/{}): {}", plugin, stage, event_id, attempt,
                 policy.max_attempts, error);
    if (attempt < policy.max_attempts) {
      std::this_thread::sleep_for(std::chrono::milliseconds(policy.backoff_ms << (attempt - 1)));
    }
  }
  return error;
}

}  // namespace parley::host
