// PluginRegistry: finds plugin libraries on the search path, checks their
// descriptors and keeps the accepted ones loaded.
#pragma once

#include <boost/dll/shared_library.hpp>
#include <filesystem>
#include <memory>
#include <parley/plugin.hpp>
#include <string>
#include <vector>

namespace parley::host {

struct LoadedPlugin {
  const PluginDescriptor* descriptor = nullptr;
  std::string origin;  ///< library path, or "built-in:NAME" for in-process registrations
  /// Keeps the library mapped; every instance created from it holds a copy.
  std::shared_ptr<boost::dll::shared_library> library;
  ConfigSchema schema;  ///< the descriptor's config_schema(), read once

  const char* name() const { return descriptor->name; }
  PluginKind kind() const { return descriptor->kind; }
};

/// A library that was found but not accepted, and why.
struct PluginProblem {
  std::string origin;
  std::string reason;
};

class PluginRegistry {
 public:
  /// Loads every `*.so` in each folder, in order. The first plugin of a name
  /// wins; a later one of the same name is reported as shadowed.
  void scan(const std::vector<std::filesystem::path>& folders);

  /// Loads one library file. Returns false (and records a problem) when it is refused.
  bool load_library(const std::filesystem::path& file);

  /// Registers an in-process descriptor through the same checks (used by tests).
  bool register_descriptor(const PluginDescriptor* descriptor, const std::string& origin);

  /// The plugin of that name, or nullptr.
  const LoadedPlugin* find(const std::string& name) const;

  const std::vector<std::shared_ptr<LoadedPlugin>>& plugins() const { return plugins_; }
  const std::vector<PluginProblem>& problems() const { return problems_; }
  std::vector<std::string> names() const;

 private:
  bool accept(const PluginDescriptor* descriptor, const std::string& origin,
              std::shared_ptr<boost::dll::shared_library> library);

  std::vector<std::shared_ptr<LoadedPlugin>> plugins_;
  std::vector<PluginProblem> problems_;
  std::vector<std::filesystem::path> scanned_;
};

/// The folders to search, in priority order: command-line folders,
/// PARLEY_PLUGIN_PATH (colon-separated), the pipeline's plugin_path, then the
/// built-in folder next to the executable (../lib/parley/plugins).
std::vector<std::filesystem::path> plugin_search_path(const std::vector<std::string>& command_line,
                                                      const std::vector<std::string>& pipeline);

}  // namespace parley::host
