// Requests to a Mastodon instance's REST API through the host's HTTP client:
// the token in the Authorization header (never in a URL), form bodies, one
// rate limiter per account, and the Link header's rel="next" pagination.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <parley/http.hpp>
#include <parley/plugin.hpp>

#include "mastodon_config.hpp"

namespace parley::mastodon {

using Parameters = FormFields;

/// The URL of the `rel="next"` entry of a Link header
/// (`<https://...?max_id=1>; rel="next", <...>; rel="prev"`), if any.
std::optional<std::string> next_link(std::string_view link_header);

class MastodonApi {
 public:
  /// Keeps references to both; they outlive it.
  MastodonApi(PluginContext& context, const MastodonConfig& config) : context_(context), config_(config) {}

  /// GET <instance_url><path>?<query>. `path` starts with "/api/".
  HttpResponse get(std::string_view path, const Parameters& query);
  /// GET of a Link URL the instance gave us. Refused (status 0, with an
  /// error) unless it is under instance_url, so the token never leaves for
  /// another host.
  HttpResponse get_url(const std::string& url);
  /// POST with an application/x-www-form-urlencoded body and extra headers
  /// (e.g. Idempotency-Key). `idempotent`: the host may resend it.
  HttpResponse post_form(std::string_view path, const Parameters& fields, std::vector<HttpHeader> headers,
                         bool idempotent);

  bool is_instance_url(const std::string& url) const { return url.rfind(config_.instance_url + "/", 0) == 0; }

  /// "mastodon:<host>:<account id>": Mastodon's limits are per account (and per IP).
  std::string rate_limit_key() const;

 private:
  HttpRequest request(std::string method, std::string url, bool idempotent) const;

  PluginContext& context_;
  const MastodonConfig& config_;
};

}  // namespace parley::mastodon
