// The toxicity classifier's configuration: its schema (checked by the host)
// and the typed form the classifier is built from. Everything is optional:
// `config: {}` uses the shipped lists as they are.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include <parley/config.hpp>

#include "category.hpp"
#include "list_parser.hpp"

namespace parley::toxicity {

/// Weight of an `add:` term written without one: a brand's own term list is
/// meant to fire, so it is above every category's threshold of 0.5.
inline constexpr double kAddedTermWeight = 0.8;

struct ToxicityConfig {
  std::vector<std::pair<Category, std::vector<ListEntry>>> add;  ///< extra terms per abuse category
  std::vector<ListEntry> allow;                                  ///< words never counted as abuse
  std::vector<ListEntry> staff_names;
  std::vector<ListEntry> brand_names;
};

ConfigSchema toxicity_schema();

/// Reads and checks a config section. Throws std::invalid_argument naming the
/// key at fault (unknown category in `add`, a term that is not a string, a
/// malformed weight). Does not rely on the host having applied the schema.
ToxicityConfig parse_toxicity_config(const ConfigValue& config);

}  // namespace parley::toxicity
