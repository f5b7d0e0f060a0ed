// The facebook-pages connector's config: its schema (what the host
// validates) and the typed form the connector reads once at construction.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <parley/config.hpp>

namespace parley::facebook {

struct FacebookConfig {
  std::string page_id;
  std::string access_token;  ///< secret: only ever sent in the Authorization header
  std::string app_secret;    ///< secret: key of X-Hub-Signature-256; empty refuses every delivery
  std::string verify_token;  ///< secret: the subscription handshake's hub.verify_token
  std::string graph_url = "https://graph.facebook.com";  ///< without a trailing '/'
  std::string graph_version = "v21.0";
  bool polling = false;
  std::int64_t poll_interval_s = 60;
  std::int64_t poll_window_s = 7 * 24 * 3600;
  /// Authors whose comments are the brand's own: the page itself plus any
  /// listed in the config.
  std::vector<std::string> brand_author_ids;

  /// Reads a validated config section. Throws std::invalid_argument naming
  /// the field for what a schema cannot say (a page id that is not a plain
  /// id, a version that is not "vNN.N", a Graph URL that is not http(s)).
  static FacebookConfig from(const ConfigValue& config);

  bool is_brand_author(const std::string& author_id) const;
  /// "https://graph.facebook.com/v21.0"
  std::string versioned_url() const { return graph_url + "/" + graph_version; }
};

/// The fields of the `config:` section, with types, defaults and descriptions.
ConfigSchema facebook_config_schema();

}  // namespace parley::facebook
