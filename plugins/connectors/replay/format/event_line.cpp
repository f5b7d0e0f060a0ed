#include "event_line.hpp"

#include <simdjson.h>

#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <utility>

#include "utc_time.hpp"

// Lines are parsed with simdjson's DOM (a parser per thread that reuses its
// buffers): nlohmann's tree cost a quarter of the host's time per event
// (docs/performance.md). nlohmann still explains a line simdjson refuses,
// with the column of the mistake.

namespace parley::replay {
namespace {

using simdjson::dom::element;
using simdjson::dom::element_type;
using simdjson::dom::object;

/// Thrown inside this file only: a line that is not a valid event.
struct LineError {
  std::string message;
};

[[noreturn]] void fail(std::string message) { throw LineError{std::move(message)}; }

std::string describe_type(element value) {
  switch (value.type()) {
    case element_type::ARRAY: return "array";
    case element_type::OBJECT: return "object";
    case element_type::INT64:
    case element_type::UINT64: return "integer";
    case element_type::DOUBLE: return "number";
    case element_type::STRING: return "string";
    case element_type::BOOL: return "boolean";
    case element_type::NULL_VALUE: break;
  }
  return "null";
}

/// `object[key]`, if present (null included).
std::optional<element> field(object parent, std::string_view key) {
  element value;
  if (parent.at_key(key).get(value) != simdjson::SUCCESS) return std::nullopt;
  return value;
}

/// `object[key]`, or nothing when absent or null (null means "not given").
std::optional<element> optional_field(object parent, std::string_view key) {
  auto value = field(parent, key);
  if (value && value->is_null()) return std::nullopt;
  return value;
}

std::string read_string(element value, const std::string& path) {
  std::string_view text;
  if (value.get_string().get(text) != simdjson::SUCCESS) {
    fail("field '" + path + "' must be a string, got " + describe_type(value));
  }
  return std::string(text);
}

std::string nonempty_string(element value, const std::string& path) {
  auto text = read_string(value, path);
  if (text.empty()) fail("field '" + path + "' must not be empty");
  return text;
}

std::string required_string(object parent, std::string_view key, const std::string& path) {
  const auto value = field(parent, key);
  if (!value) fail("missing required field '" + path + "'");
  return nonempty_string(*value, path);
}

std::string optional_string(object parent, std::string_view key, std::string fallback) {
  const auto value = optional_field(parent, key);
  return value ? read_string(*value, std::string(key)) : std::move(fallback);
}

Author read_author(object parent, bool required) {
  const auto value = field(parent, "author");
  if (!value) {
    if (required) fail("missing required field 'author'");
    return {};
  }
  Author author;
  if (value->is_string()) {
    author.id = nonempty_string(*value, "author");
    return author;
  }
  object fields;
  if (value->get_object().get(fields) != simdjson::SUCCESS) {
    fail("field 'author' must be an object or a string (the author id), got " + describe_type(*value));
  }
  author.id = required_string(fields, "id", "author.id");
  if (const auto handle = optional_field(fields, "handle")) author.handle = read_string(*handle, "author.handle");
  if (const auto name = optional_field(fields, "display_name")) {
    author.display_name = read_string(*name, "author.display_name");
  }
  if (const auto is_brand = optional_field(fields, "is_brand")) {
    if (is_brand->get_bool().get(author.is_brand) != simdjson::SUCCESS) {
      fail("field 'author.is_brand' must be a boolean, got " + describe_type(*is_brand));
    }
  }
  return author;
}

/// `id` as a string, or an integer's digits (classifier test sets number their lines).
std::string read_id(object parent) {
  const auto value = field(parent, "id");
  if (!value) fail("missing required field 'id'");
  if (value->type() == element_type::INT64) return std::to_string(std::int64_t(*value));
  if (value->type() == element_type::UINT64) return std::to_string(std::uint64_t(*value));
  return nonempty_string(*value, "id");
}

EventKind read_kind(object parent) {
  const auto value = optional_field(parent, "kind");
  if (!value) return EventKind::comment;
  const auto name = read_string(*value, "kind");
  if (auto kind = event_kind_from_string(name)) return *kind;
  fail("field 'kind' must be one of comment, reply, mention, direct_message, review, timer, got '" + name + "'");
}

Visibility read_visibility(object parent) {
  const auto value = optional_field(parent, "visibility");
  if (!value) return Visibility::public_post;
  const auto name = read_string(*value, "visibility");
  if (name == "public") return Visibility::public_post;
  if (name == "private") return Visibility::private_message;
  fail("field 'visibility' must be one of public, private, got '" + name + "'");
}

std::int64_t read_created_at(object parent) {
  const auto value = optional_field(parent, "created_at");
  if (!value) return 0;
  const std::string expected =
      "field 'created_at' must be an ISO-8601 time with a zone (e.g. \"2026-11-02T09:15:00Z\") or integer "
      "epoch milliseconds, got ";
  switch (value->type()) {
    case element_type::INT64: return std::int64_t(*value);
    case element_type::UINT64: fail(expected + simdjson::minify(*value));  // above the int64 range
    case element_type::STRING: {
      const auto text = read_string(*value, "created_at");
      if (auto ms = parse_utc_timestamp(text)) return *ms;
      fail(expected + "'" + text + "'");
    }
    default: fail(expected + describe_type(*value) + " " + simdjson::minify(*value));
  }
}

std::map<std::string, std::string> read_metadata(object parent) {
  std::map<std::string, std::string> metadata;
  const auto value = optional_field(parent, "metadata");
  if (!value) return metadata;
  object fields;
  if (value->get_object().get(fields) != simdjson::SUCCESS) {
    fail("field 'metadata' must be an object, got " + describe_type(*value));
  }
  for (const auto [key, item] : fields) {
    // Strings as they are; anything else as its JSON text (42, true, null, [1,2]).
    std::string_view text;
    metadata.emplace(key,
                     item.get_string().get(text) == simdjson::SUCCESS ? std::string(text) : simdjson::minify(item));
  }
  return metadata;
}

/// Length of the valid UTF-8 sequence at `pos`, or 0 when it is not one.
std::size_t utf8_sequence_length(std::string_view text, std::size_t pos) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
  const unsigned char lead = byte(pos);
  if (lead < 0x80) return 1;
  std::size_t length = 0;
  unsigned char low = 0x80, high = 0xBF;  // allowed range of the second byte
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    if (lead == 0xE0) low = 0xA0;
    if (lead == 0xED) high = 0x9F;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    if (lead == 0xF0) low = 0x90;
    if (lead == 0xF4) high = 0x8F;
  } else {
    return 0;
  }
  if (pos + length > text.size()) return 0;
  if (byte(pos + 1) < low || byte(pos + 1) > high) return 0;
  for (std::size_t i = 2; i < length; ++i) {
    if ((byte(pos + i) & 0xC0) != 0x80) return 0;
  }
  return length;
}

