// Event: one thing that happened on a platform (a comment, a mention, a
// direct message, ...) or a timer the host scheduled.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace parley {

enum class EventKind { comment, reply, mention, direct_message, review, timer };

enum class Visibility { public_post, private_message };

struct Author {
  std::string id;            ///< platform-unique author id; required
  std::string handle;        ///< @handle, may be empty
  std::string display_name;  ///< name to address the person by, may be empty
  bool is_brand = false;     ///< true when the brand's own account wrote it
};

struct Event {
  std::string id;        ///< platform-unique event id; required
  std::string platform;  ///< e.g. "facebook", "replay"
  std::string account;   ///< the brand's page or handle the event belongs to
  EventKind kind = EventKind::comment;
  std::string thread_id;  ///< conversation/post the event belongs to
  std::string parent_id;  ///< event this one answers, may be empty
  Author author;
  std::string text;
  std::string lang;             ///< ISO 639-1 if the platform knows it, else empty
  std::int64_t created_at = 0;  ///< milliseconds since the Unix epoch, UTC
  std::string url;
  Visibility visibility = Visibility::public_post;
  std::map<std::string, std::string> metadata;  ///< platform extras (e.g. customer tier)
  std::string raw;                              ///< the event as the platform sent it (JSON), may be empty
};

inline constexpr std::string_view to_string(EventKind kind) {
  switch (kind) {
    case EventKind::comment: return "comment";
    case EventKind::reply: return "reply";
    case EventKind::mention: return "mention";
    case EventKind::direct_message: return "direct_message";
    case EventKind::review: return "review";
    case EventKind::timer: return "timer";
  }
  return "comment";
}

inline std::optional<EventKind> event_kind_from_string(std::string_view name) {
  for (auto kind : {EventKind::comment, EventKind::reply, EventKind::mention, EventKind::direct_message,
                    EventKind::review, EventKind::timer}) {
    if (to_string(kind) == name) return kind;
  }
  return std::nullopt;
}

inline constexpr std::string_view to_string(Visibility visibility) {
  return visibility == Visibility::public_post ? "public" : "private";
}

}  // namespace parley
