// The sentiment classifier's configuration: its schema (checked by the host)
// and the typed form the model is built from.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include <parley/config.hpp>

#include "language.hpp"

namespace parley::sentiment {

/// A word or phrase a brand adds, for one language.
struct TermValue {
  Language language = Language::en;
  std::string term;
  float value = 0.0F;
};

struct SentimentConfig {
  /// How far the compound score must leave 0 before a text counts as
  /// positive or negative (the neutral score's weight).
  double neutral_band = 0.25;
  std::vector<TermValue> lexicon_additions;  ///< valence -4..4, overriding the lexicons
  std::vector<TermValue> anger_additions;    ///< intensity 0..1
};

/// The fields of the plugin's `config:` section.
ConfigSchema sentiment_schema();

/// Reads and checks a config section (also without the host's defaults).
/// Throws std::invalid_argument naming the key at fault.
SentimentConfig parse_sentiment_config(const ConfigValue& config);

}  // namespace parley::sentiment
