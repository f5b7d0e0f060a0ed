// Requests to the Graph API through the host's HTTP client: the pinned
// version in every path, the token in the Authorization header (never in a
// URL), one rate limiter per page.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <parley/http.hpp>
#include <parley/plugin.hpp>

#include "facebook_config.hpp"

namespace parley::facebook {

using Parameters = FormFields;

class GraphApi {
 public:
  /// Keeps references to both; they outlive it.
  GraphApi(PluginContext& context, const FacebookConfig& config) : context_(context), config_(config) {}

  /// GET <graph_url>/<version>/<path>?<query>. `path` starts with '/'.
  HttpResponse get(std::string_view path, const Parameters& query);
  /// GET of an absolute URL Graph gave us (paging.next). Refused (status 0,
  /// with an error) unless it is under graph_url, so the token never leaves
  /// for another host.
  HttpResponse get_url(const std::string& url);
  /// POST with an application/x-www-form-urlencoded body.
  HttpResponse post_form(std::string_view path, const Parameters& fields, bool idempotent);
  /// POST with a JSON body.
  HttpResponse post_json(std::string_view path, std::string body, bool idempotent);
  HttpResponse remove(std::string_view path);

  /// True for a URL under graph_url: the only host the token may go to.
  bool is_graph_url(const std::string& url) const { return url.rfind(config_.graph_url + "/", 0) == 0; }

  /// "facebook:<page id>"
  std::string rate_limit_key() const { return "facebook:" + config_.page_id; }

 private:
  HttpRequest request(std::string method, std::string url, bool idempotent) const;

  PluginContext& context_;
  const FacebookConfig& config_;
};

}  // namespace parley::facebook
