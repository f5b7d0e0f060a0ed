#include "plugin_data_dir.hpp"

#include <boost/dll/runtime_symbol_info.hpp>
#include <system_error>

namespace parley::text {

std::filesystem::path plugin_data_dir() {
  // this_line_location() is the .so (or executable) this code is linked into;
  // an executable started by a relative path gives a relative one.
  std::error_code error;
  const std::filesystem::path binary_dir =
      std::filesystem::absolute(boost::dll::this_line_location().parent_path().string(), error);
  const auto from_plugin = (binary_dir / ".." / ".." / ".." / "share" / "parley").lexically_normal();
  // Test executables and fuzzers link the plugin's code too; they live in bin/.
  const auto from_executable = (binary_dir / ".." / "share" / "parley").lexically_normal();
  if (!std::filesystem::is_directory(from_plugin, error) && std::filesystem::is_directory(from_executable, error)) {
    return from_executable;
  }
  return from_plugin;
}

}  // namespace parley::text
