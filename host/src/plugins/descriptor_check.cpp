#include "plugins/descriptor_check.hpp"

#include <cstddef>
#include <cstring>

namespace parley::host {

std::string api_version_text(unsigned major, unsigned minor) {
  return std::to_string(major) + "." + std::to_string(minor);
}

namespace {
bool blank(const char* text) { return text == nullptr || *text == '\0'; }

std::optional<std::string> missing(const char* member) {
  return std::string("required member '") + member + "' is not set";
}
}  // namespace

std::optional<std::string> refusal_reason(const PluginDescriptor* descriptor) {
  if (descriptor == nullptr) return "the exported 'parley_plugin' function returned no descriptor";
  // Read nothing beyond what the plugin's build of the struct has.
  constexpr std::size_t required_size =
      offsetof(PluginDescriptor, create_responder) + sizeof(descriptor->create_responder);
  if (descriptor->size < offsetof(PluginDescriptor, api_minor) + sizeof(descriptor->api_minor)) {
    return "descriptor is too small (" + std::to_string(descriptor->size) + " bytes) to be a Parley plugin";
  }
  const auto plugin_api = api_version_text(descriptor->api_major, descriptor->api_minor);
  const auto host_api = api_version_text(PARLEY_API_MAJOR, PARLEY_API_MINOR);
  if (descriptor->api_major != PARLEY_API_MAJOR) {
    return "API major versions disagree: plugin built for API " + plugin_api + ", host has API " + host_api;
  }
  if (descriptor->api_minor > PARLEY_API_MINOR) {
    return "plugin needs a newer API: plugin built for API " + plugin_api + ", host has API " + host_api;
  }
  if (descriptor->size < required_size) {
    return "descriptor is too small (" + std::to_string(descriptor->size) + " bytes, API " + host_api + " needs " +
           std::to_string(required_size) + ")";
  }
  if (blank(descriptor->build_fingerprint)) return missing("build_fingerprint");
  if (std::strcmp(descriptor->build_fingerprint, PARLEY_BUILD_FINGERPRINT) != 0) {
    return std::string("build fingerprints differ: plugin '") + descriptor->build_fingerprint + "', host '" +
           PARLEY_BUILD_FINGERPRINT + "' (rebuild the plugin with the host's compiler and Boost)";
  }
  switch (descriptor->kind) {
    case PluginKind::connector:
    case PluginKind::classifier:
    case PluginKind::responder: break;
    default: return "unknown plugin kind " + std::to_string(static_cast<unsigned>(descriptor->kind));
  }
  if (blank(descriptor->name)) return missing("name");
  if (blank(descriptor->version)) return missing("version");
  if (blank(descriptor->summary)) return missing("summary");
  if (descriptor->config_schema == nullptr) return missing("config_schema");
  if (descriptor->kind == PluginKind::connector && descriptor->create_connector == nullptr) {
    return missing("create_connector");
  }
  if (descriptor->kind == PluginKind::classifier && descriptor->create_classifier == nullptr) {
    return missing("create_classifier");
  }
  if (descriptor->kind == PluginKind::responder && descriptor->create_responder == nullptr) {
    return missing("create_responder");
  }
  return std::nullopt;
}

}  // namespace parley::host
