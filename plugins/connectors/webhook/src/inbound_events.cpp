#include "inbound_events.hpp"

#include <charconv>
#include <nlohmann/json.hpp>

namespace parley::webhook {

namespace {

using nlohmann::json;

constexpr std::size_t kMaxRawBytes = 4096;

std::optional<int> digits(std::string_view text, std::size_t at, std::size_t count) {
  if (at + count > text.size()) return std::nullopt;
  int value = 0;
  const auto* first = text.data() + at;
  const auto [last, error] = std::from_chars(first, first + count, value);
  if (error != std::errc() || last != first + count) return std::nullopt;
  return value;
}

/// Days since 1970-01-01 of a civil date (Howard Hinnant's algorithm).
std::int64_t days_from_civil(std::int64_t year, unsigned month, unsigned day) {
  year -= month <= 2;
  const std::int64_t era = (year >= 0 ? year : year - 399) / 400;
  const auto year_of_era = static_cast<unsigned>(year - era * 400);
  const unsigned day_of_year = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  const unsigned day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
  return era * 146097 + static_cast<std::int64_t>(day_of_era) - 719468;
}

std::string string_field(const json& object, const char* key) {
  const auto found = object.find(key);
  return found != object.end() && found->is_string() ? found->get<std::string>() : std::string();
}

/// An id may be sent as a string or an integer.
std::string id_field(const json& object, const char* key) {
  const auto found = object.find(key);
  if (found == object.end()) return {};
  if (found->is_string()) return found->get<std::string>();
  if (found->is_number_integer()) return std::to_string(found->get<long long>());
  return {};
}

class DeliveryReader {
 public:
  DeliveryReader(const InboundConfig& config, std::string_view where) : config_(config), where_(where) {}

  InboundDelivery read(std::string_view body) {
    json document;
    try {
      document = json::parse(body);
    } catch (const json::exception& error) {
      result_.malformed = std::string("invalid JSON: ") + error.what();
      return std::move(result_);
    }
    if (!document.is_object()) {
      result_.malformed = "expected a JSON object (one event, or {\"events\": [...]})";
      return std::move(result_);
    }
    const auto events = document.find("events");
    if (events == document.end()) {
      read_event(document, "");
      return std::move(result_);
    }
    if (!events->is_array()) {
      result_.malformed = "'events' must be an array";
      return std::move(result_);
    }
    for (std::size_t i = 0; i < events->size(); ++i) read_event((*events)[i], "events[" + std::to_string(i) + "]");
    return std::move(result_);
  }

 private:
  void read_event(const json& object, const std::string& at) {
    if (!object.is_object()) return reject(at, "an event must be an object", object);
    Event event;
    event.id = id_field(object, "id");
    if (event.id.empty()) return reject(at, "missing required field 'id' (the platform's id of the event)", object);
    event.platform = config_.platform;
    event.account = config_.account;
    event.text = string_field(object, "text");
    event.thread_id = id_field(object, "thread_id");
    event.parent_id = id_field(object, "parent_id");
    event.url = string_field(object, "url");
    event.lang = string_field(object, "lang");
    if (const auto author = object.find("author"); author != object.end() && author->is_object()) {
      event.author.id = id_field(*author, "id");
      event.author.display_name = string_field(*author, "name");
      event.author.handle = string_field(*author, "handle");
    }
    if (event.author.id.empty()) return reject(at, "missing required field 'author.id'", object);
    if (object.contains("kind")) {
      const auto kind = event_kind_from_string(string_field(object, "kind"));
      if (!kind || *kind == EventKind::timer) {
        return reject(at, "field 'kind' must be one of comment, reply, mention, direct_message, review", object);
      }
      event.kind = *kind;
    }
    event.visibility = event.kind == EventKind::direct_message ? Visibility::private_message : Visibility::public_post;
    if (const auto created = object.find("created_at"); created != object.end()) {
      if (created->is_number_integer()) {
        event.created_at = created->get<std::int64_t>() * 1000;
      } else if (const auto parsed =
                     created->is_string() ? parse_rfc3339_ms(created->get<std::string>()) : std::nullopt) {
        event.created_at = *parsed;
      } else {
        return reject(at, "field 'created_at' must be RFC 3339 or Unix seconds", object);
      }
    }
    if (const auto metadata = object.find("metadata"); metadata != object.end()) {
      if (!metadata->is_object()) return reject(at, "field 'metadata' must be an object of strings", object);
      for (const auto& [key, value] : metadata->items()) {
        if (!value.is_string()) return reject(at, "metadata '" + key + "' must be a string", object);
        event.metadata[key] = value.get<std::string>();
      }
    }
    event.raw = object.dump(-1, ' ', false, json::error_handler_t::replace);
    result_.events.push_back(std::move(event));
  }

