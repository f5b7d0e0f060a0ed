// Registers the playbook responder with the host.
#include <parley/plugin.hpp>

#include "playbook_config.hpp"
#include "playbook_responder.hpp"

PARLEY_PLUGIN(responder, parley::playbook::PlaybookResponder, "playbook", "0.4.0",
              "PLAYBOOK P1-P20: answers, private moves, warnings, bans, escalations and follow-ups per brand",
              parley::playbook::playbook_schema)
