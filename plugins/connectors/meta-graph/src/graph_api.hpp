// Requests to Meta's Graph API through the host's HTTP client: the pinned
// version in every path, the token in the Authorization header (never in a
// URL), one rate limiter per account. Shared by facebook-pages and instagram.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <parley/http.hpp>
#include <parley/plugin.hpp>

namespace parley::graph {

using Parameters = FormFields;

/// Where and as whom a connector talks to Graph.
struct GraphAccess {
  std::string graph_url;       ///< e.g. "https://graph.facebook.com", without a trailing '/'
  std::string version;         ///< e.g. "v21.0"
  std::string access_token;    ///< secret: only ever sent in the Authorization header
  std::string rate_limit_key;  ///< e.g. "facebook:<page id>"

  /// "https://graph.facebook.com/v21.0"
  std::string versioned_url() const { return graph_url + "/" + version; }
};

class GraphApi {
 public:
  /// Keeps a reference to the context; it outlives this.
  GraphApi(PluginContext& context, GraphAccess access) : context_(context), access_(std::move(access)) {}

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
  bool is_graph_url(const std::string& url) const { return url.rfind(access_.graph_url + "/", 0) == 0; }
  /// <graph_url>/<version>/<path>?<query>: what get() asks for.
  std::string url(std::string_view path, const Parameters& query) const;

  const std::string& rate_limit_key() const { return access_.rate_limit_key; }
  /// For result_for_failure: the string no message may contain.
  const std::string& secret() const { return access_.access_token; }

 private:
  HttpRequest request(std::string method, std::string url, bool idempotent) const;

  PluginContext& context_;
  GraphAccess access_;
};

}  // namespace parley::graph
