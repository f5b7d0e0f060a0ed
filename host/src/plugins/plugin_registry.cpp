#include "plugins/plugin_registry.hpp"

#include <algorithm>
#include <boost/dll/runtime_symbol_info.hpp>
#include <cstdlib>
#include <exception>

#include "plugins/descriptor_check.hpp"

namespace parley::host {

namespace fs = std::filesystem;

namespace {
constexpr const char* kDescriptorAlias = "parley_plugin";
}

void PluginRegistry::scan(const std::vector<fs::path>& folders) {
  for (const auto& folder : folders) {
    std::error_code error;
    const auto canonical = fs::weakly_canonical(folder, error);
    if (std::find(scanned_.begin(), scanned_.end(), canonical) != scanned_.end()) continue;
    scanned_.push_back(canonical);
    if (!fs::is_directory(folder, error)) continue;
    std::vector<fs::path> libraries;
    for (const auto& entry : fs::directory_iterator(folder, error)) {
      if (entry.is_regular_file() && entry.path().extension() == ".so") libraries.push_back(entry.path());
    }
    std::sort(libraries.begin(), libraries.end());  // deterministic precedence
    for (const auto& library : libraries) load_library(library);
  }
}

bool PluginRegistry::load_library(const fs::path& file) {
  const auto origin = file.string();
  std::shared_ptr<boost::dll::shared_library> library;
  try {
    // RTLD_LOCAL: plugins do not see each other's symbols. RTLD_NOW: missing
    // symbols are reported here, not in the middle of a run.
    library = std::make_shared<boost::dll::shared_library>(
        file, boost::dll::load_mode::rtld_local | boost::dll::load_mode::rtld_now);
  } catch (const std::exception& error) {
    problems_.push_back({origin, std::string("cannot load library: ") + error.what()});
    return false;
  }
  if (!library->has(kDescriptorAlias)) {
    problems_.push_back({origin, "not a Parley plugin: it exports no 'parley_plugin' symbol"});
    return false;
  }
  const PluginDescriptor* descriptor = nullptr;
  try {
    auto& describe = library->get_alias<const PluginDescriptor*()>(kDescriptorAlias);
    descriptor = describe();
  } catch (const std::exception& error) {
    problems_.push_back({origin, std::string("its 'parley_plugin' function failed: ") + error.what()});
    return false;
  }
  return accept(descriptor, origin, std::move(library));
}

bool PluginRegistry::register_descriptor(const PluginDescriptor* descriptor, const std::string& origin) {
  return accept(descriptor, origin, nullptr);
}

bool PluginRegistry::accept(const PluginDescriptor* descriptor, const std::string& origin,
                            std::shared_ptr<boost::dll::shared_library> library) {
  if (auto reason = refusal_reason(descriptor)) {
    problems_.push_back({origin, *reason});
    return false;
  }
  if (const auto* existing = find(descriptor->name)) {
    problems_.push_back({origin, std::string("plugin '") + descriptor->name + "' is shadowed by " + existing->origin +
                                     " (earlier on the search path)"});
    return false;
  }
  auto plugin = std::make_shared<LoadedPlugin>();
  plugin->descriptor = descriptor;
  plugin->origin = origin;
  plugin->library = std::move(library);
  try {
    plugin->schema = descriptor->config_schema();
  } catch (const std::exception& error) {
    problems_.push_back({origin, std::string("its config_schema() threw: ") + error.what()});
    return false;
  }
  plugins_.push_back(std::move(plugin));
  return true;
}

const LoadedPlugin* PluginRegistry::find(const std::string& name) const {
  for (const auto& plugin : plugins_) {
    if (name == plugin->name()) return plugin.get();
  }
  return nullptr;
}

std::vector<std::string> PluginRegistry::names() const {
  std::vector<std::string> result;
  for (const auto& plugin : plugins_) result.emplace_back(plugin->name());
  return result;
}

std::vector<fs::path> plugin_search_path(const std::vector<std::string>& command_line,
                                         const std::vector<std::string>& pipeline) {
  std::vector<fs::path> folders(command_line.begin(), command_line.end());
  if (const char* env = std::getenv("PARLEY_PLUGIN_PATH")) {
    std::string list = env;
    std::size_t start = 0;
    while (start <= list.size()) {
      const auto end = std::min(list.find(':', start), list.size());
      if (end > start) folders.emplace_back(list.substr(start, end - start));
      start = end + 1;
    }
  }
  folders.insert(folders.end(), pipeline.begin(), pipeline.end());
  folders.push_back(boost::dll::program_location().parent_path() / PARLEY_PLUGIN_RELATIVE_DIR);
  return folders;
}

}  // namespace parley::host
