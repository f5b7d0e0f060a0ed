#include "store/action_json.hpp"

#include <stdexcept>

#include "json/json_writer.hpp"

namespace parley::host {

std::string action_to_json(const Action& action) {
  JsonWriter json;
  json.begin_object()
      .field("kind", to_string(action.kind))
      .field("target_event_id", action.target_event_id)
      .field("target_author_id", action.target_author_id)
      .field("text", action.text);
  json.key("params").begin_object();
  for (const auto& [name, value] : action.params) json.field(name, value);
  json.end_object();
  json.field("reason", action.reason).field("rule", action.rule_id).field("key", action.idempotency_key).end_object();
  return json.take();
}

Action action_from_json(const nlohmann::json& json) {
  if (!json.is_object()) throw std::invalid_argument("an action must be a JSON object");
  Action action;
  const auto kind_name = json.value("kind", std::string());
  const auto kind = action_kind_from_string(kind_name);
  if (!kind) throw std::invalid_argument("unknown action kind '" + kind_name + "'");
  action.kind = *kind;
  action.target_event_id = json.value("target_event_id", std::string());
  action.target_author_id = json.value("target_author_id", std::string());
  action.text = json.value("text", std::string());
  if (json.contains("params")) action.params = json.at("params").get<std::map<std::string, std::string>>();
  action.reason = json.value("reason", std::string());
  action.rule_id = json.value("rule", std::string());
  action.idempotency_key = json.value("key", std::string());
  return action;
}

std::string settled_actions_to_json(const std::vector<const OutboxEntry*>& entries) {
  if (entries.empty()) return {};
  JsonWriter json;
  json.begin_array();
  for (const auto* entry : entries) {
    json.begin_object()
        .field("connector", entry->connector_id)
        .field("status", to_string(entry->status))
        .field("note", entry->note);
    json.key("action").raw(action_to_json(entry->action)).end_object();
  }
  json.end_array();
  return json.take();
}

std::vector<OutboxEntry> settled_actions_from_json(const std::string& text, const std::string& event_id,
                                                   std::int64_t created_at) {
  std::vector<OutboxEntry> entries;
  if (text.empty()) return entries;
  for (const auto& item : nlohmann::json::parse(text)) {
    OutboxEntry entry;
    entry.connector_id = item.value("connector", std::string());
    entry.event_id = event_id;
    entry.action = action_from_json(item.at("action"));
    entry.status = outbox_status_from_string(item.value("status", std::string()));
    entry.note = item.value("note", std::string());
    entry.created_at = created_at;
    entries.push_back(std::move(entry));
  }
  return entries;
}

}  // namespace parley::host
