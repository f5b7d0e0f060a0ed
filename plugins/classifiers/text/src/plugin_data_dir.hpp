// Where a built-in plugin's installed data files live (models too large to
// compile in). Plugins sit in <prefix>/lib/parley/plugins/ and data in
// <prefix>/share/parley/; the build tree mirrors that layout.
#pragma once

#include <filesystem>

namespace parley::text {

/// <prefix>/share/parley for the plugin library this function is linked into
/// (lib/parley/plugins/ -> ../../../share/parley). For an executable in bin/
/// that links a plugin's code (its tests, a fuzzer), ../share/parley when
/// only that one exists.
std::filesystem::path plugin_data_dir();

}  // namespace parley::text
