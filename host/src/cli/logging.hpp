// Host logging: readable lines on stderr for a terminal, or one JSON object
// per line for services (--log-format json).
#pragma once

#include <string>

namespace parley::host {

/// Throws std::invalid_argument on an unknown level.
void configure_logging(const std::string& format, const std::string& level);

}  // namespace parley::host
