// Action <-> JSON, for the outbox rows.
#pragma once

#include <nlohmann/json.hpp>
#include <parley/action.hpp>
#include <string>

namespace parley::host {

/// The action as one JSON object's text (written directly: it is done for
/// every proposed action, see docs/performance.md).
std::string action_to_json(const Action& action);
/// Throws std::invalid_argument on an unknown kind or a non-object.
Action action_from_json(const nlohmann::json& json);

}  // namespace parley::host
