// Webhooks for connectors (API 1.3). The host runs one HTTP listener; a
// request to /webhooks/<client>/<connector id> goes to that connector's
// Connector::on_webhook, which verifies it (helpers below and
// PluginContext::hmac_sha256_hex) and turns it into events. The host stores
// those events durably before it answers, so a platform that gets a 2xx
// never has to deliver again, and one that delivers again changes nothing
// (events are de-duplicated by id).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "parley/http.hpp"

namespace parley {

struct WebhookRequest {
  std::string method;  ///< "GET" (subscription handshakes) or "POST"
  std::string path;    ///< e.g. "/webhooks/acme/fb"
  std::string query;   ///< raw query string without '?', e.g. "hub.mode=subscribe&..."
  std::vector<HttpHeader> headers;
  std::string body;  ///< raw bytes as received (signatures are over these)
  std::string remote_address;

  std::optional<std::string> header(std::string_view name) const { return find_header(headers, name); }
};

/// What the host answers. Events go in the PollBatch passed beside the request.
struct WebhookReply {
  int status = 200;
  std::string content_type = "text/plain";
  std::string body;
  /// Logged by the host with the status (e.g. "bad X-Hub-Signature-256");
  /// never the request body.
  std::string log_message;
};

/// Compares two strings in time that depends only on their lengths, so a
/// caller checking a signature leaks nothing about where it differs.
inline bool constant_time_equal(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  unsigned char difference = 0;
  for (std::size_t i = 0; i < a.size(); ++i) {
    difference |= static_cast<unsigned char>(a[i] ^ b[i]);
  }
  return difference == 0;
}

/// The value of `name` in a query string ("a=1&b=2"), percent-decoded; empty
/// when absent.
inline std::string query_parameter(std::string_view query, std::string_view name) {
  auto hex = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  };
  while (!query.empty()) {
    const auto end = query.find('&');
    const auto pair = query.substr(0, end);
    query = end == std::string_view::npos ? std::string_view{} : query.substr(end + 1);
    const auto equals = pair.find('=');
    if (pair.substr(0, equals) != name) continue;
    const auto raw = equals == std::string_view::npos ? std::string_view{} : pair.substr(equals + 1);
    std::string value;
    for (std::size_t i = 0; i < raw.size(); ++i) {
      if (raw[i] == '+') {
        value += ' ';
      } else if (raw[i] == '%' && i + 2 < raw.size() && hex(raw[i + 1]) >= 0 && hex(raw[i + 2]) >= 0) {
        value += static_cast<char>(hex(raw[i + 1]) * 16 + hex(raw[i + 2]));
        i += 2;
      } else {
        value += raw[i];
      }
    }
    return value;
  }
  return {};
}

/// True when `timestamp_s` (seconds since the epoch, as sent by the sender)
/// is within `tolerance_s` of `now_ms`: a signed request older than that is a
/// replay.
inline bool within_replay_window(std::int64_t timestamp_s, std::int64_t now_ms, std::int64_t tolerance_s = 300) {
  const auto now_s = now_ms / 1000;
  const auto age = now_s > timestamp_s ? now_s - timestamp_s : timestamp_s - now_s;
  return age <= tolerance_s;
}

}  // namespace parley
