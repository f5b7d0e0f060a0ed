// What a response's headers say about when to send the next request: the
// standard Retry-After and the platform rate-limit headers the host knows.
// Pure functions of the header text and the current time (ms since the
// epoch), so they are tested without a server.
#pragma once

#include <cstdint>
#include <optional>
#include <parley/http.hpp>
#include <string_view>
#include <vector>

namespace parley::host {

/// `Retry-After`: delta seconds ("120") or an HTTP-date ("Wed, 21 Oct 2015
/// 07:28:00 GMT"). The time to resume, or nullopt when it is neither.
std::optional<std::int64_t> parse_retry_after(std::string_view value, std::int64_t now_ms);

/// `X-RateLimit-Reset`: epoch seconds (GitHub, X), delta seconds when the
/// number is too small to be a date, or ISO 8601 (Mastodon:
/// "2017-06-14T13:59:59.000Z"). The time to resume, or nullopt.
std::optional<std::int64_t> parse_rate_limit_reset(std::string_view value, std::int64_t now_ms);

/// ISO 8601 date-time with 'Z' or a ±HH:MM offset and any fraction of a
/// second, as ms since the epoch; nullopt when it is not one.
std::optional<std::int64_t> parse_iso8601(std::string_view text);

/// Meta's `X-App-Usage` ({"call_count":28,...}) or `X-Business-Use-Case-Usage`
/// ({"<id>":[{"call_count":..,"estimated_time_to_regain_access":19},..]}):
/// paused when a percentage reaches 100 or a time to regain access is given
/// (minutes). The time to resume, or nullopt when not throttled or unreadable.
std::optional<std::int64_t> meta_usage_resume_at(std::string_view json, std::int64_t now_ms);

/// How long Meta's usage headers pause a key when they give no time: their
/// window is a rolling hour, so a minute is a cautious first wait.
inline constexpr std::int64_t kMetaThrottledPauseMs = 60'000;

/// The latest resume time any of the headers above asks for (Retry-After
/// counts only on a 429 or 503), or nullopt when none asks to wait.
std::optional<std::int64_t> resume_at_from_headers(int status, const std::vector<HttpHeader>& headers,
                                                   std::int64_t now_ms);

}  // namespace parley::host
