// The facebook-pages connector's config: its schema (what the host
// validates) and the typed form the connector reads once at construction.
#pragma once

#include <string>

#include <parley/config.hpp>

#include "graph_settings.hpp"

namespace parley::facebook {

/// The page id plus what every Meta connector's config holds (graph_settings.hpp).
struct FacebookConfig : graph::ConnectorSettings {
  std::string page_id;

  /// Reads a validated config section. Throws std::invalid_argument naming
  /// the field for what a schema cannot say (a page id that is not a plain
  /// id, a version that is not "vNN.N", a Graph URL that is not http(s)).
  static FacebookConfig from(const ConfigValue& config);
};

/// The fields of the `config:` section, with types, defaults and descriptions.
ConfigSchema facebook_config_schema();

}  // namespace parley::facebook
