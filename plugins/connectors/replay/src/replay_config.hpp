// The replay connector's config: its schema (what the host validates) and
// the typed form the connector reads once at construction.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <parley/action.hpp>
#include <parley/config.hpp>

namespace parley::replay {

enum class ReplaySpeed { instant, realtime };

struct ReplayConfig {
  std::string input;   ///< as written in the config; "-" = stdin
  std::string output;  ///< as written; empty = actions written nowhere
  ReplaySpeed speed = ReplaySpeed::instant;
  std::int64_t max_gap_ms = 2000;      ///< realtime: longest sleep between two events
  std::string account = "demo-brand";  ///< for lines without "account"
  /// What the emulated platform can do; every kind unless the config limits
  /// it (to rehearse a platform without, e.g., ban).
  std::vector<ActionKind> supported_actions{std::begin(kAllActionKinds), std::end(kAllActionKinds)};

  /// Reads a validated config section; keys left out take their defaults.
  /// Throws std::invalid_argument for a missing `input` or a bad value (only
  /// reachable when the host's validation was bypassed, as in tests).
  static ReplayConfig from(const ConfigValue& config);
};

/// The fields of the `config:` section, with types, defaults and descriptions.
ConfigSchema replay_config_schema();

}  // namespace parley::replay
