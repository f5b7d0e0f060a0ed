// The config every Meta connector shares besides its account id (token,
// webhook secrets, Graph URL and version, polling, brand authors): its
// schema and the typed form, read once at construction.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <parley/config.hpp>

#include "graph_api.hpp"

namespace parley::graph {

struct ConnectorSettings {
  std::string account_id;    ///< the page / professional account the connector speaks for
  std::string access_token;  ///< secret: only ever sent in the Authorization header
  std::string app_secret;    ///< secret: key of X-Hub-Signature-256; empty refuses every delivery
  std::string verify_token;  ///< secret: the subscription handshake's hub.verify_token
  std::string graph_url = "https://graph.facebook.com";  ///< without a trailing '/'
  std::string graph_version = "v21.0";
  bool polling = false;
  std::int64_t poll_interval_s = 60;
  std::int64_t poll_window_s = 7 * 24 * 3600;
  /// Authors whose comments are the brand's own: the account itself plus any
  /// listed in the config.
  std::vector<std::string> brand_author_ids;

  bool is_brand_author(const std::string& author_id) const;
  /// "https://graph.facebook.com/v21.0"
  std::string versioned_url() const { return graph_url + "/" + graph_version; }
  GraphAccess access(std::string rate_limit_key) const;
};

/// Reads the account id at `account_key` (required; digits only, since it
/// goes into URL paths) and the shared fields of a validated config section;
/// returns the account id, which becomes the first brand author. Throws
/// std::invalid_argument "<plugin>: config '<field>' ..." for what a schema
/// cannot say (a version that is not "vNN.N", a Graph URL that is not http(s)).
std::string read_settings(const ConfigValue& config, std::string_view plugin, const char* account_key,
                          std::string_view account_what, ConnectorSettings& settings);

/// What the shared fields' descriptions say about the platform.
struct SchemaTexts {
  std::string account_key;          ///< "page_id"
  std::string account_description;  ///< "the Facebook Page's numeric id"
  std::string access_token;         ///< what token it is
  std::string polling;              ///< what polling reads
  std::string poll_interval;
  std::string poll_window;
  std::string brand_authors;
};

/// account id, access_token, app_secret, verify_token, graph_url,
/// graph_version, polling, poll_interval_s, poll_window_s, brand_author_ids.
ConfigSchema settings_schema(const SchemaTexts& texts);

}  // namespace parley::graph
