// The language classifier's configuration: its schema (checked by the host)
// and the typed form the classifier is built from.
#pragma once

#include <string>
#include <vector>

#include <parley/config.hpp>
#include <parley/plugin.hpp>

namespace parley::language {

struct LanguageConfig {
  /// ISO 639-1 codes the brand expects; empty = any language.
  std::vector<std::string> languages;
  /// The `lang` attribute when nothing reaches min_confidence (or the text
  /// has no letters): "und" (undetermined) unless the brand sets one.
  std::string fallback = "und";
  double min_confidence = 0.2;
  int top = 3;                ///< how many lang.<code> scores
  bool romanized = true;      ///< Greeklish / translit / Arabizi for el, ru, ar in `languages`
  std::string model_path;     ///< fastText lid.176 model, absolute
  std::string eld_data_path;  ///< folder with ELD's ngrams-large.js and dictionary.js, absolute
};

/// The fields of the plugin's `config:` section.
ConfigSchema language_schema();

/// Reads a config section (defaults filled in by the host, or absent) and
/// resolves paths through `context`. Throws std::invalid_argument naming the
/// field for what the schema cannot say (a malformed language code, a
/// language listed twice).
LanguageConfig parse_language_config(const ConfigValue& config, const PluginContext& context);

}  // namespace parley::language
