// Deciding one parked action: what `parley approvals approve|reject` and
// `parley console` both do. The decision is a compare-and-set in the store
// (only from pending_approval), committed with an approval's state effects
// (approval_effects.hpp); an approved platform action is then executed at
// once through the pipeline's connector, as the engine would have.
#pragma once

#include <optional>

#include "config/pipeline_config.hpp"
#include "engine/pipeline_runtime.hpp"
#include "store/store.hpp"

namespace parley::host {

struct ParkedDecisionResult {
  DecideResult::Outcome outcome = DecideResult::Outcome::unknown_id;
  /// As it is afterwards: executed (done or failed) when approved.
  std::optional<OutboxEntry> entry;
  /// This decision when decided; when not_parked, the one that came first.
  std::optional<ApprovalDecision> decision;
  std::optional<EventOutcome> effects;  ///< what an approval changed in the state
  bool execution_failed = false;        ///< approved, but the connector failed (dead-lettered)
};

/// Decides `decision.outbox_id` with `decision.approve`, `by` and `note`.
/// `runtime` holds the pipeline's connectors; it is needed to approve (it
/// may be null for a rejection).
ParkedDecisionResult decide_parked_action(Store& store, const EngineConfig& engine, const PipelineRuntime* runtime,
                                          ApprovalDecision decision);

}  // namespace parley::host
