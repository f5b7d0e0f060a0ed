// Key paths name a value inside a config tree the way a user would point at
// it: "policy.ban.after_warnings", "rules[2].then". Diagnostics use them.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace parley::host {

/// "parent.key", or just "key" at the top level.
inline std::string child_key_path(std::string_view parent, std::string_view key) {
  if (parent.empty()) return std::string(key);
  std::string path(parent);
  path += '.';
  path += key;
  return path;
}

/// "parent[index]" (0-based, as in most programming languages).
inline std::string item_key_path(std::string_view parent, std::size_t index) {
  std::string path(parent);
  path += '[';
  path += std::to_string(index);
  path += ']';
  return path;
}

}  // namespace parley::host
