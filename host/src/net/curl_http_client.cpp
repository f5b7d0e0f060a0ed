#include "net/curl_http_client.hpp"

#include <curl/curl.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <chrono>
#include <stdexcept>
#include <thread>

#include "net/http_redaction.hpp"
#include "net/rate_limit_headers.hpp"

namespace parley::host {

namespace {

// Idle handles kept for reuse (with their open connections); more threads
// than this at once simply make and drop their own.
constexpr std::size_t kMaxIdleHandles = 8;

void init_curl_once() {
  static std::once_flag once;
  std::call_once(once, [] {
    if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) throw std::runtime_error("libcurl failed to initialise");
  });
}

std::size_t append_body(char* data, std::size_t size, std::size_t count, void* out) {
  static_cast<std::string*>(out)->append(data, size * count);
  return size * count;
}

std::string_view trim_header_line(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r' || text.back() == '\n')) {
    text.remove_suffix(1);
  }
  return text;
}

std::size_t append_header(char* data, std::size_t size, std::size_t count, void* out) {
  auto& headers = *static_cast<std::vector<HttpHeader>*>(out);
  const std::string_view line(data, size * count);
  // A new status line starts a new response (after "100 Continue"): keep the last one's only.
  if (line.rfind("HTTP/", 0) == 0) {
    headers.clear();
  } else if (const auto colon = line.find(':'); colon != std::string_view::npos) {
    headers.push_back(
        {std::string(trim_header_line(line.substr(0, colon))), std::string(trim_header_line(line.substr(colon + 1)))});
  }
  return size * count;
}

/// Frees a curl header list when the attempt ends.
struct HeaderList {
  curl_slist* list = nullptr;
  ~HeaderList() { curl_slist_free_all(list); }
  void add(const std::string& line) {
    curl_slist* grown = curl_slist_append(list, line.c_str());
    if (grown == nullptr) throw std::bad_alloc();
    list = grown;
  }
};

bool certainly_not_sent(CURLcode code) {
  return code == CURLE_COULDNT_RESOLVE_HOST || code == CURLE_COULDNT_RESOLVE_PROXY || code == CURLE_COULDNT_CONNECT;
}

std::int64_t system_now_ms() {
  using namespace std::chrono;
  return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

std::string describe(const HttpResponse& response) {
  return response.status != 0 ? std::to_string(response.status) : "error (" + response.error + ")";
}

}  // namespace

CurlHttpClient::CurlHttpClient(HttpSettings settings, std::shared_ptr<RateLimiterRegistry> rate_limits, Hooks hooks)
    : settings_(std::move(settings)),
      rate_limits_(rate_limits ? std::move(rate_limits) : std::make_shared<RateLimiterRegistry>()),
      backoff_(settings_.backoff_ms, settings_.max_backoff_ms, std::move(hooks.random)),
      hooks_(std::move(hooks)) {
  init_curl_once();
  if (!hooks_.wall_clock_ms) hooks_.wall_clock_ms = system_now_ms;
  if (!hooks_.sleep_for) {
    hooks_.sleep_for = [](std::int64_t ms) { std::this_thread::sleep_for(std::chrono::milliseconds(ms)); };
  }
}

CurlHttpClient::~CurlHttpClient() {
  for (void* handle : idle_handles_) curl_easy_cleanup(static_cast<CURL*>(handle));
}

void* CurlHttpClient::take_handle() {
  {
    std::lock_guard lock(idle_mutex_);
    if (!idle_handles_.empty()) {
      void* handle = idle_handles_.back();
      idle_handles_.pop_back();
      curl_easy_reset(static_cast<CURL*>(handle));  // options go, open connections stay
      return handle;
    }
  }
  CURL* handle = curl_easy_init();
  if (handle == nullptr) throw std::runtime_error("libcurl could not create a handle");
  return handle;
}

void CurlHttpClient::return_handle(void* handle) {
  {
    std::lock_guard lock(idle_mutex_);
    if (idle_handles_.size() < kMaxIdleHandles) {
      idle_handles_.push_back(handle);
      return;
    }
  }
  curl_easy_cleanup(static_cast<CURL*>(handle));
}

