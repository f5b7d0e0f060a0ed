// The checks a plugin descriptor must pass before the host uses it.
#pragma once

#include <optional>
#include <parley/plugin.hpp>
#include <string>

namespace parley::host {

/// Why `descriptor` is refused, or nullopt when it is acceptable. Checks, in
/// this order: present, size, API major, API minor, build fingerprint, kind,
/// required members. Fail closed: any doubt is a refusal.
std::optional<std::string> refusal_reason(const PluginDescriptor* descriptor);

/// "1.0" style version text.
std::string api_version_text(unsigned major, unsigned minor);

}  // namespace parley::host
