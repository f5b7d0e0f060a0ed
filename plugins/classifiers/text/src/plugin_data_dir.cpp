#include "plugin_data_dir.hpp"

#include <boost/dll/runtime_symbol_info.hpp>

namespace parley::text {

std::filesystem::path plugin_data_dir() {
  // this_line_location() is the .so (or test executable) this code is in.
  const std::filesystem::path library = boost::dll::this_line_location();
  return (library.parent_path() / ".." / ".." / ".." / "share" / "parley").lexically_normal();
}

}  // namespace parley::text
