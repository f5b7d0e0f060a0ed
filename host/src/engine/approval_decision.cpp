#include "engine/approval_decision.hpp"

#include <stdexcept>

#include "engine/action_executor.hpp"
#include "engine/approval_effects.hpp"

namespace parley::host {

ParkedDecisionResult decide_parked_action(Store& store, const EngineConfig& engine, const PipelineRuntime* runtime,
                                          ApprovalDecision decision) {
  if (decision.approve && runtime == nullptr) throw std::logic_error("approving needs the pipeline's connectors");
  ParkedDecisionResult result;
  // An approval has the state effects an allowed action has (warnings, ban,
  // case status, offers, a follow_up's timer), committed with the decision.
  const auto at = approval_time(engine.clock, store);
  auto decided = store.decide(std::move(decision), [&](const OutboxEntry& approved) {
    result.effects = approval_outcome(store, approved, at);
    return result.effects;
  });
  result.outcome = decided.outcome;
  result.entry = std::move(decided.entry);
  result.decision = std::move(decided.decision);
  if (result.outcome != DecideResult::Outcome::decided) {
    result.effects.reset();
    return result;
  }
  // A follow_up is carried out by the host (its timer, set above); only
  // platform actions go to the connector.
  if (result.decision->approve && result.entry->status == OutboxStatus::pending) {
    const RetryPolicy retry{engine.max_attempts, engine.retry_backoff_ms};
    result.execution_failed = execute_action(*runtime, store, retry, *result.entry).has_value();
  }
  return result;
}

}  // namespace parley::host
