#include "config/schema_validator.hpp"

#include <charconv>
#include <cmath>
#include <optional>

#include "config/key_path.hpp"
#include "config/nearest_key.hpp"

namespace parley::host {
namespace {

// Long values are cut in messages: the user needs to recognise them, not reread them.
constexpr std::size_t kMaxQuotedLength = 60;

std::string format_number(double number) {
  char buffer[64];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, number);
  return std::string(buffer, result.ptr);
}

std::string quote(std::string_view text) {
  if (text.size() <= kMaxQuotedLength) return "'" + std::string(text) + "'";
  // Do not cut a UTF-8 character in half (continuation bytes are 10xxxxxx).
  std::size_t cut = kMaxQuotedLength;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return "'" + std::string(text.substr(0, cut)) + "...'";
}

std::string quoted_list(const std::vector<std::string>& items) {
  std::string text;
  for (const auto& item : items) {
    if (!text.empty()) text += ", ";
    text += "'" + item + "'";
  }
  return text;
}

std::string range_text(const ConfigField& field) {
  if (field.minimum && field.maximum) {
    return "between " + format_number(*field.minimum) + " and " + format_number(*field.maximum);
  }
  if (field.minimum) return ">= " + format_number(*field.minimum);
  if (field.maximum) return "<= " + format_number(*field.maximum);
  return "";
}

std::string count_text(const ConfigField& field) {
  const auto entries = [](double count) { return format_number(count) + (count == 1 ? " entry" : " entries"); };
  if (field.minimum && field.maximum) {
    return "with " + format_number(*field.minimum) + " to " + entries(*field.maximum);
  }
  if (field.minimum) return "with at least " + entries(*field.minimum);
  if (field.maximum) return "with at most " + entries(*field.maximum);
  return "";
}

std::string with_suffix(std::string text, const std::string& suffix) {
  return suffix.empty() ? text : text + " " + suffix;
}

/// The type alone ("an integer", "a list"), for wrong-type messages.
std::string describe_expected_type(const ConfigField& field) {
  switch (field.type) {
    case FieldType::string: return "a string";
    case FieldType::integer: return "an integer";
    case FieldType::number: return "a number";
    case FieldType::boolean: return "true or false";
    case FieldType::list: return "a list";
    case FieldType::map:
    case FieldType::object: return "a map";
    case FieldType::any: return "any value";
  }
  return "any value";
}

/// Which values an absent field gets: its default, or for an optional object
/// without required fields, an object of its own defaults.
bool object_fillable(const ConfigField& field) {
  if (field.type != FieldType::object) return false;
  for (const auto& child : field.fields) {
    if (child.required) return false;
  }
  return true;
}

class Validator {
 public:
  explicit Validator(Diagnostics& errors) : errors_(errors) {}

  /// Validates the fields of an object (a map with fixed keys).
  ConfigValue object(const ConfigValue& input, const std::vector<ConfigField>& fields, const std::string& path) {
    if (!input.is_null() && !input.is_map()) {
      error(input, path, "expected a map, found " + describe_found(input, false));
      return input;
    }
    ConfigValue::Map result;
    if (input.is_map()) {
      for (const auto& [name, value] : input.as_map()) {
        const ConfigField* field = find_field(fields, name);
        const std::string key = child_key_path(path, name);
        if (field == nullptr) {
          unknown_key(value, key, name, fields);
          continue;
        }
        if (value.is_null() && field->type != FieldType::any) continue;  // `key:` = absent, see below
        result.emplace_back(name, this->value(value, *field, key));
      }
    }
    // Absent fields: required ones are errors, the others get their defaults.
    // Written fields keep the file's order; defaults follow in schema order.
    for (const auto& field : fields) {
      if (has_key(result, field.name)) continue;
      const ConfigValue* written = input.find(field.name);  // only null ones are left
      const std::string key = child_key_path(path, field.name);
      if (field.required) {
        const std::string& where = written ? written->location() : input.location();
        errors_.push_back(
            {where, key, written ? "missing value" : "missing required key", describe_expected(field), ""});
      } else if (field.default_value) {
        ConfigValue filled = *field.default_value;
        if (written) filled.set_location(written->location());
        result.emplace_back(field.name, std::move(filled));
      } else if (object_fillable(field)) {
        ConfigValue empty;
        if (written) empty.set_location(written->location());
        result.emplace_back(field.name, object(empty, field.fields, key));
      }
    }
    ConfigValue validated(std::move(result));
    validated.set_location(input.location());
    return validated;
  }

 private:
  ConfigValue value(const ConfigValue& input, const ConfigField& field, const std::string& path) {
    switch (field.type) {
      case FieldType::string:
        if (!input.is_string()) return wrong_type(input, field, path);
        check_choice(input, field, path);
        return input;
      case FieldType::integer:
        if (!input.is_integer()) return wrong_type(input, field, path);
        check_range(input, input.as_number(), field, path);
        return input;
      case FieldType::number:
        if (!input.is_number()) return wrong_type(input, field, path);
        check_range(input, input.as_number(), field, path);
        return input;
      case FieldType::boolean:
        if (!input.is_bool()) return wrong_type(input, field, path);
        return input;
      case FieldType::list: return list(input, field, path);
      case FieldType::map: return map(input, field, path);
      case FieldType::object: return object(input, field.fields, path);
      case FieldType::any: return input;
    }
    return input;
  }

