// Executing one recorded action through its connector: retries, the outbox
// update and the dead letter. Shared by the engine (a run, and its recovery
// of interrupted actions) and `parley approvals approve`, so an approved
// action is carried out exactly as the engine would have.
#pragma once

#include <optional>

#include "engine/pipeline_runtime.hpp"
#include "engine/plugin_call.hpp"
#include "store/store.hpp"

namespace parley::host {

/// Calls the connector named by `entry.connector_id` up to
/// `retry.max_attempts` times (a permanent failure stops at once), then
/// stores the entry as done or failed. A failure is also stored as a dead
/// letter (stage "execute") and returned; nullopt when the action was done.
/// Every call after the first, and the first when `may_have_run_before`
/// (an action an interrupted run left pending), carries
/// params["parley.retry"] = "1": the connector checks the platform before
/// acting again where it can (docs/plugin-authoring.md, "Idempotent actions").
std::optional<DeadLetter> execute_action(const PipelineRuntime& runtime, Store& store, const RetryPolicy& retry,
                                         OutboxEntry& entry, bool may_have_run_before = false);

}  // namespace parley::host
