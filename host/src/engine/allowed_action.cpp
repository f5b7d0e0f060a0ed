#include "engine/allowed_action.hpp"

#include "engine/action_params.hpp"
#include "engine/author_identity.hpp"
#include "engine/case_lifecycle.hpp"

namespace parley::host {

bool apply_allowed_action(const Action& action, const ActionSite& site, CaseState& case_now, AuthorState& author_now,
                          EventOutcome& outcome) {
  const auto kind = action.kind;
  const auto now = site.at;
  if (kind == ActionKind::warn) ++author_now.warnings;
  if (kind == ActionKind::ban) record_ban(author_now, site.linked_account);
  if (const auto offer = action.params.find("offer"); offer != action.params.end() && !offer->second.empty()) {
    ++author_now.concessions;
  }
  if ((kind == ActionKind::reply_public || kind == ActionKind::reply_private) && case_now.first_response_at == 0) {
    case_now.first_response_at = now;
  }
  if (auto next = status_after(action, case_now.status)) {
    outcome.transitions.push_back({site.case_key, case_now.status, *next, site.event_id, action.rule_id, now});
    case_now.status = std::move(*next);
    case_now.status_since = now;
  }
  const bool by_host = kind == ActionKind::follow_up;
  if (by_host) {
    // A durable timer, committed with the event (or the approval). The guard
    // has checked params.after.
    Timer timer;
    timer.key = action.idempotency_key;
    timer.case_key = site.case_key;
    timer.connector_id = site.connector_id;
    timer.event_id = site.event_id;
    timer.event_json = site.timer_event_json ? site.timer_event_json() : std::string("{}");
    timer.purpose = follow_up_purpose(action);
    timer.rule_id = action.rule_id;
    timer.set_at = now;
    const auto after = action.params.find("after");
    timer.due_at = now + (after == action.params.end() ? 0 : parse_after(after->second).value_or(0));
    outcome.timers_set.push_back(std::move(timer));
    ++case_now.open_timers;
  }
  case_now.last_actions.emplace_back(to_string(kind));
  if (case_now.last_actions.size() > CaseState::kMaxLastActions) {
    case_now.last_actions.erase(case_now.last_actions.begin());
  }
  return by_host;
}

void mark_done_by_host(OutboxEntry& entry) {
  entry.status = OutboxStatus::done;
  entry.platform_id = "timer:" + entry.action.idempotency_key;
}

}  // namespace parley::host
