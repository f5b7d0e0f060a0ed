#include "cli/port_file.hpp"

#include <filesystem>
#include <fstream>

namespace parley::host {

void write_port_file(const std::string& path, std::uint16_t port) {
  const auto partial = path + ".partial";
  std::ofstream(partial) << port << "\n";
  std::filesystem::rename(partial, path);
}

}  // namespace parley::host
