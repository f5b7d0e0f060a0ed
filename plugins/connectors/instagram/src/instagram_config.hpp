// The instagram connector's config: its schema (what the host validates)
// and the typed form the connector reads once at construction.
#pragma once

#include <string>

#include <parley/config.hpp>

#include "graph_settings.hpp"

namespace parley::instagram {

/// The professional account's id plus what every Meta connector's config
/// holds (graph_settings.hpp).
struct InstagramConfig : graph::ConnectorSettings {
  std::string ig_user_id;
  /// Also moderate comments on live broadcasts (webhook field live_comments).
  bool live_comments = false;

  /// Reads a validated config section. Throws std::invalid_argument naming
  /// the field for what a schema cannot say (an account id that is not
  /// digits, a version that is not "vNN.N", a Graph URL that is not http(s)).
  static InstagramConfig from(const ConfigValue& config);
};

/// The fields of the `config:` section, with types, defaults and descriptions.
ConfigSchema instagram_config_schema();

}  // namespace parley::instagram
