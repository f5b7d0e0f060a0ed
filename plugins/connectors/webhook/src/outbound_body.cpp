#include "outbound_body.hpp"

#include <nlohmann/json.hpp>
#include <utility>
#include <vector>

namespace parley::webhook {

namespace {

using nlohmann::json;

std::string dump(const json& document) { return document.dump(-1, ' ', false, json::error_handler_t::replace); }

std::string param(const Action& action, const std::string& name) {
  const auto found = action.params.find(name);
  return found == action.params.end() ? std::string() : found->second;
}

/// "Escalated to legal", "Notification: refund request", ...
std::string headline(const Action& action) {
  const auto department = param(action, "department");
  const auto topic = param(action, "topic");
  switch (action.kind) {
    case ActionKind::escalate: return department.empty() ? "Escalated" : "Escalated to " + slack_escape(department);
    case ActionKind::notify: return topic.empty() ? "Notification" : "Notification: " + slack_escape(topic);
    case ActionKind::reply_private: return "Private reply to send";
    case ActionKind::assign: return "Assigned" + (department.empty() ? "" : " to " + slack_escape(department));
    default: return "Action: " + std::string(to_string(action.kind));
  }
}

/// Each line of `text` as a mrkdwn quote.
std::string quoted(const std::string& text) {
  std::string result = "> ";
  for (const char c : slack_escape(text)) {
    result += c;
    if (c == '\n') result += "> ";
  }
  return result;
}

}  // namespace

std::string slack_escape(const std::string& text) {
  std::string result;
  result.reserve(text.size());
  for (const char c : text) {
    switch (c) {
      case '&': result += "&amp;"; break;
      case '<': result += "&lt;"; break;
      case '>': result += "&gt;"; break;
      default: result += c;
    }
  }
  return result;
}

std::string parley_action_json(const Action& action) {
  json params = json::object();
  for (const auto& [name, value] : action.params) params[name] = value;
  return dump({{"idempotency_key", action.idempotency_key},
               {"kind", to_string(action.kind)},
               {"target_event_id", action.target_event_id},
               {"target_author_id", action.target_author_id},
               {"text", action.text},
               {"params", params},
               {"reason", action.reason},
               {"rule_id", action.rule_id}});
}

std::string slack_text(const Action& action) {
  std::string text = "*" + headline(action) + "*";
  if (!action.rule_id.empty()) text += " (rule `" + slack_escape(action.rule_id) + "`)";
  text += "\n";
  if (!action.reason.empty()) text += "Why: " + slack_escape(action.reason) + "\n";
  const std::vector<std::pair<std::string, std::string>> details = {{"department", "Department"},
                                                                    {"contact", "Contact"},
                                                                    {"topic", "Topic"},
                                                                    {"team", "Team"},
                                                                    {"priority", "Priority"}};
  for (const auto& [name, label] : details) {
    if (const auto value = param(action, name); !value.empty()) text += label + ": " + slack_escape(value) + "\n";
  }
  if (!action.text.empty()) text += "Message: " + slack_escape(action.text) + "\n";

  const auto author = param(action, "parley.event.author_name");
  const auto author_id = param(action, "parley.event.author_id");
  const auto connector = param(action, "parley.event.connector");
  if (!author.empty() || !author_id.empty()) {
    text += "From: " + slack_escape(author.empty() ? author_id : author);
    if (!author.empty() && !author_id.empty()) text += " (" + slack_escape(author_id) + ")";
    if (!connector.empty()) text += " on " + slack_escape(connector);
    if (const auto email = param(action, "parley.event.email"); !email.empty()) text += ", " + slack_escape(email);
    text += "\n";
  }
  if (const auto said = param(action, "parley.event.text"); !said.empty()) text += quoted(said) + "\n";
  const auto permalink = param(action, "parley.event.permalink");
  // Only a web link becomes a link: <...|...> is markup, so no '|' or '>' inside.
  if (!permalink.empty() && (permalink.rfind("https://", 0) == 0 || permalink.rfind("http://", 0) == 0) &&
      permalink.find_first_of("|<> ") == std::string::npos) {
    text += "<" + permalink + "|Open on the platform>\n";
  }
  if (!text.empty() && text.back() == '\n') text.pop_back();
  return text;
}

std::string slack_message_json(const Action& action) { return dump({{"text", slack_text(action)}}); }

}  // namespace parley::webhook
