// The persona classifier's configuration: its schema (checked by the host)
// and the typed form the classifier is built from.
#pragma once

#include <array>
#include <string>
#include <string_view>
#include <vector>

#include <parley/config.hpp>

namespace parley::persona {

/// The five portraits of PLAYBOOK P16, in label order.
enum class Persona { meek, aggressive, high_roller, rip_off, chronic };
inline constexpr std::size_t kPersonaCount = 5;
inline constexpr std::array<std::string_view, kPersonaCount> kPersonaNames = {"meek", "aggressive", "high_roller",
                                                                              "rip_off", "chronic"};

struct PersonaConfig {
  int chronic_after = 3;  ///< complaints in 30 days (this one included) that make a chronic complainer
  std::vector<std::string> high_roller_tiers = {"gold", "platinum", "vip", "premium", "business", "enterprise"};
  /// Extra cue phrases per persona (index = Persona), added to the built-in lists.
  std::array<std::vector<std::string>, kPersonaCount> extra_cues;
};

ConfigSchema persona_schema();

/// `text` with A-Z lowered (tier names are compared this way).
std::string lower_ascii(std::string text);

/// Reads and checks a config section; throws std::invalid_argument naming the key at fault.
PersonaConfig parse_persona_config(const ConfigValue& config);

}  // namespace parley::persona
