// CurlHttpClient: parley::HttpClient over libcurl, with the host's timeouts,
// retries (retry_policy.hpp), rate limits (rate_limiter.hpp) and redaction
// (http_redaction.hpp). One per pipeline (its `http:` settings); the rate
// limiter registry is shared by the whole process.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <parley/http.hpp>
#include <vector>

#include "net/http_settings.hpp"
#include "net/rate_limiter.hpp"
#include "net/retry_policy.hpp"

namespace parley::host {

class CurlHttpClient final : public HttpClient {
 public:
  /// Seams for tests; the defaults are the real clock and sleep.
  struct Hooks {
    Backoff::RandomSource random;                    ///< jitter, [0, 1)
    std::function<std::int64_t()> wall_clock_ms;     ///< for HTTP dates and reset times
    std::function<void(std::int64_t ms)> sleep_for;  ///< waits between attempts
  };

  CurlHttpClient(HttpSettings settings, std::shared_ptr<RateLimiterRegistry> rate_limits, Hooks hooks = {});
  ~CurlHttpClient() override;
  CurlHttpClient(const CurlHttpClient&) = delete;
  CurlHttpClient& operator=(const CurlHttpClient&) = delete;

  HttpResponse send(const HttpRequest& request) override;

  const HttpSettings& settings() const { return settings_; }
  const std::shared_ptr<RateLimiterRegistry>& rate_limits() const { return rate_limits_; }

 private:
  struct Attempt {
    HttpResponse response;
    bool maybe_sent = true;  ///< for a transport error: whether sending had begun
  };
  Attempt perform(const HttpRequest& request);
  void* take_handle();
  void return_handle(void* handle);

  HttpSettings settings_;
  std::shared_ptr<RateLimiterRegistry> rate_limits_;
  Backoff backoff_;
  Hooks hooks_;
  std::mutex idle_mutex_;
  std::vector<void*> idle_handles_;  ///< CURL*, kept for their open connections
};

}  // namespace parley::host
