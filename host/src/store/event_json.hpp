// Event <-> JSON, every field: how the inbox keeps a webhook's events until
// the engine handles them.
#pragma once

#include <nlohmann/json.hpp>
#include <parley/event.hpp>

namespace parley::host {

nlohmann::json event_to_json(const Event& event);
/// Throws nlohmann::json::exception on a malformed record.
Event event_from_json(const nlohmann::json& json);

}  // namespace parley::host
