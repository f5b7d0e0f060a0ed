#include "engine/timer_event.hpp"

#include <nlohmann/json.hpp>

#include "json/json_writer.hpp"

namespace parley::host {

std::string timer_event_json(const Event& event, const Labels& labels) {
  // Written directly (it is in the audit record of every parked action),
  // keys in the order nlohmann's tree gave them before.
  const auto& lang = labels.attribute("lang");
  JsonWriter json;
  json.begin_object().field("account", event.account);
  json.key("author")
      .begin_object()
      .field("display_name", event.author.display_name)
      .field("handle", event.author.handle)
      .field("id", event.author.id)
      .field("is_brand", event.author.is_brand)
      .end_object();
  json.field("id", event.id)
      .field("lang", lang.empty() ? event.lang : lang)
      .field("platform", event.platform)
      .field("private", event.visibility == Visibility::private_message)
      .field("thread_id", event.thread_id)
      .field("url", event.url)
      .end_object();
  return json.take();
}

Event make_timer_event(const Timer& timer) {
  const auto json = nlohmann::json::parse(timer.event_json);
  Event event;
  event.id = "timer:" + timer.key;
  event.kind = EventKind::timer;
  event.parent_id = json.value("id", timer.event_id);
  event.platform = json.value("platform", std::string());
  event.account = json.value("account", std::string());
  event.thread_id = json.value("thread_id", std::string());
  event.url = json.value("url", std::string());
  event.lang = json.value("lang", std::string());
  event.visibility = json.value("private", false) ? Visibility::private_message : Visibility::public_post;
  if (const auto author = json.find("author"); author != json.end()) {
    event.author.id = author->value("id", std::string());
    event.author.handle = author->value("handle", std::string());
    event.author.display_name = author->value("display_name", std::string());
    event.author.is_brand = author->value("is_brand", false);
  }
  event.created_at = timer.due_at;
  event.metadata = {{"timer.purpose", timer.purpose},
                    {"timer.rule", timer.rule_id},
                    {"timer.set_at", std::to_string(timer.set_at)},
                    {"thread.replies_since", "0"},
                    {"thread.brand_replies_since", "0"}};
  event.raw = timer.event_json;
  return event;
}

void set_thread_counts(Event& event, const ThreadCounts& counts) {
  event.metadata["thread.replies_since"] = std::to_string(counts.replies);
  event.metadata["thread.brand_replies_since"] = std::to_string(counts.brand_replies);
}

}  // namespace parley::host