CurlHttpClient::Attempt CurlHttpClient::perform(const HttpRequest& request) {
  struct Lease {
    CurlHttpClient& client;
    void* handle;
    ~Lease() { client.return_handle(handle); }
  } lease{*this, take_handle()};
  CURL* curl = static_cast<CURL*>(lease.handle);

  Attempt attempt;
  HeaderList headers;
  for (const auto& header : request.headers) {
    // "Name;" is how curl sends a header with an empty value.
    headers.add(header.value.empty() ? header.name + ";" : header.name + ": " + header.value);
  }
  headers.add("Expect:");  // no "100-continue" round trip before a body

  const long timeout_ms = request.timeout_ms > 0 ? request.timeout_ms : settings_.timeout_ms;
  char error_text[CURL_ERROR_SIZE] = {};
  curl_easy_setopt(curl, CURLOPT_URL, request.url.c_str());
  curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);  // required with threads
  curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, timeout_ms);
  curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT_MS, std::min<long>(settings_.connect_timeout_ms, timeout_ms));
  curl_easy_setopt(curl, CURLOPT_FOLLOWLOCATION, 0L);
  curl_easy_setopt(curl, CURLOPT_SSL_VERIFYPEER, 1L);
  curl_easy_setopt(curl, CURLOPT_SSL_VERIFYHOST, 2L);
  curl_easy_setopt(curl, CURLOPT_ACCEPT_ENCODING, "");  // whatever this libcurl decodes
  curl_easy_setopt(curl, CURLOPT_USERAGENT, "parley/" PARLEY_VERSION);
  curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers.list);
  curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, error_text);
  curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, append_body);
  curl_easy_setopt(curl, CURLOPT_WRITEDATA, &attempt.response.body);
  curl_easy_setopt(curl, CURLOPT_HEADERFUNCTION, append_header);
  curl_easy_setopt(curl, CURLOPT_HEADERDATA, &attempt.response.headers);
  if (request.method == "GET") {
    curl_easy_setopt(curl, CURLOPT_HTTPGET, 1L);
  } else if (request.method == "HEAD") {
    curl_easy_setopt(curl, CURLOPT_NOBODY, 1L);
  } else {
    curl_easy_setopt(curl, CURLOPT_CUSTOMREQUEST, request.method.c_str());
    if (!request.body.empty() || request.method == "POST" || request.method == "PUT" || request.method == "PATCH") {
      curl_easy_setopt(curl, CURLOPT_POSTFIELDS, request.body.data());
      curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(request.body.size()));
    }
  }

  const CURLcode code = curl_easy_perform(curl);
  if (code == CURLE_OK) {
    long status = 0;
    curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status);
    attempt.response.status = static_cast<int>(status);
    attempt.maybe_sent = true;
    return attempt;
  }
  curl_off_t pretransfer_us = 0;
  curl_easy_getinfo(curl, CURLINFO_PRETRANSFER_TIME_T, &pretransfer_us);
  // Sending starts after the pre-transfer phase; before it nothing left this host.
  attempt.maybe_sent = !certainly_not_sent(code) && pretransfer_us > 0;
  const std::string reason = error_text[0] != '\0' ? error_text : curl_easy_strerror(code);
  attempt.response = {};
  attempt.response.error = redact_request_secrets(request.method + " " + request.url + ": " + reason, request);
  return attempt;
}

HttpResponse CurlHttpClient::send(const HttpRequest& request) {
  const int max_attempts = std::max(1, settings_.max_attempts);
  const std::string shown_url = redact_url(request.url);
  const std::string& key = request.rate_limit_key;
  std::optional<HttpResponse> previous;
  for (int attempt = 1;; ++attempt) {
    const auto slot = rate_limits_->reserve(key, settings_.max_wait_ms);
    if (!slot.granted) {
      spdlog::debug("http {} {}: rate limit '{}' allows the next request in {} ms; not waiting", request.method,
                    shown_url, key, slot.wait_ms);
      if (previous) return *previous;  // the 429 (or usage header) that paused the key
      HttpResponse refused;
      refused.status = 429;
      refused.headers.push_back({"Retry-After", std::to_string((slot.wait_ms + 999) / 1000)});
      refused.error = "not sent: rate limit '" + key + "' allows the next request in " + std::to_string(slot.wait_ms) +
                      " ms, more than http.max_wait_ms";
      return refused;
    }
    if (slot.wait_ms > 0) {
      spdlog::debug("http {} {}: rate limit '{}' waits {} ms", request.method, shown_url, key, slot.wait_ms);
      hooks_.sleep_for(slot.wait_ms);
    }

    Attempt result = perform(request);
    result.response.attempts = attempt;
    const std::int64_t now = hooks_.wall_clock_ms();
    const auto resume_at = resume_at_from_headers(result.response.status, result.response.headers, now);
    if (resume_at) rate_limits_->pause(key, *resume_at - now);
    spdlog::debug("http {} {} -> {} (attempt {}/{})", request.method, shown_url, describe(result.response), attempt,
                  max_attempts);

    if (attempt >= max_attempts || !should_retry({result.response.status, result.maybe_sent}, request.idempotent)) {
      return result.response;
    }
    std::int64_t wait = backoff_.delay_ms(attempt);
    if (resume_at) wait = std::max(wait, *resume_at - now);
    if (wait > settings_.max_wait_ms) {
      spdlog::debug("http {} {}: retry would wait {} ms, more than http.max_wait_ms; giving up", request.method,
                    shown_url, wait);
      return result.response;
    }
    spdlog::debug("http {} {}: retrying in {} ms", request.method, shown_url, wait);
    if (wait > 0) hooks_.sleep_for(wait);
    previous = std::move(result.response);
  }
}

}  // namespace parley::host
