// What `parley approvals list` and `show` print: for a community manager
// (text) or for tools (--json). Every string is redacted before it is shown.
#pragma once

#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "config/secrets.hpp"
#include "store/store.hpp"

namespace parley::host {

/// One entry with what `show` adds to it: the decisions on it and the audit
/// record of its event.
struct ApprovalDetails {
  OutboxEntry entry;
  std::vector<ApprovalDecision> decisions;
  std::optional<AuditRecord> audit;
  std::vector<CaseTransition> transitions;  ///< of the case, by the action's rule on its event
  std::optional<Timer> timer;               ///< the one a follow_up set
};

/// "department=billing, channel=dm": an action's params on one line.
std::string params_text(const std::map<std::string, std::string>& params);

/// "2026-11-02T09:15:03Z" for ms since the epoch.
std::string utc_time(std::int64_t ms);
/// "45s", "12m", "3h", "2d": how long ago `ms` was, at `now_ms`.
std::string age(std::int64_t ms, std::int64_t now_ms);

std::string list_text(const std::vector<OutboxEntry>& parked, std::int64_t now_ms);
nlohmann::json list_json(const std::vector<OutboxEntry>& parked, std::int64_t now_ms);

std::string show_text(const ApprovalDetails& details, std::int64_t now_ms);
nlohmann::json show_json(const ApprovalDetails& details);

nlohmann::json decision_json(const ApprovalDecision& decision);
/// "approved by alice at 2026-11-02T09:15:03Z (note: ...)".
std::string decision_text(const ApprovalDecision& decision);

/// What an approval changed: case moves, the author's counts, a timer.
std::string effects_text(const EventOutcome& effects);
nlohmann::json effects_json(const EventOutcome& effects);

/// `json` with every string (keys too) redacted.
nlohmann::json redact_json(const nlohmann::json& json, const SecretRegistry& secrets);

}  // namespace parley::host
