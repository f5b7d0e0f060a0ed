#include "cli/pipeline_setup.hpp"

#include <iostream>
#include <stdexcept>

#include "engine/capability_check.hpp"

namespace parley::host {

namespace fs = std::filesystem;

void print_diagnostics(const Diagnostics& diagnostics, const SecretRegistry& secrets) {
  for (const auto& diagnostic : diagnostics) std::cerr << secrets.redact(diagnostic.to_string()) << "\n";
}

std::optional<LoadedPipeline> load_pipeline_reporting(const std::string& file) {
  auto secrets = std::make_shared<SecretRegistry>();
  auto loaded = load_pipeline(file, *secrets);
  if (!loaded.errors.empty() || !loaded.pipeline) {
    print_diagnostics(loaded.errors, *secrets);
    return std::nullopt;
  }
  return LoadedPipeline{std::move(*loaded.pipeline), std::move(secrets)};
}

PluginRegistry discover_plugins(const CommonOptions& common, const std::vector<std::string>& pipeline_path) {
  PluginRegistry registry;
  registry.scan(plugin_search_path(common.plugin_path, pipeline_path));
  return registry;
}

bool report_capabilities(const PipelineRuntime& runtime, const SecretRegistry& secrets, bool with_notes) {
  const auto report = check_capabilities(runtime);
  print_diagnostics(report.errors, secrets);
  for (const auto& warning : report.warnings) std::cerr << secrets.redact(warning_text(warning)) << "\n";
  if (with_notes) {
    for (const auto& note : report.notes) std::cerr << runtime.config.file << ": note: " << note << "\n";
  }
  return report.errors.empty();
}

fs::path state_file(const PipelineConfig& config, const std::optional<std::string>& state_dir) {
  if (state_dir) return fs::path(*state_dir) / (config.client + ".db");
  if (!config.store.empty()) {
    constexpr std::string_view prefix = "sqlite:";
    if (config.store.rfind(prefix, 0) != 0) {
      throw std::invalid_argument(config.file + ": store '" + config.store +
                                  "' is not supported; expected sqlite:PATH");
    }
    fs::path path = config.store.substr(prefix.size());
    return path.is_absolute() ? path : fs::path(config.dir) / path;
  }
  return fs::path("state") / (config.client + ".db");
}

ExistingState existing_state_file(const LoadedPipeline& loaded, const std::optional<std::string>& state_dir) {
  ExistingState state;
  try {
    state.file = state_file(loaded.config, state_dir);
  } catch (const std::invalid_argument& error) {
    std::cerr << "parley: " << loaded.secrets->redact(error.what()) << "\n";
    state.exit_code = kExitBadUsage;
    return state;
  }
  if (!fs::exists(state.file)) {
    std::cerr << "parley: no state database " << state.file.string() << " for client '" << loaded.config.client
              << "'; run the pipeline first, with the same --state as parley run\n";
    state.exit_code = kExitWorkFailed;
  }
  return state;
}

}  // namespace parley::host
