#include "mention_event.hpp"

#include "html_text.hpp"
#include "utc_time.hpp"

namespace parley::mastodon {

std::string string_at(const nlohmann::json& object, const char* key) {
  if (!object.is_object()) return {};
  const auto found = object.find(key);
  return found != object.end() && found->is_string() ? found->get<std::string>() : std::string();
}

namespace {

using nlohmann::json;

constexpr std::string_view kEventPrefix = "mastodon:";

const json* object_at(const json& object, const char* key) {
  if (!object.is_object()) return nullptr;
  const auto found = object.find(key);
  return found != object.end() && found->is_object() ? &*found : nullptr;
}

}  // namespace

std::string event_id_for_status(std::string_view status_id) {
  return std::string(kEventPrefix) + std::string(status_id);
}

std::string status_id_from_event_id(std::string_view event_id) {
  if (event_id.substr(0, kEventPrefix.size()) == kEventPrefix) event_id.remove_prefix(kEventPrefix.size());
  return std::string(event_id);
}

bool is_newer_id(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return a.size() > b.size();
  return a > b;
}

std::optional<StatusFacts> status_facts(const json& status) {
  const auto* account = object_at(status, "account");
  if (account == nullptr) return std::nullopt;
  StatusFacts facts;
  facts.account_id = string_at(*account, "id");
  facts.acct = string_at(*account, "acct");
  if (facts.account_id.empty() || facts.acct.empty()) return std::nullopt;
  facts.language = string_at(status, "language");
  facts.visibility = string_at(status, "visibility");
  return facts;
}

ReadNotification read_notification(const json& notification, const MastodonConfig& config) {
  ReadNotification read;
  const auto type = string_at(notification, "type");
  const bool wanted = type == "mention" || (type == "status" && config.include_status_notifications);
  if (!wanted) return read;
  const auto* status = object_at(notification, "status");
  if (status == nullptr) {
    read.rejected = "a " + type + " notification needs a 'status' object";
    return read;
  }
  const auto status_id = string_at(*status, "id");
  const auto facts = status_facts(*status);
  const auto created_at = replay::parse_utc_timestamp(string_at(*status, "created_at"));
  if (status_id.empty() || !facts || !created_at) {
    read.rejected = "a status needs 'id', 'account.id', 'account.acct' and an RFC 3339 'created_at'";
    return read;
  }
  if (config.is_brand_account(facts->account_id)) return read;  // the brand's own status

  Event event;
  event.id = event_id_for_status(status_id);
  event.platform = "mastodon";
  event.account = config.account_id;
  const bool direct = facts->visibility == "direct";
  event.kind = direct ? EventKind::direct_message : (type == "mention" ? EventKind::mention : EventKind::comment);
  event.visibility = direct ? Visibility::private_message : Visibility::public_post;
  const auto in_reply_to = string_at(*status, "in_reply_to_id");
  event.thread_id = in_reply_to.empty() ? status_id : in_reply_to;
  if (!in_reply_to.empty()) event.parent_id = event_id_for_status(in_reply_to);
  // Whom it answers: abuse in a reply to the brand is aimed at the brand,
  // not at another commenter (docs/plugin-authoring.md, metadata keys).
  if (const auto answered = string_at(*status, "in_reply_to_account_id"); !in_reply_to.empty() && !answered.empty()) {
    event.metadata["parent.author"] = config.is_brand_account(answered) ? "brand" : "other";
  }
  const auto* account = object_at(*status, "account");
  event.author.id = facts->account_id;
  event.author.handle = facts->acct;
  event.author.display_name = string_at(*account, "display_name");
  if (event.author.display_name.empty()) event.author.display_name = string_at(*account, "username");
  event.author.is_brand = false;
  const auto spoiler = string_at(*status, "spoiler_text");  // plain text, not HTML
  const auto content = html_to_text(string_at(*status, "content"));
  event.text = spoiler.empty() ? content : spoiler + "\n" + content;
  event.lang = facts->language;
  event.created_at = *created_at;
  event.url = string_at(*status, "url");
  if (event.url.empty()) event.url = string_at(*status, "uri");
  event.metadata["mastodon.status_id"] = status_id;
  event.metadata["mastodon.notification_id"] = string_at(notification, "id");
  event.metadata["mastodon.acct"] = facts->acct;
  event.metadata["mastodon.visibility"] = facts->visibility;
  if (!event.url.empty()) event.metadata["mastodon.permalink"] = event.url;
  if (!facts->language.empty()) event.metadata["mastodon.language"] = facts->language;
  if (!spoiler.empty()) event.metadata["mastodon.spoiler_text"] = spoiler;
  event.raw = notification.dump();
  read.event = std::move(event);
  read.facts = facts;
  return read;
}

}  // namespace parley::mastodon
