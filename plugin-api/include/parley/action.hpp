// Action: what a responder proposes and a connector executes, after the
// host's policy guard has allowed it.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace parley {

enum class ActionKind {
  reply_public,   ///< answer publicly under the event
  reply_private,  ///< private reply / direct message / e-mail
  hide,
  unhide,
  delete_event,  ///< "delete" in YAML; most brands forbid it (PLAYBOOK P9)
  ban,
  warn,      ///< a warning to the author; counts towards ban.after_warnings
  escalate,  ///< hand over to a person or department
  notify,
  follow_up,        ///< schedule a follow-up
  request_removal,  ///< politely ask the customer to remove the post
  label,            ///< tag the case (no platform effect)
  assign,           ///< assign the case to a person or team
  ignore,           ///< a deliberate, audited decision not to act
};

inline constexpr ActionKind kAllActionKinds[] = {
    ActionKind::reply_public, ActionKind::reply_private,   ActionKind::hide,
    ActionKind::unhide,       ActionKind::delete_event,    ActionKind::ban,
    ActionKind::warn,         ActionKind::escalate,        ActionKind::notify,
    ActionKind::follow_up,    ActionKind::request_removal, ActionKind::label,
    ActionKind::assign,       ActionKind::ignore};

inline constexpr std::string_view to_string(ActionKind kind) {
  switch (kind) {
    case ActionKind::reply_public: return "reply_public";
    case ActionKind::reply_private: return "reply_private";
    case ActionKind::hide: return "hide";
    case ActionKind::unhide: return "unhide";
    case ActionKind::delete_event: return "delete";
    case ActionKind::ban: return "ban";
    case ActionKind::warn: return "warn";
    case ActionKind::escalate: return "escalate";
    case ActionKind::notify: return "notify";
    case ActionKind::follow_up: return "follow_up";
    case ActionKind::request_removal: return "request_removal";
    case ActionKind::label: return "label";
    case ActionKind::assign: return "assign";
    case ActionKind::ignore: return "ignore";
  }
  return "ignore";
}

inline std::optional<ActionKind> action_kind_from_string(std::string_view name) {
  for (auto kind : kAllActionKinds) {
    if (to_string(kind) == name) return kind;
  }
  return std::nullopt;
}

struct Action {
  ActionKind kind = ActionKind::ignore;
  std::string target_event_id;                ///< the event acted on (defaults to the current one)
  std::string target_author_id;               ///< the author acted on (ban, warn)
  std::string text;                           ///< text to post, for replies and warnings
  std::map<std::string, std::string> params;  ///< kind-specific extras (e.g. "department")
  std::string reason;                         ///< why, in words a community manager reads; required
  std::string rule_id;                        ///< the rule that produced it (e.g. "P4", "abuse-ban"); required
  std::string idempotency_key;                ///< set by the host; a connector never posts one key twice
};

/// What a connector reports after trying an action.
struct ActionResult {
  enum class Status {
    done,              ///< the platform did it
    failed_retryable,  ///< try again later (timeout, 5xx, rate limited)
    failed_permanent,  ///< will never work (no permission, object deleted)
  };
  Status status = Status::done;
  std::string platform_id;  ///< id of what was created on the platform, if any
  std::string message;      ///< what went wrong, for the audit log; never a secret
};

}  // namespace parley
