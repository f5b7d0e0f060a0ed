// Reads YAML into a parley::ConfigValue tree. Every value remembers where it
// was written ("file:line:col", 1-based) so later checks can point at it;
// YAML mistakes become Diagnostics, never exceptions.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include "config/diagnostic.hpp"
#include "parley/config.hpp"

namespace parley::host {

struct YamlDocument {
  ConfigValue root;    ///< null for an empty document; best effort when `errors` is not empty
  Diagnostics errors;  ///< syntax errors (then `root` is null), duplicate keys, ...
};

/// Loads the first document of `file`. Locations name the file as given.
/// A missing or unreadable file is a Diagnostic too.
///
/// A scalar or flow collection is located where it starts; an empty value or
/// a block list/map written under a key is located at its key (yaml-cpp would
/// point at the following line).
YamlDocument load_yaml_file(const std::filesystem::path& file);

/// Same, from text already in memory; `source_name` stands for the file in locations.
///
/// Scalars: plain `true`/`false` are booleans, plain numbers are integers or
/// numbers, plain `~`/`null`/nothing is null, everything else is a string.
/// Quoted or explicitly tagged scalars ("5", '5', !!str 5) always stay strings.
YamlDocument load_yaml_string(std::string_view text, const std::string& source_name);

}  // namespace parley::host
