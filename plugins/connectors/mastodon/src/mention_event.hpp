// A Mastodon notification (a mention) -> parley::Event, and back from an
// event id to the status an action answers. Pure functions, no I/O.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>
#include <parley/event.hpp>

#include "mastodon_config.hpp"

namespace parley::mastodon {

/// What an action needs to know about the status it answers.
struct StatusFacts {
  std::string account_id;
  std::string acct;        ///< "user" (same instance) or "user@other.example"
  std::string language;    ///< ISO 639-1, empty when unknown
  std::string visibility;  ///< public | unlisted | private | direct
};

/// Facts of a Status JSON object; nullopt without `account.id` and `account.acct`.
std::optional<StatusFacts> status_facts(const nlohmann::json& status);

/// What one notification turned into.
struct ReadNotification {
  std::optional<Event> event;  ///< set: a mention to moderate
  std::string rejected;        ///< set: why it is not readable (the host dead-letters it)
  std::optional<StatusFacts> facts;
};

/// A `mention` (or `status`) notification -> Event:
/// id "mastodon:<status id>" (stable: the host drops repeats), kind
/// `direct_message` for a direct status (private visibility), else `mention`
/// (`comment` for a `status` notification); thread = in_reply_to_id or the
/// status itself; parent "mastodon:<in_reply_to_id>"; text = spoiler_text,
/// a line break, then the content as plain text. Other types and the
/// brand's own statuses give neither event nor rejection.
ReadNotification read_notification(const nlohmann::json& notification, const MastodonConfig& config);

/// "mastodon:<status id>"
std::string event_id_for_status(std::string_view status_id);

/// The status id an action on `event_id` targets ("mastodon:" removed; an id
/// without the prefix is taken as is).
std::string status_id_from_event_id(std::string_view event_id);

/// True when Mastodon id `a` is newer (greater) than `b`: ids are integers
/// in decimal (snowflakes), so compared by length, then by digits.
bool is_newer_id(std::string_view a, std::string_view b);

/// `object[key]` when it is a string, else "" (Mastodon leaves fields out or null).
std::string string_at(const nlohmann::json& object, const char* key);

}  // namespace parley::mastodon
