// Test helper: a plugin config section written as JSON (compact and readable
// in a test) turned into the parley::ConfigValue the host would pass.
#pragma once

#include <nlohmann/json.hpp>
#include <string_view>

#include <parley/config.hpp>

namespace parley::testing {

inline ConfigValue to_config_value(const nlohmann::ordered_json& json) {
  switch (json.type()) {
    case nlohmann::ordered_json::value_t::boolean: return ConfigValue(json.get<bool>());
    case nlohmann::ordered_json::value_t::number_integer:
    case nlohmann::ordered_json::value_t::number_unsigned: return ConfigValue(json.get<std::int64_t>());
    case nlohmann::ordered_json::value_t::number_float: return ConfigValue(json.get<double>());
    case nlohmann::ordered_json::value_t::string: return ConfigValue(json.get<std::string>());
    case nlohmann::ordered_json::value_t::array: {
      ConfigValue::List list;
      for (const auto& item : json) list.push_back(to_config_value(item));
      return ConfigValue(std::move(list));
    }
    case nlohmann::ordered_json::value_t::object: {
      ConfigValue::Map map;
      for (const auto& [key, item] : json.items()) map.emplace_back(key, to_config_value(item));
      return ConfigValue(std::move(map));
    }
    default: return ConfigValue();
  }
}

inline ConfigValue config_from_json(std::string_view text) {
  return to_config_value(nlohmann::ordered_json::parse(text));
}

}  // namespace parley::testing
