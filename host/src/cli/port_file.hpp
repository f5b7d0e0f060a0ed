// --listen-port-file: where `parley run` and `parley console` tell tools and
// tests the port they listen on (useful with port 0).
#pragma once

#include <cstdint>
#include <string>

namespace parley::host {

/// Writes `port` to `path` whole, then renames it into place, so a reader
/// never sees half a number.
void write_port_file(const std::string& path, std::uint16_t port);

}  // namespace parley::host
