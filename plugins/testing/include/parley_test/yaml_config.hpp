// YAML -> ConfigValue for plugin tests, read the way the host reads a
// pipeline: plain scalars become bool (true/false), integer, number or
// string; quoted scalars stay strings.
#pragma once

#include <yaml-cpp/yaml.h>

#include <cstdint>
#include <exception>
#include <string>

#include <parley/config.hpp>

namespace parley::test {

inline ConfigValue to_config(const YAML::Node& node) {
  switch (node.Type()) {
    case YAML::NodeType::Null:
    case YAML::NodeType::Undefined: return {};
    case YAML::NodeType::Sequence: {
      ConfigValue::List list;
      for (const auto& item : node) list.push_back(to_config(item));
      return list;
    }
    case YAML::NodeType::Map: {
      ConfigValue::Map map;
      for (const auto& item : node) map.emplace_back(item.first.as<std::string>(), to_config(item.second));
      return map;
    }
    case YAML::NodeType::Scalar: break;
  }
  const std::string text = node.Scalar();
  if (node.Tag() != "!") {
    if (text == "true") return true;
    if (text == "false") return false;
    try {
      std::size_t used = 0;
      const long long integer = std::stoll(text, &used);
      if (used == text.size()) return static_cast<std::int64_t>(integer);
    } catch (const std::exception&) {
    }
    try {
      std::size_t used = 0;
      const double number = std::stod(text, &used);
      if (used == text.size()) return number;
    } catch (const std::exception&) {
    }
  }
  return text;
}

/// The config a YAML text describes, e.g. yaml_config("labels: [a, b]").
inline ConfigValue yaml_config(const std::string& yaml) { return to_config(YAML::Load(yaml)); }

}  // namespace parley::test
