// Which connector carries out an action (the pipeline's `routes:`, or the
// connector the event came from), and what a routed action tells the
// connector that never saw the event. docs/adr/0011-action-routes.md
#pragma once

#include <cstddef>
#include <parley/action.hpp>
#include <parley/event.hpp>
#include <string>
#include <string_view>

#include "config/pipeline_config.hpp"

namespace parley::host {

/// Params the host adds to a routed action: "parley.event.text", ...
inline constexpr std::string_view kSourceEventPrefix = "parley.event.";
/// parley.event.text keeps this many characters of the event's text.
inline constexpr std::size_t kSourceEventTextChars = 500;

/// The kind whose route decides where `action` goes: a fallback goes where
/// the kind it replaces goes (it is that connector's fallback).
ActionKind routed_kind(const Action& action);

/// The id of the connector that carries out `action` for an event of
/// `event_connector_id`: the route of its kind, or the event's own connector.
const std::string& carrier_of(const PipelineConfig& config, const Action& action,
                              const std::string& event_connector_id);

/// Sets the parley.event.* params of a routed action from its source event:
/// connector, id, text (first 500 characters), author_id, author_name, and
/// when known permalink (Event::url, else metadata "permalink"), email
/// (metadata "author.email") and message_id (metadata "message_id").
/// Replaces any a responder set.
void add_source_event_params(Action& action, const Event& event, const std::string& event_connector_id);

/// Removes parley.event.* params: only the host sets them.
void drop_source_event_params(Action& action);

/// The first `max_chars` UTF-8 characters of `text` (never half a character).
std::string first_characters(std::string_view text, std::size_t max_chars);

}  // namespace parley::host
