// Registration of the mastodon connector; the logic lives in the other files.
#include <parley/plugin.hpp>

#include "mastodon_config.hpp"
#include "mastodon_connector.hpp"

PARLEY_PLUGIN(connector, parley::mastodon::MastodonConnector, "mastodon", "0.1.0",
              "Mentions of one Mastodon account (notification polling); replies, direct replies, blocks, reports",
              parley::mastodon::mastodon_config_schema)
