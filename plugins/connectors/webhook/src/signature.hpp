// The signature scheme of both directions: X-Parley-Signature carries
// "sha256=" + hex HMAC-SHA256(secret, timestamp + "." + body), and
// X-Parley-Timestamp the Unix seconds it was signed at. Signing the time
// with the body makes a captured request useless once the window has passed.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

namespace parley::webhook {

inline constexpr std::string_view kSignatureHeader = "X-Parley-Signature";
inline constexpr std::string_view kTimestampHeader = "X-Parley-Timestamp";
inline constexpr std::string_view kSignaturePrefix = "sha256=";

/// HMAC-SHA256 as lower-case hex (PluginContext::hmac_sha256_hex).
using HmacHex = std::function<std::string(std::string_view key, std::string_view message)>;

/// What is signed: "<timestamp>.<body>".
std::string signed_message(std::string_view timestamp, std::string_view body);

/// The X-Parley-Signature value for `body` sent at `timestamp_s`.
std::string signature_header(const HmacHex& hmac, std::string_view secret, std::int64_t timestamp_s,
                             std::string_view body);

/// Why a signed request is refused, or empty when it is genuine and fresh.
/// `signature`/`timestamp` are the header values ("" when absent).
std::string signature_refusal(const HmacHex& hmac, std::string_view secret, std::string_view signature,
                              std::string_view timestamp, std::string_view body, std::int64_t now_ms,
                              std::int64_t window_s);

}  // namespace parley::webhook
