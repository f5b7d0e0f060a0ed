#include "event_line.hpp"

#include <cstdint>
#include <limits>
#include <nlohmann/json.hpp>
#include <utility>

#include "utc_time.hpp"

namespace parley::replay {
namespace {

using nlohmann::json;

/// Thrown inside this file only: a line that is not a valid event.
struct LineError {
  std::string message;
};

[[noreturn]] void fail(std::string message) { throw LineError{std::move(message)}; }

std::string describe_type(const json& value) {
  if (value.is_number_integer()) return "integer";
  if (value.is_number_float()) return "number";
  return value.type_name();
}

/// `object[key]` or nullptr when absent or null (null means "not given").
const json* optional_field(const json& object, const char* key) {
  const auto it = object.find(key);
  if (it == object.end() || it->is_null()) return nullptr;
  return &*it;
}

std::string read_string(const json& value, const std::string& path) {
  if (!value.is_string()) fail("field '" + path + "' must be a string, got " + describe_type(value));
  return value.get<std::string>();
}

std::string required_string(const json& object, const char* key, const std::string& path) {
  const auto it = object.find(key);
  if (it == object.end()) fail("missing required field '" + path + "'");
  auto value = read_string(*it, path);
  if (value.empty()) fail("field '" + path + "' must not be empty");
  return value;
}

std::string optional_string(const json& object, const char* key, std::string fallback) {
  const json* value = optional_field(object, key);
  return value ? read_string(*value, key) : std::move(fallback);
}

Author read_author(const json& object, bool required) {
  const auto it = object.find("author");
  if (it == object.end()) {
    if (required) fail("missing required field 'author'");
    return {};
  }
  Author author;
  if (it->is_string()) {
    author.id = it->get<std::string>();
    if (author.id.empty()) fail("field 'author' must not be empty");
    return author;
  }
  if (!it->is_object()) {
    fail("field 'author' must be an object or a string (the author id), got " + describe_type(*it));
  }
  author.id = required_string(*it, "id", "author.id");
  if (const json* handle = optional_field(*it, "handle")) author.handle = read_string(*handle, "author.handle");
  if (const json* name = optional_field(*it, "display_name")) {
    author.display_name = read_string(*name, "author.display_name");
  }
  if (const json* is_brand = optional_field(*it, "is_brand")) {
    if (!is_brand->is_boolean()) {
      fail("field 'author.is_brand' must be a boolean, got " + describe_type(*is_brand));
    }
    author.is_brand = is_brand->get<bool>();
  }
  return author;
}

/// `id` as a string, or an integer's digits (classifier test sets number their lines).
std::string read_id(const json& object) {
  const auto it = object.find("id");
  if (it != object.end() && it->is_number_integer()) return it->dump();
  return required_string(object, "id", "id");
}

EventKind read_kind(const json& object) {
  const json* value = optional_field(object, "kind");
  if (!value) return EventKind::comment;
  const auto name = read_string(*value, "kind");
  if (auto kind = event_kind_from_string(name)) return *kind;
  fail("field 'kind' must be one of comment, reply, mention, direct_message, review, timer, got '" + name + "'");
}

Visibility read_visibility(const json& object) {
  const json* value = optional_field(object, "visibility");
  if (!value) return Visibility::public_post;
  const auto name = read_string(*value, "visibility");
  if (name == "public") return Visibility::public_post;
  if (name == "private") return Visibility::private_message;
  fail("field 'visibility' must be one of public, private, got '" + name + "'");
}

std::int64_t read_created_at(const json& object) {
  const json* value = optional_field(object, "created_at");
  if (!value) return 0;
  const std::string expected =
      "field 'created_at' must be an ISO-8601 time with a zone (e.g. \"2026-11-02T09:15:00Z\") or integer "
      "epoch milliseconds, got ";
  if (value->is_number_unsigned()) {
    const auto ms = value->get<std::uint64_t>();
    if (ms > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) {
      fail(expected + value->dump());
    }
    return static_cast<std::int64_t>(ms);
  }
  if (value->is_number_integer()) return value->get<std::int64_t>();
  if (value->is_string()) {
    const auto& text = value->get_ref<const std::string&>();
    if (auto ms = parse_utc_timestamp(text)) return *ms;
    fail(expected + "'" + text + "'");
  }
  fail(expected + describe_type(*value) + " " + value->dump());
}

std::map<std::string, std::string> read_metadata(const json& object) {
  std::map<std::string, std::string> metadata;
  const json* value = optional_field(object, "metadata");
  if (!value) return metadata;
  if (!value->is_object()) fail("field 'metadata' must be an object, got " + describe_type(*value));
  for (const auto& [key, item] : value->items()) {
    // Strings as they are; anything else as its JSON text (42, true, null, [1,2]).
    metadata.emplace(key, item.is_string() ? item.get<std::string>() : item.dump());
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
std::string describe_parse_error(const json::parse_error& error) {
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
  json object;
  try {
    object = json::parse(line);
  } catch (const json::parse_error& error) {
    result.error = describe_parse_error(error);
    return result;
  }
  try {
    if (!object.is_object()) fail("expected a JSON object, got " + describe_type(object));
    Event event;
    event.id = defaults.text_only ? read_id(object) : required_string(object, "id", "id");
    result.id = event.id;
    event.author = read_author(object, !defaults.text_only);
    {
      const auto it = object.find("text");
      if (it == object.end()) fail("missing required field 'text'");
      event.text = read_string(*it, "text");
    }
    if (defaults.text_only) {
      event.platform = defaults.platform;
      result.event = std::move(event);
      return result;
    }
    event.platform = optional_string(object, "platform", defaults.platform);
    event.account = optional_string(object, "account", defaults.account);
    event.kind = read_kind(object);
    event.thread_id = optional_string(object, "thread_id", event.id);
    event.parent_id = optional_string(object, "parent_id", "");
    event.lang = optional_string(object, "lang", "");
    event.created_at = read_created_at(object);
    event.url = optional_string(object, "url", "");
    event.visibility = read_visibility(object);
    event.metadata = read_metadata(object);
    event.raw = std::string(line);
    result.event = std::move(event);
  } catch (const LineError& error) {
    result.error = error.message;
  }
  return result;
}

}  // namespace parley::replay
