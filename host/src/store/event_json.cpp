#include "store/event_json.hpp"

namespace parley::host {

nlohmann::json event_to_json(const Event& event) {
  return {{"id", event.id},
          {"platform", event.platform},
          {"account", event.account},
          {"kind", std::string(to_string(event.kind))},
          {"thread_id", event.thread_id},
          {"parent_id", event.parent_id},
          {"author",
           {{"id", event.author.id},
            {"handle", event.author.handle},
            {"display_name", event.author.display_name},
            {"is_brand", event.author.is_brand}}},
          {"text", event.text},
          {"lang", event.lang},
          {"created_at", event.created_at},
          {"url", event.url},
          {"visibility", std::string(to_string(event.visibility))},
          {"metadata", event.metadata},
          {"raw", event.raw}};
}

Event event_from_json(const nlohmann::json& json) {
  Event event;
  event.id = json.at("id").get<std::string>();
  event.platform = json.at("platform").get<std::string>();
  event.account = json.at("account").get<std::string>();
  event.kind = event_kind_from_string(json.at("kind").get<std::string>()).value_or(EventKind::comment);
  event.thread_id = json.at("thread_id").get<std::string>();
  event.parent_id = json.at("parent_id").get<std::string>();
  const auto& author = json.at("author");
  event.author.id = author.at("id").get<std::string>();
  event.author.handle = author.at("handle").get<std::string>();
  event.author.display_name = author.at("display_name").get<std::string>();
  event.author.is_brand = author.at("is_brand").get<bool>();
  event.text = json.at("text").get<std::string>();
  event.lang = json.at("lang").get<std::string>();
  event.created_at = json.at("created_at").get<std::int64_t>();
  event.url = json.at("url").get<std::string>();
  event.visibility =
      json.at("visibility").get<std::string>() == "private" ? Visibility::private_message : Visibility::public_post;
  event.metadata = json.at("metadata").get<std::map<std::string, std::string>>();
  event.raw = json.at("raw").get<std::string>();
  return event;
}

}  // namespace parley::host
