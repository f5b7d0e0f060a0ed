#include "plugins/plugin_instances.hpp"

#include <exception>

#include "config/nearest_key.hpp"
#include "config/schema_validator.hpp"

namespace parley::host {

namespace {
std::string summarize(const Diagnostics& found) {
  std::string text;
  for (const auto& diagnostic : found) text += (text.empty() ? "" : "\n") + diagnostic.to_string();
  return text;
}

template <typename Interface>
struct KindOf;
template <>
struct KindOf<Connector> {
  static constexpr PluginKind value = PluginKind::connector;
  static auto factory(const PluginDescriptor& descriptor) { return descriptor.create_connector; }
};
template <>
struct KindOf<Classifier> {
  static constexpr PluginKind value = PluginKind::classifier;
  static auto factory(const PluginDescriptor& descriptor) { return descriptor.create_classifier; }
};
template <>
struct KindOf<Responder> {
  static constexpr PluginKind value = PluginKind::responder;
  static auto factory(const PluginDescriptor& descriptor) { return descriptor.create_responder; }
};
}  // namespace

ConfigurationError::ConfigurationError(Diagnostics found)
    : std::runtime_error(summarize(found)), diagnostics(std::move(found)) {}

Diagnostics check_plugin_reference(const PluginRegistry& registry, const PluginRef& ref, PluginKind expected_kind,
                                   const std::string& section, ConfigValue& validated) {
  const auto* plugin = registry.find(ref.plugin);
  if (plugin == nullptr) {
    // A library of that name that was refused says more than "unknown".
    for (const auto& problem : registry.problems()) {
      if (std::filesystem::path(problem.origin).filename() == "parley-" + ref.plugin + ".so") {
        return {{ref.location, section + ".plugin",
                 "plugin '" + ref.plugin + "' was found at " + problem.origin + " but refused: " + problem.reason, "",
                 ""}};
      }
    }
    std::vector<std::string> same_kind;
    for (const auto& candidate : registry.plugins()) {
      if (candidate->kind() == expected_kind) same_kind.emplace_back(candidate->name());
    }
    std::string known;
    for (const auto& name : same_kind) known += (known.empty() ? "" : ", ") + name;
    return {{ref.location, section + ".plugin", "unknown plugin '" + ref.plugin + "'",
             "a " + std::string(to_string(expected_kind)) + " plugin on the search path" +
                 (known.empty() ? std::string() : " (" + known + ")"),
             nearest(ref.plugin, same_kind)}};
  }
  if (plugin->kind() != expected_kind) {
    return {{ref.location, section + ".plugin",
             "plugin '" + ref.plugin + "' is a " + std::string(to_string(plugin->kind())),
             "a " + std::string(to_string(expected_kind)) + " plugin", ""}};
  }
  return validate_config(ref.config, plugin->schema, section + ".config", validated);
}

template <typename Interface>
PluginInstance<Interface> create_instance(const PluginRegistry& registry, const PluginRef& ref,
                                          const std::string& section, const InstanceOptions& options) {
  ConfigValue validated;
  auto problems = check_plugin_reference(registry, ref, KindOf<Interface>::value, section, validated);
  // A "found a string '...'" message may quote a substituted secret.
  if (options.secrets) redact_diagnostics(problems, *options.secrets);
  if (!problems.empty()) throw ConfigurationError(std::move(problems));
  const auto* plugin = registry.find(ref.plugin);
  auto context =
      std::make_shared<HostPluginContext>(options.pipeline, ref.id, options.base_dir, options.dry_run, options.secrets,
                                          options.clock, options.store, options.http, options.plugin_state);
  context->set_time_zone(options.time_zone);
  std::unique_ptr<Interface> created;
  try {
    created = KindOf<Interface>::factory(*plugin->descriptor)(validated, *context);
  } catch (const std::exception& error) {
    Diagnostics refused{
        {ref.location, section + ".config", "plugin '" + ref.plugin + "' refused its config: " + error.what(), "", ""}};
    if (options.secrets) redact_diagnostics(refused, *options.secrets);
    throw ConfigurationError(std::move(refused));
  } catch (...) {
    throw ConfigurationError(
        {{ref.location, section + ".config",
          "plugin '" + ref.plugin + "' failed while being created (not a std::exception)", "", ""}});
  }
  if (!created) {
    throw ConfigurationError({{ref.location, section, "plugin '" + ref.plugin + "' created no object", "", ""}});
  }
  // The deleter runs host code, destroys the object (its destructor is in the
  // library), then releases the context and, last, the library.
  auto library = plugin->library;
  std::shared_ptr<Interface> object(created.release(), [library, context](Interface* doomed) { delete doomed; });
  return {ref.id, ref.plugin, std::move(object), plugin->descriptor->api_minor};
}

template PluginInstance<Connector> create_instance(const PluginRegistry&, const PluginRef&, const std::string&,
                                                   const InstanceOptions&);
template PluginInstance<Classifier> create_instance(const PluginRegistry&, const PluginRef&, const std::string&,
                                                    const InstanceOptions&);
template PluginInstance<Responder> create_instance(const PluginRegistry&, const PluginRef&, const std::string&,
                                                   const InstanceOptions&);

bool receives_webhooks(const PluginInstance<Connector>& connector) {
  return connector.api_minor >= 3 && connector.object->receives_webhooks();
}

}  // namespace parley::host