  void reject(const std::string& at, std::string error, const json& raw) {
    RejectedInput rejected;
    rejected.where = at.empty() ? std::string(where_) : std::string(where_) + " " + at;
    rejected.error = std::move(error);
    rejected.raw = raw.dump(-1, ' ', false, json::error_handler_t::replace).substr(0, kMaxRawBytes);
    result_.rejected.push_back(std::move(rejected));
  }

  const InboundConfig& config_;
  std::string_view where_;
  InboundDelivery result_;
};

}  // namespace

InboundDelivery parse_delivery(std::string_view body, const InboundConfig& config, std::string_view where) {
  return DeliveryReader(config, where).read(body);
}

std::optional<std::int64_t> parse_rfc3339_ms(std::string_view text) {
  // YYYY-MM-DDTHH:MM:SS[.fraction](Z|+HH:MM|-HH:MM)
  if (text.size() < 20 || text[4] != '-' || text[7] != '-' || (text[10] != 'T' && text[10] != 't') || text[13] != ':' ||
      text[16] != ':') {
    return std::nullopt;
  }
  const auto year = digits(text, 0, 4), month = digits(text, 5, 2), day = digits(text, 8, 2);
  const auto hour = digits(text, 11, 2), minute = digits(text, 14, 2), second = digits(text, 17, 2);
  if (!year || !month || !day || !hour || !minute || !second) return std::nullopt;
  if (*month < 1 || *month > 12 || *day < 1 || *day > 31 || *hour > 23 || *minute > 59 || *second > 60) {
    return std::nullopt;
  }
  std::size_t at = 19;
  std::int64_t millis = 0;
  if (at < text.size() && text[at] == '.') {
    std::size_t count = 0;
    for (++at; at < text.size() && text[at] >= '0' && text[at] <= '9'; ++at, ++count) {
      if (count < 3) millis = millis * 10 + (text[at] - '0');
    }
    if (count == 0) return std::nullopt;
    for (; count < 3; ++count) millis *= 10;
  }
  std::int64_t offset_s = 0;
  const auto zone = text.substr(at);
  if (zone == "Z" || zone == "z") {
    offset_s = 0;
  } else if (zone.size() == 6 && (zone[0] == '+' || zone[0] == '-') && zone[3] == ':') {
    const auto zone_hours = digits(zone, 1, 2), zone_minutes = digits(zone, 4, 2);
    if (!zone_hours || !zone_minutes || *zone_hours > 23 || *zone_minutes > 59) return std::nullopt;
    offset_s = (*zone_hours * 3600 + *zone_minutes * 60) * (zone[0] == '-' ? -1 : 1);
  } else {
    return std::nullopt;
  }
  const auto days = days_from_civil(*year, static_cast<unsigned>(*month), static_cast<unsigned>(*day));
  const std::int64_t seconds = days * 86400 + *hour * 3600 + *minute * 60 + *second - offset_s;
  return seconds * 1000 + millis;
}

}  // namespace parley::webhook
