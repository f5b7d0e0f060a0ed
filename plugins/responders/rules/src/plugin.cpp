// Registration of the rules responder; the logic lives in the other files.
#include <parley/plugin.hpp>

#include "rules_responder.hpp"

PARLEY_PLUGIN(responder, parley::rules::RulesResponder, "rules", "1.0.0",
              "When/then rules a community manager can read (AutoModerator style)", parley::rules::rules_config_schema)
