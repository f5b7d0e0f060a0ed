// Registration of the email connector; the logic lives in the other files.
#include <parley/plugin.hpp>

#include "email_config.hpp"
#include "email_connector.hpp"

PARLEY_PLUGIN(connector, parley::email::EmailConnector, "email", "0.1.0",
              "Actions carried out by e-mail over SMTP (escalations, notices, private replies)",
              parley::email::email_config_schema)
