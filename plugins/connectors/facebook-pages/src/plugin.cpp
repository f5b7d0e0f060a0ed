// Registration of the facebook-pages connector; the logic lives in the other files.
#include <parley/plugin.hpp>

#include "facebook_config.hpp"
#include "facebook_connector.hpp"

PARLEY_PLUGIN(connector, parley::facebook::FacebookPagesConnector, "facebook-pages", "0.1.0",
              "Comments of a Facebook Page (webhooks, optional polling); replies, hides, bans via the Graph API",
              parley::facebook::facebook_config_schema)
