// The `config:` section of the mention classifier: its schema and the typed
// brand list read from it.
#pragma once

#include <parley/parley.hpp>
#include <string>
#include <vector>

namespace parley::mention {

struct Product {
  std::string name;  ///< canonical name, the `product` attribute
  std::vector<std::string> aliases;
};

struct Brand {
  std::string name;                  ///< canonical name, the `brand` attribute
  std::vector<std::string> aliases;  ///< other spellings, handles (@x), hashtags (#x), other scripts
  std::vector<Product> products;
};

struct MentionSettings {
  std::vector<Brand> brands;
  bool fuzzy = true;
  std::vector<std::string> fuzzy_exclude;  ///< words never taken for a typo of a name
};

parley::ConfigSchema mention_schema();

/// Reads a validated config. Throws std::invalid_argument (message starting
/// "mention:") for what the schema cannot express (a malformed product entry).
MentionSettings read_mention_settings(const parley::ConfigValue& config);

}  // namespace parley::mention
