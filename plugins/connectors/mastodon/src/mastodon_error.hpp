// A failed Mastodon API response -> the ActionResult the host acts on: which
// failures are worth retrying, which never will work, and a message a
// community manager can read. Pure functions, no I/O.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include <parley/action.hpp>
#include <parley/http.hpp>

namespace parley::mastodon {

/// Mastodon's error body: {"error": "...", "error_description": "..."}
/// (the description only on OAuth errors).
struct MastodonError {
  std::string error;
  std::string description;
};

/// The error object in `body`, or nullopt when the body holds none.
std::optional<MastodonError> parse_mastodon_error(std::string_view body);

/// The result for a response that is not a success (or a transport failure,
/// status 0):
/// - no response, 429, 5xx -> failed_retryable
/// - 401 -> failed_permanent "access token invalid, expired or revoked ..."
/// - 403 -> failed_permanent "forbidden ..." (a missing scope, a suspended account)
/// - 404, 410 -> failed_permanent "... not found: deleted before we answered ..."
/// - 422 -> failed_permanent "the instance refused it ..."
/// - any other 4xx -> failed_permanent with Mastodon's error.
/// Every occurrence of `secret` (the access token) in the message is
/// replaced by "***", whatever the instance or the transport wrote.
ActionResult result_for_failure(const HttpResponse& response, std::string_view secret);

}  // namespace parley::mastodon
