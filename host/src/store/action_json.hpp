// Action <-> JSON, for the outbox, the audit log and the replay output.
#pragma once

#include <nlohmann/json.hpp>
#include <parley/action.hpp>

namespace parley::host {

nlohmann::json action_to_json(const Action& action);
/// Throws std::invalid_argument on an unknown kind or a non-object.
Action action_from_json(const nlohmann::json& json);

}  // namespace parley::host
