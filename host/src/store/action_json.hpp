// Action <-> JSON, for the outbox rows and an event's settled actions.
#pragma once

#include <nlohmann/json.hpp>
#include <parley/action.hpp>
#include <string>
#include <vector>

#include "store/store.hpp"

namespace parley::host {

/// The action as one JSON object's text (written directly: it is done for
/// every proposed action, see docs/performance.md).
std::string action_to_json(const Action& action);
/// Throws std::invalid_argument on an unknown kind or a non-object.
Action action_from_json(const nlohmann::json& json);

/// Outbox entries whose status is final when they are recorded (blocked,
/// dry_run) as one JSON array: connector, status, note and the action of
/// each (docs/adr/0018-one-row-per-event-store.md). Empty text when none.
std::string settled_actions_to_json(const std::vector<const OutboxEntry*>& entries);
/// The entries of settled_actions_to_json's text, with `event_id` and
/// `created_at` filled in from the event they belong to; their id stays 0.
std::vector<OutboxEntry> settled_actions_from_json(const std::string& text, const std::string& event_id,
                                                   std::int64_t created_at);

}  // namespace parley::host
