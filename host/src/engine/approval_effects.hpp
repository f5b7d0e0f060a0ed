// What approving a parked action changes in the state: exactly what the
// engine would have changed had the guard allowed it (allowed_action.hpp),
// applied when the person decides. Store::decide commits it in the
// decision's own transaction (docs/pipelines.md, "Approvals").
#pragma once

#include <cstdint>
#include <optional>

#include "engine/engine_clock.hpp"
#include "store/store.hpp"

namespace parley::host {

/// The engine-clock time an approval takes effect at: the wall clock, or in
/// `events` mode the clock saved by the last run (the latest event time
/// handled), so a follow_up's "3d" is on the events' time line; the wall
/// clock when no run saved one.
std::int64_t approval_time(ClockMode mode, Store& store);

/// The state effects of approving `approved` at `at`, on the case and author
/// of its event as they are in `store` now. The event's audit record names
/// them (its case, author and, since parked actions record it, account and
/// the fields a timer keeps). nullopt when the event has no audit record.
std::optional<EventOutcome> approval_outcome(Store& store, const OutboxEntry& approved, std::int64_t at);

/// approval_outcome at `at`, for Store::decide; `store` must outlive it.
ApprovalEffects approval_effects(Store& store, std::int64_t at);

}  // namespace parley::host
