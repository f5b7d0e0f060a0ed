// What an HTTP answer to an outbound action means for the host: done,
// failed_retryable (5xx, 408, 429, no answer) or failed_permanent (other
// 4xx), with a message that never carries the URL or a secret.
#pragma once

#include <parley/action.hpp>
#include <parley/http.hpp>
#include <string>
#include <vector>

namespace parley::webhook {

/// `secrets`: strings to blank out of anything quoted from the response or
/// the transport error (the URL in slack format, the signing secret).
ActionResult delivery_result(const HttpResponse& response, const std::vector<std::string>& secrets);

/// `text` with every non-empty `secrets` entry replaced by "[redacted]".
std::string redacted(std::string text, const std::vector<std::string>& secrets);

}  // namespace parley::webhook
