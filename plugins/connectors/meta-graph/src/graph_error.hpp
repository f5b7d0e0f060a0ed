// A failed Graph API response (Facebook and Instagram alike) -> the ActionResult the host acts on: which
// failures are worth retrying, which never will work, and a message a
// community manager can read. Pure functions, no I/O.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include <parley/action.hpp>
#include <parley/http.hpp>

namespace parley::graph {

/// Graph's error object: {"error": {"message", "type", "code",
/// "error_subcode", "fbtrace_id"}}.
struct GraphError {
  int code = 0;
  int subcode = 0;
  std::string type;
  std::string message;
  std::string fbtrace_id;
};

/// The error object in `body`, or nullopt when the body holds none.
std::optional<GraphError> parse_graph_error(std::string_view body);

/// True for Graph's "object does not exist" (code 100 with subcode 33, or a
/// code 100 message that says so): the comment is gone.
bool is_missing_object(const GraphError& error);

/// Meta's answer when a comment already had its one private reply. Meta's
/// public error tables do not list it; 10900 is the code seen for it.
inline constexpr int kAlreadyRepliedPrivately = 10900;

/// The result for a response that is not a success (or a transport failure,
/// status 0):
/// - 190 -> failed_permanent "access token expired or invalid (code 190)"
/// - 10, 200-299 -> failed_permanent "missing permission ..."
/// - 100/33 -> failed_permanent "comment was deleted before we answered ..."
/// - 4, 17, 32, 613 and HTTP 429 -> failed_retryable "rate limited ..."
/// - 1, 2 and HTTP 5xx, no response at all -> failed_retryable
/// - anything else -> failed_permanent with Graph's message.
/// Every occurrence of `secret` (the access token) in the message is
/// replaced by "***", whatever Meta or the transport wrote.
ActionResult result_for_failure(const HttpResponse& response, std::string_view secret);

}  // namespace parley::graph
