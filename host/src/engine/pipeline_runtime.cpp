#include "engine/pipeline_runtime.hpp"

namespace parley::host {

namespace {
std::string section_name(const char* list, std::size_t index) {
  return std::string(list) + "[" + std::to_string(index) + "]";
}
const PluginRef* reference(const std::vector<PluginRef>& refs, const std::string& id) {
  for (const auto& ref : refs) {
    if (ref.id == id) return &ref;
  }
  return nullptr;
}

/// Asks the connector once what its platform can do; the host uses the
/// answer for every event (fallbacks, the guard, host-internal kinds).
void read_capabilities(PipelineRuntime& runtime, std::size_t index, Diagnostics& problems) {
  const auto& connector = runtime.connectors[index];
  const auto* ref = reference(runtime.config.connectors, connector.id);
  ConnectorCapabilities capabilities{
      connector.id, connector.plugin, {}, ref ? ref->fallbacks : std::vector<Fallback>{}};
  try {
    for (const auto kind : connector.object->supported_actions()) capabilities.supported.insert(kind);
  } catch (const std::exception& error) {
    problems.push_back({ref ? ref->location : runtime.config.file, section_name("connectors", index),
                        "plugin '" + connector.plugin + "' failed to list its supported actions: " + error.what(), "",
                        ""});
    return;
  }
  runtime.capabilities.emplace(connector.id, std::move(capabilities));
}
}  // namespace

PipelineRuntime build_runtime(const PipelineConfig& config, const PluginRegistry& registry, bool dry_run,
                              std::shared_ptr<const SecretRegistry> secrets, RuntimeParts parts) {
  PipelineRuntime runtime{config, {}, {}, {}, PolicyGuard(config.policy), secrets};
  const InstanceOptions options{config.client, config.dir, dry_run, std::move(secrets), runtime.clock, runtime.store};
  Diagnostics problems;
  auto create_all = [&](const std::vector<PluginRef>& refs, auto& instances, const char* list) {
    using Instance = typename std::decay_t<decltype(instances)>::value_type;
    using Interface = typename decltype(Instance::object)::element_type;
    for (std::size_t index = 0; index < refs.size(); ++index) {
      try {
        instances.push_back(create_instance<Interface>(registry, refs[index], section_name(list, index), options));
      } catch (const ConfigurationError& error) {
        problems.insert(problems.end(), error.diagnostics.begin(), error.diagnostics.end());
      }
    }
  };
  const bool with_connectors = parts == RuntimeParts::everything || parts == RuntimeParts::connectors_only;
  const bool with_responders = parts == RuntimeParts::everything || parts == RuntimeParts::without_connectors;
  if (parts != RuntimeParts::connectors_only) create_all(config.classifiers, runtime.classifiers, "classifiers");
  if (with_connectors) create_all(config.connectors, runtime.connectors, "connectors");
  if (with_responders) create_all(config.responders, runtime.responders, "responders");
  for (std::size_t index = 0; index < runtime.connectors.size(); ++index) {
    read_capabilities(runtime, index, problems);
  }
  if (!problems.empty()) throw ConfigurationError(std::move(problems));
  return runtime;
}

}  // namespace parley::host
