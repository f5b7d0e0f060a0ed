#include "engine/action_routes.hpp"

namespace parley::host {

ActionKind routed_kind(const Action& action) {
  const auto replaced = action.params.find("fallback_for");
  if (replaced == action.params.end()) return action.kind;
  return action_kind_from_string(replaced->second).value_or(action.kind);
}

const std::string& carrier_of(const PipelineConfig& config, const Action& action,
                              const std::string& event_connector_id) {
  const auto* route = config.route_for(routed_kind(action));
  return route == nullptr ? event_connector_id : route->connector_id;
}

std::string first_characters(std::string_view text, std::size_t max_chars) {
  std::size_t chars = 0;
  for (std::size_t index = 0; index < text.size(); ++index) {
    const bool starts_char = (static_cast<unsigned char>(text[index]) & 0xC0) != 0x80;
    if (starts_char && chars++ == max_chars) return std::string(text.substr(0, index));
  }
  return std::string(text);
}

void drop_source_event_params(Action& action) {
  for (auto param = action.params.begin(); param != action.params.end();) {
    param = param->first.rfind(kSourceEventPrefix, 0) == 0 ? action.params.erase(param) : std::next(param);
  }
}

void add_source_event_params(Action& action, const Event& event, const std::string& event_connector_id) {
  drop_source_event_params(action);
  const auto set = [&action](std::string_view name, std::string value) {
    action.params.insert_or_assign(std::string(kSourceEventPrefix) + std::string(name), std::move(value));
  };
  set("connector", event_connector_id);
  set("id", event.id);
  set("text", first_characters(event.text, kSourceEventTextChars));
  set("author_id", event.author.id);
  set("author_name", event.author.display_name.empty() ? event.author.handle : event.author.display_name);
  const auto permalink = event.metadata.find("permalink");
  if (!event.url.empty()) {
    set("permalink", event.url);
  } else if (permalink != event.metadata.end() && !permalink->second.empty()) {
    set("permalink", permalink->second);
  }
  if (const auto email = event.metadata.find("author.email"); email != event.metadata.end() && !email->second.empty()) {
    set("email", email->second);
  }
  // The e-mail an event came from, so a reply by e-mail threads under it.
  if (const auto id = event.metadata.find("message_id"); id != event.metadata.end() && !id->second.empty()) {
    set("message_id", id->second);
  }
}

}  // namespace parley::host
