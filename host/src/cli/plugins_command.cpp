// parley plugins [--json] [--describe NAME]
#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/cli.hpp"
#include "cli/pipeline_setup.hpp"
#include "config/nearest_key.hpp"
#include "plugins/descriptor_check.hpp"

namespace parley::host {

namespace po = boost::program_options;

namespace {

nlohmann::json field_json(const ConfigField& field);

nlohmann::json config_value_json(const ConfigValue& value) {
  if (value.is_bool()) return value.as_bool();
  if (value.is_integer()) return value.as_integer();
  if (value.is_number()) return value.as_number();
  if (value.is_string()) return value.as_string();
  if (value.is_list()) {
    auto list = nlohmann::json::array();
    for (const auto& item : value.as_list()) list.push_back(config_value_json(item));
    return list;
  }
  if (value.is_map()) {
    auto map = nlohmann::json::object();
    for (const auto& [key, item] : value.as_map()) map[key] = config_value_json(item);
    return map;
  }
  return nullptr;
}

nlohmann::json field_json(const ConfigField& field) {
  nlohmann::json json = {{"name", field.name},
                         {"type", to_string(field.type)},
                         {"description", field.description},
                         {"required", field.required}};
  if (field.default_value && !field.secret) json["default"] = config_value_json(*field.default_value);
  if (field.minimum) json["minimum"] = *field.minimum;
  if (field.maximum) json["maximum"] = *field.maximum;
  if (!field.choices.empty()) json["choices"] = field.choices;
  if (field.secret) json["secret"] = true;
  if (!field.fields.empty()) {
    auto nested = nlohmann::json::array();
    for (const auto& child : field.fields) nested.push_back(field_json(child));
    json[field.type == FieldType::object ? "fields" : "items"] = nested;
  }
  return json;
}

nlohmann::json plugin_json(const LoadedPlugin& plugin) {
  const auto& descriptor = *plugin.descriptor;
  auto schema = nlohmann::json::array();
  for (const auto& field : plugin.schema) schema.push_back(field_json(field));
  return {{"name", descriptor.name},
          {"kind", to_string(descriptor.kind)},
          {"version", descriptor.version},
          {"summary", descriptor.summary},
          {"api", api_version_text(descriptor.api_major, descriptor.api_minor)},
          {"file", plugin.origin},
          {"config_schema", schema}};
}

void print_field(const ConfigField& field, int depth) {
  std::cout << std::string(4 + 2 * depth, ' ') << (field.name.empty() ? "(items)" : field.name) << " ("
            << to_string(field.type) << (field.required ? ", required" : "") << ")";
  if (!field.description.empty()) std::cout << ": " << field.description;
  std::cout << "\n";
  for (const auto& child : field.fields) print_field(child, depth + 1);
}

}  // namespace

int plugins_command(const std::vector<std::string>& arguments) {
  CommonOptions common;
  bool json = false;
  std::string describe;
  po::options_description options("parley plugins options");
  options.add_options()("json", po::bool_switch(&json), "machine-readable output")(
      "describe", po::value(&describe), "show one plugin with its config schema");
  add_common_options(options, common);
  if (auto exit = parse_command_line(arguments, "parley plugins [--json] [--describe NAME]", options, {}, common)) {
    return *exit;
  }

  const auto registry = discover_plugins(common, {});
  std::vector<const LoadedPlugin*> shown;
  for (const auto& plugin : registry.plugins()) {
    if (describe.empty() || describe == plugin->name()) shown.push_back(plugin.get());
  }
  if (!describe.empty() && shown.empty()) {
    const auto suggestion = nearest(describe, registry.names());
    std::cerr << "parley: no plugin named '" << describe << "'"
              << (suggestion.empty() ? "" : "; did you mean '" + suggestion + "'?") << "\n";
    return kExitBadUsage;
  }
  if (json) {
    nlohmann::json out = {{"plugins", nlohmann::json::array()}, {"refused", nlohmann::json::array()}};
    for (const auto* plugin : shown) out["plugins"].push_back(plugin_json(*plugin));
    for (const auto& problem : registry.problems()) {
      out["refused"].push_back({{"file", problem.origin}, {"reason", problem.reason}});
    }
    std::cout << out.dump(2) << "\n";
    return kExitOk;
  }
  for (const auto* plugin : shown) {
    const auto& descriptor = *plugin->descriptor;
    std::cout << descriptor.name << "  (" << to_string(descriptor.kind) << " " << descriptor.version << ", API "
              << descriptor.api_major << "." << descriptor.api_minor << ")\n    " << descriptor.summary << "\n    "
              << plugin->origin << "\n";
    if (!describe.empty()) {
      std::cout << "  config:\n";
      for (const auto& field : plugin->schema) print_field(field, 0);
    }
  }
  if (describe.empty()) {
    for (const auto& problem : registry.problems()) {
      std::cout << "refused: " << problem.origin << "\n    " << problem.reason << "\n";
    }
  }
  return kExitOk;
}

}  // namespace parley::host
