// The state effects of one allowed action (docs/plugin-authoring.md, "Case
// lifecycle", "Timers", "Offers"): what the host itself changes when an action
// goes ahead. One function for both ways an action goes ahead: the guard
// allowed it while the engine handled its event, or a person approved it
// later (`parley approvals approve`), so both change exactly the same state.
#pragma once

#include <cstdint>
#include <functional>
#include <string>

#include "store/store.hpp"

namespace parley::host {

/// Where an allowed action belongs: what its effects are recorded against.
struct ActionSite {
  std::string case_key;
  std::string event_id;      ///< the event the action was proposed for
  std::string connector_id;  ///< of that event
  std::int64_t at = 0;       ///< engine clock: transitions, first response, the timer's set_at
  /// The event fields a follow_up's timer keeps (timer_event.hpp); called
  /// only for a follow_up, as building them costs a JSON dump.
  std::function<std::string()> timer_event_json;
  /// A linked person's "connector:author" (engine/author_identity.hpp): a
  /// ban is recorded for that account only. Empty otherwise.
  std::string linked_account = {};
};

/// Applies the effects of allowed `action` to the case and author state:
/// warnings, ban, concessions, first response, status (transitions appended
/// to `outcome`), a follow_up's timer (appended to `outcome.timers_set`),
/// the case's last actions. Returns true when the host itself has carried
/// the action out (a follow_up: its timer), so no connector executes it.
bool apply_allowed_action(const Action& action, const ActionSite& site, CaseState& case_now, AuthorState& author_now,
                          EventOutcome& outcome);

/// Marks the outbox entry of an action apply_allowed_action carried out as done.
void mark_done_by_host(OutboxEntry& entry);

}  // namespace parley::host
