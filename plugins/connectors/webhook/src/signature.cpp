#include "signature.hpp"

#include <charconv>
#include <parley/webhook.hpp>

namespace parley::webhook {

namespace {

std::string lower(std::string_view text) {
  std::string result(text);
  for (auto& c : result) {
    if (c >= 'A' && c <= 'F') c = static_cast<char>(c - 'A' + 'a');
  }
  return result;
}

}  // namespace

std::string signed_message(std::string_view timestamp, std::string_view body) {
  std::string message(timestamp);
  message += '.';
  message += body;
  return message;
}

std::string signature_header(const HmacHex& hmac, std::string_view secret, std::int64_t timestamp_s,
                             std::string_view body) {
  return std::string(kSignaturePrefix) + hmac(secret, signed_message(std::to_string(timestamp_s), body));
}

std::string signature_refusal(const HmacHex& hmac, std::string_view secret, std::string_view signature,
                              std::string_view timestamp, std::string_view body, std::int64_t now_ms,
                              std::int64_t window_s) {
  if (signature.empty()) return "missing " + std::string(kSignatureHeader);
  if (timestamp.empty()) return "missing " + std::string(kTimestampHeader);
  std::int64_t timestamp_s = 0;
  const auto* end = timestamp.data() + timestamp.size();
  if (const auto [last, error] = std::from_chars(timestamp.data(), end, timestamp_s);
      error != std::errc() || last != end) {
    return std::string(kTimestampHeader) + " is not Unix seconds";
  }
  if (signature.substr(0, kSignaturePrefix.size()) != kSignaturePrefix) {
    return std::string(kSignatureHeader) + " does not start with sha256=";
  }
  const auto expected = hmac(secret, signed_message(timestamp, body));
  if (!constant_time_equal(lower(signature.substr(kSignaturePrefix.size())), expected)) {
    return "bad " + std::string(kSignatureHeader);
  }
  // Checked after the signature, so only a genuine request learns it is late.
  if (!within_replay_window(timestamp_s, now_ms, window_s)) {
    return std::string(kTimestampHeader) + " is outside the replay window (" + std::to_string(window_s) + " s)";
  }
  return {};
}

}  // namespace parley::webhook
