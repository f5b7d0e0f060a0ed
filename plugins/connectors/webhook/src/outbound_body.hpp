// What an action becomes on the wire: the signed JSON of format `parley`, or
// a Slack incoming-webhook message a community manager reads (format `slack`).
#pragma once

#include <parley/action.hpp>
#include <string>

namespace parley::webhook {

/// {"idempotency_key", "kind", "target_event_id", "target_author_id",
///  "text", "params", "reason", "rule_id"}
std::string parley_action_json(const Action& action);

/// The mrkdwn text of a Slack message for `action`: what happened ("Escalated
/// to legal"), why (reason, rule), its department/contact/topic params, and
/// the source event from parley.event.* (author, quoted text, permalink).
std::string slack_text(const Action& action);

/// {"text": slack_text(action)} as JSON.
std::string slack_message_json(const Action& action);

/// Escapes &, < and > as Slack's mrkdwn requires of text that is not markup.
std::string slack_escape(const std::string& text);

}  // namespace parley::webhook
