// What the pipeline commands share: loading a pipeline file with its
// diagnostics, finding plugins, and where the pipeline keeps its state.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>

#include "cli/cli.hpp"
#include "config/pipeline_config.hpp"
#include "engine/pipeline_runtime.hpp"
#include "plugins/plugin_registry.hpp"

namespace parley::host {

struct LoadedPipeline {
  PipelineConfig config;
  std::shared_ptr<SecretRegistry> secrets;
};

/// Loads and validates the file's structure; prints every error (secrets
/// redacted) to stderr and returns nullopt when there is any.
std::optional<LoadedPipeline> load_pipeline_reporting(const std::string& file);

/// Scans the search path (see plugin_search_path) for plugins.
PluginRegistry discover_plugins(const CommonOptions& common, const std::vector<std::string>& pipeline_path);

/// Prints diagnostics to stderr, one per line, secrets redacted.
void print_diagnostics(const Diagnostics& diagnostics, const SecretRegistry& secrets);

/// Checks what the pipeline's responders may propose against what its
/// connectors can do (engine/capability_check.hpp); prints the errors and
/// warnings to stderr, and the notes too when `with_notes`. False when there
/// is an error: the pipeline is a configuration error.
bool report_capabilities(const PipelineRuntime& runtime, const SecretRegistry& secrets, bool with_notes);

/// The SQLite file for a pipeline: --state DIR gives DIR/<client>.db; else the
/// pipeline's `store: sqlite:PATH` (relative to the pipeline file); else
/// state/<client>.db in the current folder.
std::filesystem::path state_file(const PipelineConfig& config, const std::optional<std::string>& state_dir);

/// The state database a command reads after `parley run` wrote it; never
/// created here (a wrong --state would show an empty store). When there is
/// none, says why on stderr and `exit_code` is what to return.
struct ExistingState {
  std::filesystem::path file;
  int exit_code = kExitOk;
};
ExistingState existing_state_file(const LoadedPipeline& loaded, const std::optional<std::string>& state_dir);

}  // namespace parley::host
