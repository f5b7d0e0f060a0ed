// The mastodon connector's config: its schema (what the host validates) and
// the typed form the connector reads once at construction.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <parley/config.hpp>

namespace parley::mastodon {

struct MastodonConfig {
  std::string instance_url;  ///< "https://mastodon.example", without a trailing '/'
  std::string access_token;  ///< secret: only ever sent in the Authorization header
  std::string account_id;    ///< the brand account's id on its instance
  std::int64_t poll_interval_s = 60;
  std::int64_t page_size = 40;                ///< `limit` of each notifications request (Mastodon: max 80)
  std::int64_t max_pages_per_poll = 10;       ///< pages one read follows at most (rel="next")
  std::int64_t backfill = 1;                  ///< pages read on the very first run (no checkpoint yet)
  bool include_status_notifications = false;  ///< also `types[]=status` (posts of accounts the brand rings)
  std::string reply_visibility = "public";    ///< public | unlisted
  std::string ban_as = "block";               ///< block | mute
  std::int64_t max_status_chars = 500;        ///< the instance's status length limit
  bool report_forward = false;                ///< forward reports to the remote author's instance
  /// Accounts whose statuses are the brand's own: account_id plus any listed.
  std::vector<std::string> brand_account_ids;

  /// Reads a validated config section. Throws std::invalid_argument naming
  /// the field for what a schema cannot say (an id that is not an id, a URL
  /// that is not http(s), a URL with a path).
  static MastodonConfig from(const ConfigValue& config);

  bool is_brand_account(const std::string& account_id) const;
};

/// The fields of the `config:` section, with types, defaults and descriptions.
ConfigSchema mastodon_config_schema();

/// Mastodon ids are digits (snowflakes); other servers use letters too. Only
/// these characters may go into a URL path.
bool is_mastodon_id(const std::string& id);

}  // namespace parley::mastodon
