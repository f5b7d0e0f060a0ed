// One line of the replay format (JSONL) -> parley::Event, or a precise reason
// why not. The format is documented in this plugin's README.md.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include <parley/event.hpp>

namespace parley::replay {

/// Values for the optional fields a line leaves out.
struct EventDefaults {
  std::string platform = "replay";
  std::string account = "demo-brand";
  /// Reads only what classifiers use (`parley classify`): `id` (a string or
  /// an integer), `text` and an optional `author`; every other field is
  /// ignored, whatever it holds.
  bool text_only = false;
};

/// Either `event` is set, or `error` says what is wrong with the line
/// (e.g. "missing required field 'id'", "field 'kind' must be one of ...").
struct ParsedEventLine {
  std::optional<Event> event;
  std::string error;
  std::string id;  ///< the line's id once read, also when a later field is wrong (to name the line)
};

/// True for a line the readers skip: blank, or a comment (first non-blank '#').
bool is_blank_or_comment(std::string_view line);

/// Parses one JSON object. `line` must not be blank or a comment (the reader
/// skips those). On success `event.raw` holds `line` unchanged.
/// Thread-safe (no shared state).
ParsedEventLine parse_event_line(std::string_view line, const EventDefaults& defaults);

}  // namespace parley::replay
