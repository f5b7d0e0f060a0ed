#include "engine/pipeline_runtime.hpp"

#include <spdlog/spdlog.h>

#include "net/curl_http_client.hpp"

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

/// The pipeline's client over the shared limiters, which learn its rules.
std::shared_ptr<HttpClient> make_http_client(const PipelineConfig& config,
                                             std::shared_ptr<RateLimiterRegistry> rate_limits) {
  if (!rate_limits) rate_limits = std::make_shared<RateLimiterRegistry>();
  for (const auto& ignored : rate_limits->configure(config.http.rate_limits)) {
    const auto kept = rate_limits->rule_for(ignored.key_prefix);
    spdlog::warn(
        "{}: http.rate_limits for key prefix '{}' ({}/s, burst {}) ignored: the process already limits it "
        "to {}/s, burst {}{} (limits are shared by every pipeline; the first one given wins)",
        ignored.location, ignored.key_prefix, ignored.per_second, ignored.burst, kept.per_second, kept.burst,
        kept.location.empty() ? std::string() : " at " + kept.location);
  }
  return std::make_shared<CurlHttpClient>(config.http, std::move(rate_limits));
}
}  // namespace

PipelineRuntime build_runtime(const PipelineConfig& config, const PluginRegistry& registry, bool dry_run,
                              std::shared_ptr<const SecretRegistry> secrets, RuntimeParts parts,
                              std::shared_ptr<RateLimiterRegistry> rate_limits) {
  PipelineRuntime runtime{config, {}, {}, {}, PolicyGuard(config.policy), secrets};
  runtime.http = make_http_client(config, std::move(rate_limits));
  const InstanceOptions options{config.client,      config.dir,           dry_run,
                                std::move(secrets), runtime.clock,        runtime.store,
                                runtime.http,       runtime.plugin_state, config.timezone};
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
