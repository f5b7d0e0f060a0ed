// Registration of the instagram connector; the logic lives in the other files.
#include <parley/plugin.hpp>

#include "instagram_config.hpp"
#include "instagram_connector.hpp"

PARLEY_PLUGIN(connector, parley::instagram::InstagramConnector, "instagram", "0.1.0",
              "Comments on an Instagram professional account's media (webhooks, optional polling); replies, "
              "private replies, hides via the Graph API (no ban)",
              parley::instagram::instagram_config_schema)
