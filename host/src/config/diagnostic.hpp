// Diagnostic: one configuration error, as the user sees it.
#pragma once

#include <string>
#include <vector>

namespace parley::host {

struct Diagnostic {
  std::string location;    ///< "file:line:col" (or just "file" when no position is known)
  std::string key;         ///< dotted path of the offending key, e.g. "policy.ban.after_warnings"
  std::string message;     ///< what is wrong, e.g. "unknown key"
  std::string expected;    ///< what would be valid, e.g. "an integer >= 0"; may be empty
  std::string suggestion;  ///< nearest valid key, e.g. "policy"; may be empty

  /// "file:line:col: error: key 'polcy': unknown key; expected one of ...; did you mean 'policy'?"
  std::string to_string() const {
    std::string text = location + ": error: ";
    if (!key.empty()) text += "key '" + key + "': ";
    text += message;
    if (!expected.empty()) text += "; expected " + expected;
    if (!suggestion.empty()) text += "; did you mean '" + suggestion + "'?";
    return text;
  }
};

using Diagnostics = std::vector<Diagnostic>;

}  // namespace parley::host
