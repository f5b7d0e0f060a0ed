#include "persona_config.hpp"

#include <algorithm>
#include <cctype>
#include <stdexcept>

namespace parley::persona {
namespace {

[[noreturn]] void fail(const std::string& message) { throw std::invalid_argument("persona: " + message); }

std::vector<std::string> read_strings(const ConfigValue& list, const std::string& where) {
  if (!list.is_list()) fail("'" + where + "' must be a list of strings");
  std::vector<std::string> result;
  for (const auto& item : list.as_list()) {
    if (!item.is_string() || item.as_string().empty()) fail("'" + where + "' must hold non-empty strings");
    result.push_back(item.as_string());
  }
  return result;
}

}  // namespace

std::string lower_ascii(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return std::tolower(c); });
  return text;
}

ConfigSchema persona_schema() {
  using namespace schema;
  std::vector<ConfigField> cue_fields;
  for (const auto name : kPersonaNames) {
    cue_fields.push_back(list(std::string(name), string()).describe("extra phrases for " + std::string(name)));
  }
  return {
      integer("chronic_after")
          .describe("complaints by one author within 30 days, this one included, that mark a chronic complainer")
          .defaults(std::int64_t{3})
          .range(1, 1000),
      list("high_roller_tiers", string())
          .describe("customer tiers (event metadata customer_tier, from a connector or CRM) of high-rollers")
          .defaults(ConfigValue::List{"gold", "platinum", "vip", "premium", "business", "enterprise"}),
      object("extra_cues", std::move(cue_fields))
          .describe("brand phrases per persona, any language, added to the built-in cues; word* matches a stem"),
  };
}

PersonaConfig parse_persona_config(const ConfigValue& config) {
  PersonaConfig result;
  if (!config.is_map() && !config.is_null()) fail("the config must be a map");
  if (config.is_null()) return result;
  const auto chronic_after = config.integer_or("chronic_after", result.chronic_after);
  if (chronic_after < 1 || chronic_after > 1000) fail("'chronic_after' must be between 1 and 1000");
  result.chronic_after = static_cast<int>(chronic_after);
  if (const auto* tiers = config.find("high_roller_tiers"); tiers && !tiers->is_null()) {
    result.high_roller_tiers.clear();
    for (auto& tier : read_strings(*tiers, "high_roller_tiers")) result.high_roller_tiers.push_back(lower_ascii(tier));
  }
  if (const auto* extra = config.find("extra_cues"); extra && !extra->is_null()) {
    if (!extra->is_map()) fail("'extra_cues' must map a persona to a list of phrases");
    for (const auto& [name, phrases] : extra->as_map()) {
      const auto found = std::find(kPersonaNames.begin(), kPersonaNames.end(), name);
      if (found == kPersonaNames.end()) {
        fail("'extra_cues' names '" + name + "'; expected one of meek, aggressive, high_roller, rip_off, chronic");
      }
      result.extra_cues[static_cast<std::size_t>(found - kPersonaNames.begin())] =
          read_strings(phrases, "extra_cues." + name);
    }
  }
  return result;
}

}  // namespace parley::persona