/// `text` with every invalid UTF-8 byte replaced by U+FFFD, so that an error
/// message quoting a bad line stays valid text for logs and the audit store.
std::string replace_invalid_utf8(std::string_view text) {
  std::string result;
  result.reserve(text.size());
  for (std::size_t pos = 0; pos < text.size();) {
    if (const auto length = utf8_sequence_length(text, pos)) {
      result.append(text.substr(pos, length));
      pos += length;
    } else {
      result += "\xEF\xBF\xBD";
      ++pos;
    }
  }
  return result;
}

/// nlohmann's message without its "[json.exception.parse_error.101] parse
/// error at line 1, " prefix: the line number is ours to give, in `where`.
std::string describe_parse_error(const nlohmann::json::parse_error& error) {
  std::string message = error.what();
  if (const auto bracket = message.find("] ");
      message.rfind("[json.exception", 0) == 0 && bracket != std::string::npos) {
    message.erase(0, bracket + 2);
  }
  constexpr std::string_view line_prefix = "parse error at line 1, ";
  if (message.rfind(line_prefix, 0) == 0) message.erase(0, line_prefix.size());
  return "invalid JSON: " + replace_invalid_utf8(message);
}

}  // namespace

bool is_blank_or_comment(std::string_view line) {
  const auto first = line.find_first_not_of(" \t");
  return first == std::string_view::npos || line[first] == '#';
}

ParsedEventLine parse_event_line(std::string_view line, const EventDefaults& defaults) {
  ParsedEventLine result;
  thread_local simdjson::dom::parser parser;
  element root;
  if (const auto error = parser.parse(line.data(), line.size()).get(root); error != simdjson::SUCCESS) {
    try {
      [[maybe_unused]] const auto reread = nlohmann::json::parse(line);
      // Valid JSON simdjson cannot hold, e.g. an integer beyond 64 bits.
      result.error = std::string("invalid JSON: ") + simdjson::error_message(error);
    } catch (const nlohmann::json::parse_error& parse_error) {
      result.error = describe_parse_error(parse_error);
    }
    return result;
  }
  try {
    object fields;
    if (root.get_object().get(fields) != simdjson::SUCCESS) {
      fail("expected a JSON object, got " + describe_type(root));
    }
    Event event;
    event.id = defaults.text_only ? read_id(fields) : required_string(fields, "id", "id");
    result.id = event.id;
    event.author = read_author(fields, !defaults.text_only);
    {
      const auto text = field(fields, "text");
      if (!text) fail("missing required field 'text'");
      event.text = read_string(*text, "text");
    }
    if (defaults.text_only) {
      event.platform = defaults.platform;
      result.event = std::move(event);
      return result;
    }
    event.platform = optional_string(fields, "platform", defaults.platform);
    event.account = optional_string(fields, "account", defaults.account);
    event.kind = read_kind(fields);
    event.thread_id = optional_string(fields, "thread_id", event.id);
    event.parent_id = optional_string(fields, "parent_id", "");
    event.lang = optional_string(fields, "lang", "");
    event.created_at = read_created_at(fields);
    event.url = optional_string(fields, "url", "");
    event.visibility = read_visibility(fields);
    event.metadata = read_metadata(fields);
    event.raw = std::string(line);
    result.event = std::move(event);
  } catch (const LineError& error) {
    result.error = error.message;
  }
  return result;
}

}  // namespace parley::replay