  ConfigValue list(const ConfigValue& input, const ConfigField& field, const std::string& path) {
    if (!input.is_list()) return wrong_type(input, field, path);
    check_count(input, input.as_list().size(), field, path);
    if (field.fields.empty()) return input;  // items not described: any
    ConfigValue::List items;
    std::size_t index = 0;
    for (const auto& item : input.as_list()) {
      items.push_back(value_or_missing(item, field.fields.front(), item_key_path(path, index++)));
    }
    ConfigValue result(std::move(items));
    result.set_location(input.location());
    return result;
  }

  ConfigValue map(const ConfigValue& input, const ConfigField& field, const std::string& path) {
    if (!input.is_map()) return wrong_type(input, field, path);
    check_count(input, input.as_map().size(), field, path);
    if (field.fields.empty()) return input;
    ConfigValue::Map entries;
    for (const auto& [name, item] : input.as_map()) {
      entries.emplace_back(name, value_or_missing(item, field.fields.front(), child_key_path(path, name)));
    }
    ConfigValue result(std::move(entries));
    result.set_location(input.location());
    return result;
  }

  /// A null item inside a list or map (`- ` with nothing) cannot be "absent".
  ConfigValue value_or_missing(const ConfigValue& input, const ConfigField& field, const std::string& path) {
    if (input.is_null() && field.type == FieldType::object) return object(input, field.fields, path);
    return value(input, field, path);
  }

  ConfigValue wrong_type(const ConfigValue& input, const ConfigField& field, const std::string& path) {
    error(input, path, "expected " + describe_expected_type(field) + ", found " + describe_found(input, field.secret));
    return input;
  }

  void check_choice(const ConfigValue& input, const ConfigField& field, const std::string& path) {
    if (field.choices.empty()) return;
    const std::string& text = input.as_string();
    for (const auto& choice : field.choices) {
      if (choice == text) return;
    }
    const std::string shown = field.secret ? "the value" : quote(text);
    errors_.push_back({input.location(), path, shown + " is not an allowed value",
                       "one of " + quoted_list(field.choices), field.secret ? "" : nearest(text, field.choices)});
  }

  void check_range(const ConfigValue& input, double number, const ConfigField& field, const std::string& path) {
    const bool too_small = field.minimum && number < *field.minimum;
    const bool too_large = field.maximum && number > *field.maximum;
    if (!too_small && !too_large && !std::isnan(number)) return;
    const std::string shown = field.secret         ? "the value"
                              : input.is_integer() ? std::to_string(input.as_integer())
                                                   : format_number(number);
    errors_.push_back({input.location(), path,
                       shown + " is " +
                           (too_small   ? "too small"
                            : too_large ? "too large"
                                        : "not a number"),
                       describe_expected(field), ""});
  }

  void check_count(const ConfigValue& input, std::size_t count, const ConfigField& field, const std::string& path) {
    const double size = static_cast<double>(count);
    const bool too_few = field.minimum && size < *field.minimum;
    const bool too_many = field.maximum && size > *field.maximum;
    if (!too_few && !too_many) return;
    errors_.push_back({input.location(), path,
                       std::string(too_few ? "too few" : "too many") + " entries (" + std::to_string(count) + ")",
                       describe_expected(field), ""});
  }

  void unknown_key(const ConfigValue& value, const std::string& path, const std::string& name,
                   const std::vector<ConfigField>& fields) {
    std::vector<std::string> names;
    for (const auto& field : fields) names.push_back(field.name);
    errors_.push_back({value.location(), path, "unknown key",
                       names.empty() ? "no keys here" : "one of " + quoted_list(names), nearest(name, names)});
  }

  void error(const ConfigValue& at, const std::string& path, std::string message) {
    errors_.push_back({at.location(), path, std::move(message), "", ""});
  }

  static const ConfigField* find_field(const std::vector<ConfigField>& fields, std::string_view name) {
    for (const auto& field : fields) {
      if (field.name == name) return &field;
    }
    return nullptr;
  }

  static bool has_key(const ConfigValue::Map& entries, std::string_view name) {
    for (const auto& entry : entries) {
      if (entry.first == name) return true;
    }
    return false;
  }

  Diagnostics& errors_;
};

}  // namespace

std::string describe_expected(const ConfigField& field) {
  switch (field.type) {
    case FieldType::string: return field.choices.empty() ? "a string" : "one of " + quoted_list(field.choices);
    case FieldType::integer: return with_suffix("an integer", range_text(field));
    case FieldType::number: return with_suffix("a number", range_text(field));
    case FieldType::list: return with_suffix("a list", count_text(field));
    case FieldType::map: return with_suffix("a map", count_text(field));
    default: return describe_expected_type(field);
  }
}

std::string describe_found(const ConfigValue& value, bool hide_value) {
  if (value.is_null()) return "nothing";
  if (value.is_bool())
    return hide_value ? "a boolean" : std::string("a boolean ") + (value.as_bool() ? "true" : "false");
  if (value.is_integer()) return hide_value ? "an integer" : "an integer " + std::to_string(value.as_integer());
  if (value.is_number()) return hide_value ? "a number" : "a number " + format_number(value.as_number());
  if (value.is_string()) return hide_value ? "a string" : "a string " + quote(value.as_string());
  if (value.is_list()) return "a list";
  return "a map";
}

Diagnostics validate_config(const ConfigValue& input, const ConfigSchema& schema, const std::string& key_prefix,
                            ConfigValue& validated) {
  Diagnostics errors;
  validated = Validator(errors).object(input, schema, key_prefix);
  return errors;
}

}  // namespace parley::host
