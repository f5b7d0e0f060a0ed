// Plugin configuration: the value tree a plugin receives and the schema it
// declares. The host checks a plugin's YAML section against the schema (types,
// ranges, allowed values, unknown keys) and fills in defaults before the
// plugin is created, so `create()` can trust what it reads.
#pragma once

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace parley {

/// A YAML value after validation: null, bool, integer, number, string, list or map.
/// Maps keep the order of the file.
class ConfigValue {
 public:
  using List = std::vector<ConfigValue>;
  using Map = std::vector<std::pair<std::string, ConfigValue>>;

  ConfigValue() = default;
  ConfigValue(bool value) : value_(value) {}
  ConfigValue(int value) : value_(std::int64_t{value}) {}
  ConfigValue(std::int64_t value) : value_(value) {}
  ConfigValue(double value) : value_(value) {}
  ConfigValue(const char* value) : value_(std::string(value)) {}
  ConfigValue(std::string value) : value_(std::move(value)) {}
  ConfigValue(List value) : value_(std::move(value)) {}
  ConfigValue(Map value) : value_(std::move(value)) {}

  bool is_null() const { return std::holds_alternative<std::monostate>(value_); }
  bool is_bool() const { return std::holds_alternative<bool>(value_); }
  bool is_integer() const { return std::holds_alternative<std::int64_t>(value_); }
  bool is_number() const { return is_integer() || std::holds_alternative<double>(value_); }
  bool is_string() const { return std::holds_alternative<std::string>(value_); }
  bool is_list() const { return std::holds_alternative<List>(value_); }
  bool is_map() const { return std::holds_alternative<Map>(value_); }

  /// Typed access; throws std::logic_error when the type differs (a schema
  /// that was validated makes that impossible for declared fields).
  bool as_bool() const { return get<bool>("a boolean"); }
  std::int64_t as_integer() const { return get<std::int64_t>("an integer"); }
  double as_number() const {
    if (is_integer()) return static_cast<double>(as_integer());
    return get<double>("a number");
  }
  const std::string& as_string() const { return get<std::string>("a string"); }
  const List& as_list() const { return get<List>("a list"); }
  const Map& as_map() const { return get<Map>("a map"); }

  /// The map entry `key`, or nullptr when this is not a map or has no such key.
  const ConfigValue* find(std::string_view key) const {
    if (!is_map()) return nullptr;
    for (const auto& [name, value] : as_map()) {
      if (name == key) return &value;
    }
    return nullptr;
  }

  /// The map entry `key`; throws std::out_of_range naming the key when absent.
  const ConfigValue& at(std::string_view key) const {
    if (const auto* value = find(key)) return *value;
    throw std::out_of_range("config has no key '" + std::string(key) + "'");
  }

  /// Convenience readers with a fallback for optional keys.
  std::string string_or(std::string_view key, std::string fallback) const {
    const auto* value = find(key);
    return value && value->is_string() ? value->as_string() : std::move(fallback);
  }
  std::int64_t integer_or(std::string_view key, std::int64_t fallback) const {
    const auto* value = find(key);
    return value && value->is_integer() ? value->as_integer() : fallback;
  }
  double number_or(std::string_view key, double fallback) const {
    const auto* value = find(key);
    return value && value->is_number() ? value->as_number() : fallback;
  }
  bool bool_or(std::string_view key, bool fallback) const {
    const auto* value = find(key);
    return value && value->is_bool() ? value->as_bool() : fallback;
  }

  /// Where the value was written, "file:line:col"; empty for defaults.
  const std::string& location() const { return location_; }
  void set_location(std::string location) { location_ = std::move(location); }

 private:
  template <typename T>
  const T& get(const char* expected) const {
    if (const auto* value = std::get_if<T>(&value_)) return *value;
    throw std::logic_error(std::string("config value is not ") + expected);
  }

  std::variant<std::monostate, bool, std::int64_t, double, std::string, List, Map> value_;
  std::string location_;
};

enum class FieldType {
  string,
  integer,
  number,  ///< integer or decimal
  boolean,
  list,    ///< items described by the field's single `items` element
  map,     ///< any keys; values described by the single `items` element
  object,  ///< fixed keys described by `fields`; unknown keys are refused
  any,     ///< not checked (use sparingly)
};

inline constexpr std::string_view to_string(FieldType type) {
  switch (type) {
    case FieldType::string: return "string";
    case FieldType::integer: return "integer";
    case FieldType::number: return "number";
    case FieldType::boolean: return "boolean";
    case FieldType::list: return "list";
    case FieldType::map: return "map";
    case FieldType::object: return "object";
    case FieldType::any: return "any";
  }
  return "any";
}

/// One field of a plugin's config schema. Build with the helpers below:
///   schema::string("input").describe("JSONL file, or - for stdin").defaults("-")
struct ConfigField {
  std::string name;
  FieldType type = FieldType::any;
  std::string description;
  bool required = false;
  std::optional<ConfigValue> default_value;
  std::optional<double> minimum;
  std::optional<double> maximum;
  std::vector<std::string> choices;  ///< allowed string values; empty = any
  std::vector<ConfigField> fields;   ///< object: its fields; list/map: one element, the items
  bool secret = false;               ///< never printed (tokens, passwords)

  ConfigField describe(std::string text) && {
    description = std::move(text);
    return std::move(*this);
  }
  ConfigField require() && {
    required = true;
    return std::move(*this);
  }
  ConfigField defaults(ConfigValue value) && {
    default_value = std::move(value);
    return std::move(*this);
  }
  ConfigField range(std::optional<double> low, std::optional<double> high) && {
    minimum = low;
    maximum = high;
    return std::move(*this);
  }
  ConfigField one_of(std::vector<std::string> allowed) && {
    choices = std::move(allowed);
    return std::move(*this);
  }
  ConfigField mark_secret() && {
    secret = true;
    return std::move(*this);
  }
};

/// A plugin's whole config section is an object with these fields.
using ConfigSchema = std::vector<ConfigField>;

namespace schema {

inline ConfigField field(std::string name, FieldType type) {
  ConfigField result;
  result.name = std::move(name);
  result.type = type;
  return result;
}
inline ConfigField string(std::string name = {}) { return field(std::move(name), FieldType::string); }
inline ConfigField integer(std::string name = {}) { return field(std::move(name), FieldType::integer); }
inline ConfigField number(std::string name = {}) { return field(std::move(name), FieldType::number); }
inline ConfigField boolean(std::string name = {}) { return field(std::move(name), FieldType::boolean); }
inline ConfigField any(std::string name = {}) { return field(std::move(name), FieldType::any); }
inline ConfigField list(std::string name, ConfigField items) {
  auto result = field(std::move(name), FieldType::list);
  result.fields.push_back(std::move(items));
  return result;
}
inline ConfigField map(std::string name, ConfigField values) {
  auto result = field(std::move(name), FieldType::map);
  result.fields.push_back(std::move(values));
  return result;
}
inline ConfigField object(std::string name, std::vector<ConfigField> fields) {
  auto result = field(std::move(name), FieldType::object);
  result.fields = std::move(fields);
  return result;
}

}  // namespace schema
}  // namespace parley
