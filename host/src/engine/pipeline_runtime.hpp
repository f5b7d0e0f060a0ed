// PipelineRuntime: one pipeline's created plugin instances and guard.
// Several runtimes in one process share nothing but loaded libraries and the
// HTTP rate limiters (one registry per process: a platform's limits are per
// account, whichever brand's pipeline calls it).
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "config/pipeline_config.hpp"
#include "config/secrets.hpp"
#include "engine/connector_capabilities.hpp"
#include "engine/engine_clock.hpp"
#include "engine/policy_guard.hpp"
#include "net/rate_limiter.hpp"
#include "plugins/plugin_instances.hpp"
#include "plugins/plugin_registry.hpp"
#include "plugins/plugin_state_buffer.hpp"
#include "store/store_slot.hpp"

namespace parley::host {

/// Which instances build_runtime creates. `without_connectors`: for commands
/// that supply events themselves and execute nothing (`parley test`), so a
/// platform connector needs neither its network nor its input files.
/// `connectors_only`: what executing recorded actions needs (`parley approvals`).
enum class RuntimeParts { everything, classifiers_only, without_connectors, connectors_only };

struct PipelineRuntime {
  PipelineConfig config;
  std::vector<PluginInstance<Connector>> connectors;
  std::vector<PluginInstance<Classifier>> classifiers;
  std::vector<PluginInstance<Responder>> responders;
  PolicyGuard guard;
  std::shared_ptr<const SecretRegistry> secrets;  ///< to redact plugin messages; may be null
  /// The engine clock plugins read (PluginContext::now_ms); the Engine starts and moves it.
  std::shared_ptr<EngineClock> clock = std::make_shared<EngineClock>(config.engine.clock);
  /// By connector id: what each created connector can do, asked once.
  std::map<std::string, ConnectorCapabilities> capabilities = {};

  /// nullptr when the connector was not created (e.g. `parley test`).
  const ConnectorCapabilities* capabilities_of(const std::string& connector_id) const {
    const auto found = capabilities.find(connector_id);
    return found == capabilities.end() ? nullptr : &found->second;
  }
  /// The store checkpoints are read from (PluginContext::load_checkpoint); the Engine binds it.
  std::shared_ptr<StoreSlot> store = std::make_shared<StoreSlot>();
  /// What plugins save with PluginContext::save_state, read from and committed to `store`.
  std::shared_ptr<PluginStateBuffer> plugin_state = std::make_shared<PluginStateBuffer>(store);
  /// The HTTP client plugins get (PluginContext::http), with the pipeline's `http:` settings.
  std::shared_ptr<HttpClient> http = nullptr;
};

/// Creates the instances. Throws ConfigurationError listing every problem.
/// `rate_limits`: the process's registry, shared with the other pipelines
/// (the `http.rate_limits` of this one are added to it); null = a registry
/// of this pipeline's own.
PipelineRuntime build_runtime(const PipelineConfig& config, const PluginRegistry& registry, bool dry_run,
                              std::shared_ptr<const SecretRegistry> secrets,
                              RuntimeParts parts = RuntimeParts::everything,
                              std::shared_ptr<RateLimiterRegistry> rate_limits = nullptr);

}  // namespace parley::host
