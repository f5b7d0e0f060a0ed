// A PluginDescriptor for a plugin class compiled into a test, so engine
// tests can register in-process plugins without a shared library.
#pragma once

#include <parley/plugin.hpp>
#include <type_traits>

namespace parley::test {

inline ConfigSchema no_fields() { return {}; }

template <typename Interface, typename Implementation>
PluginDescriptor descriptor_for(PluginKind kind, const char* name) {
  PluginDescriptor descriptor{sizeof(PluginDescriptor),
                              PARLEY_API_MAJOR,
                              PARLEY_API_MINOR,
                              PARLEY_BUILD_FINGERPRINT,
                              kind,
                              name,
                              "1.0.0",
                              "test",
                              &no_fields,
                              nullptr,
                              nullptr,
                              nullptr};
  if constexpr (std::is_same_v<Interface, Connector>)
    descriptor.create_connector = &parley::detail::create<Connector, Implementation>;
  if constexpr (std::is_same_v<Interface, Classifier>)
    descriptor.create_classifier = &parley::detail::create<Classifier, Implementation>;
  if constexpr (std::is_same_v<Interface, Responder>)
    descriptor.create_responder = &parley::detail::create<Responder, Implementation>;
  return descriptor;
}

}  // namespace parley::test
