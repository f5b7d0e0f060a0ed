// The descriptor of the plugin a test executable is linked with (its
// PARLEY_PLUGIN in src/plugin.cpp), read in-process through the same exported
// alias the host loads, so a test checks the registration users get.
#pragma once

#include <cstdint>

#include <parley/plugin.hpp>

extern "C" const void* parley_plugin;

namespace parley::test {

inline const PluginDescriptor& linked_plugin_descriptor() {
  using Describe = const PluginDescriptor* (*)();
  return *reinterpret_cast<Describe>(reinterpret_cast<std::intptr_t>(parley_plugin))();
}

}  // namespace parley::test
