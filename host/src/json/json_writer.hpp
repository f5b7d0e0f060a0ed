// JsonWriter: appends JSON text directly to a string. The audit record and
// the outbox actions of every event are written with it: building an
// nlohmann::json tree first (a map node and an allocation per field) was a
// fifth of the host's cost per event (docs/performance.md). Readers still
// parse with nlohmann.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace parley::host {

/// Appends `text` as a JSON string literal. Invalid UTF-8 becomes U+FFFD, as
/// nlohmann's dump with error_handler_t::replace does; nothing is dropped.
void append_json_string(std::string& out, std::string_view text);

class JsonWriter {
 public:
  JsonWriter& begin_object();
  JsonWriter& end_object();
  JsonWriter& begin_array();
  JsonWriter& end_array();
  /// The next member's name; a value (or begin_*) must follow.
  JsonWriter& key(std::string_view name);
  JsonWriter& value(std::string_view text);
  JsonWriter& value(const char* text) { return value(std::string_view(text)); }
  JsonWriter& value(const std::string& text) { return value(std::string_view(text)); }
  JsonWriter& value(std::int64_t number);
  /// Shortest text that reads back as the same double; always with a '.' or
  /// exponent, so readers see a float. NaN and infinities: null.
  JsonWriter& value(double number);
  JsonWriter& value(bool flag);
  /// A value that is already JSON text (e.g. a stored record).
  JsonWriter& raw(std::string_view json);

  template <typename Value>
  JsonWriter& field(std::string_view name, const Value& field_value) {
    return key(name).value(field_value);
  }

  const std::string& text() const { return out_; }
  std::string take() { return std::move(out_); }

 private:
  /// A comma before every element of a container but its first.
  void before_value();

  std::string out_;
  std::vector<bool> has_elements_;  // per open container
  bool after_key_ = false;
};

}  // namespace parley::host
