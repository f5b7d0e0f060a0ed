// Registration of the webhook connector; the logic lives in the other files.
#include <parley/plugin.hpp>

#include "webhook_config.hpp"
#include "webhook_connector.hpp"

PARLEY_PLUGIN(connector, parley::webhook::WebhookConnector, "webhook", "0.1.0",
              "Signed JSON events in, actions out as a signed POST or a Slack message (team channels)",
              parley::webhook::webhook_config_schema)
