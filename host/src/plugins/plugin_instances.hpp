// Creating plugin instances from a pipeline's references: config checked
// against the plugin's schema first, then the factory called at the boundary.
#pragma once

#include <memory>
#include <parley/plugin.hpp>
#include <string>

#include "config/diagnostic.hpp"
#include "config/pipeline_config.hpp"
#include "plugins/host_plugin_context.hpp"
#include "plugins/plugin_registry.hpp"

namespace parley::host {

/// One created plugin. The object's deleter holds the plugin's library and
/// its context, so neither goes away while the object lives.
template <typename Interface>
struct PluginInstance {
  std::string id;      ///< instance id in the pipeline
  std::string plugin;  ///< plugin name
  std::shared_ptr<Interface> object;
  unsigned api_minor = 0;  ///< of the plugin's build: members added later are not called on older plugins
};

struct InstanceOptions {
  std::string pipeline;
  std::filesystem::path base_dir;
  bool dry_run = false;
  std::shared_ptr<const SecretRegistry> secrets;
  std::shared_ptr<const EngineClock> clock;                   ///< what now_ms() reads; null = the system clock
  std::shared_ptr<const StoreSlot> store = nullptr;           ///< what load_checkpoint() reads; null = no checkpoints
  std::shared_ptr<HttpClient> http = nullptr;                 ///< what http() returns; null = none (http() throws)
  std::shared_ptr<PluginStateBuffer> plugin_state = nullptr;  ///< what load_state() reads; null = no state
  std::string time_zone = "UTC";                              ///< what time_zone() answers: the pipeline's `timezone`
};

/// Finds `ref.plugin` in the registry, checks it is of the expected kind and
/// validates `ref.config` against its schema. On success `validated` holds the
/// config with defaults filled in and the returned list is empty.
Diagnostics check_plugin_reference(const PluginRegistry& registry, const PluginRef& ref, PluginKind expected_kind,
                                   const std::string& section, ConfigValue& validated);

/// Creates the instances; throws ConfigurationError listing every problem.
template <typename Interface>
PluginInstance<Interface> create_instance(const PluginRegistry& registry, const PluginRef& ref,
                                          const std::string& section, const InstanceOptions& options);

struct ConfigurationError : std::runtime_error {
  explicit ConfigurationError(Diagnostics found);
  Diagnostics diagnostics;
};

/// True for a connector the host routes webhooks to: built for API 1.3 or
/// later (older builds lack the member) and saying it receives them.
bool receives_webhooks(const PluginInstance<Connector>& connector);

}  // namespace parley::host
