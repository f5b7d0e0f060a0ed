// HTTP for connectors (API 1.3): the host's client, so that no plugin bundles
// its own HTTP stack, retry loop or rate limiter. Get it from
// PluginContext::http().
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace parley {

struct HttpHeader {
  std::string name;
  std::string value;
};

/// Query or form fields in order; a name may repeat ("types[]").
using FormFields = std::vector<std::pair<std::string, std::string>>;

/// RFC 3986 percent-encoding of everything but unreserved characters.
inline std::string percent_encode(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string result;
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    const bool unreserved = (byte >= 'A' && byte <= 'Z') || (byte >= 'a' && byte <= 'z') ||
                            (byte >= '0' && byte <= '9') || c == '-' || c == '_' || c == '.' || c == '~';
    if (unreserved) {
      result += c;
    } else {
      result += '%';
      result += kHex[byte >> 4];
      result += kHex[byte & 0x0F];
    }
  }
  return result;
}

/// "a=1&b=x%20y&types%5B%5D=mention": a query string or an
/// application/x-www-form-urlencoded body.
inline std::string form_encode(const FormFields& fields) {
  std::string result;
  for (const auto& [name, value] : fields) {
    if (!result.empty()) result += '&';
    result += percent_encode(name) + "=" + percent_encode(value);
  }
  return result;
}

/// Case-insensitive lookup of the first header called `name`.
inline std::optional<std::string> find_header(const std::vector<HttpHeader>& headers, std::string_view name) {
  for (const auto& header : headers) {
    if (header.name.size() != name.size()) continue;
    bool same = true;
    for (std::size_t i = 0; i < name.size() && same; ++i) {
      auto lower = [](char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; };
      same = lower(header.name[i]) == lower(name[i]);
    }
    if (same) return header.value;
  }
  return std::nullopt;
}

struct HttpRequest {
  std::string method = "GET";
  std::string url;  ///< absolute, http:// or https://
  /// Sent as given. Values of `Authorization` and any header named in the
  /// host's redaction list never reach a log or error message.
  std::vector<HttpHeader> headers;
  std::string body;
  /// Whole-request timeout per attempt; 0 = the host's default.
  int timeout_ms = 0;
  /// Requests with the same key share one rate limiter, across every pipeline
  /// in the process: use the platform and the account, e.g. "facebook:1234".
  /// Empty: no limiter.
  std::string rate_limit_key;
  /// false for a request that must not run twice (posting a reply): after a
  /// timeout or a 5xx other than 502/503/504 the host does not resend it,
  /// since the platform may have done it; the connector decides (see
  /// "The connector idempotency contract" in docs/plugin-authoring.md).
  bool idempotent = true;
};

struct HttpResponse {
  /// 0 when no response arrived at all (connection refused, timeout, TLS):
  /// then `error` says why.
  int status = 0;
  std::vector<HttpHeader> headers;
  std::string body;
  std::string error;  ///< transport error; empty when a response arrived
  int attempts = 0;   ///< how many times the host sent it

  bool ok() const { return status >= 200 && status < 300; }
  std::optional<std::string> header(std::string_view name) const { return find_header(headers, name); }
};

/// The host's HTTP(S) client. Per request it applies the timeout, retries
/// with exponential backoff and jitter on connection errors, timeouts, 5xx
/// and 429 (honouring `Retry-After` and the platform rate-limit headers the
/// host knows: `X-RateLimit-Remaining`/`-Reset`, Meta's `X-App-Usage` and
/// `X-Business-Use-Case-Usage`), never retries other 4xx, and waits for the
/// request's rate limiter. It returns the last response (or transport
/// error); it does not throw for HTTP errors.
/// Threading: `send` may be called from any thread.
class HttpClient {
 public:
  virtual ~HttpClient() = default;
  virtual HttpResponse send(const HttpRequest& request) = 0;
};

}  // namespace parley
