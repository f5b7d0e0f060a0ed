// Registration of the replay connector; the logic lives in the other files.
#include <parley/plugin.hpp>

#include "replay_config.hpp"
#include "replay_connector.hpp"

PARLEY_PLUGIN(connector, parley::replay::ReplayConnector, "replay", "1.0.0",
              "Events from a JSONL file or stdin; actions appended to a JSONL file",
              parley::replay::replay_config_schema)
