// Keeping credentials out of the HTTP client's logs and error messages: the
// values of credential headers (Authorization, ...) and of token query
// parameters (access_token=...). Bodies are never logged at all.
#pragma once

#include <parley/http.hpp>
#include <string>
#include <string_view>

namespace parley::host {

/// Whether a header's value is a credential (Authorization, Cookie, API keys).
bool is_secret_header(std::string_view name);

/// `url` with the values of token parameters (access_token, client_secret,
/// appsecret_proof, ...) replaced by "REDACTED".
std::string redact_url(std::string_view url);

/// `text` with every secret of `request` (credential header values, token
/// parameter values) replaced by "REDACTED", e.g. for an error message.
std::string redact_request_secrets(std::string_view text, const HttpRequest& request);

}  // namespace parley::host
