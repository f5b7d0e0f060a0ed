// The keywords classifier's configuration: its schema (checked by the host)
// and the typed, validated form the matcher is built from.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <parley/config.hpp>

namespace parley::keywords {

enum class MatchMode {
  word,       ///< whole words; a phrase is consecutive words
  prefix,     ///< each word of the term is a stem: it matches the start of a word
  substring,  ///< anywhere in the folded text, across word boundaries too
};

std::string_view to_string(MatchMode mode);
std::optional<MatchMode> match_mode_from_string(std::string_view name);

struct LabelTerms {
  std::string label;   ///< e.g. "toxicity.insult"
  double score = 1.0;  ///< set when any term matches, in [0,1]
  MatchMode mode = MatchMode::word;
  std::vector<std::string> terms;  ///< as written in the config (folded later)
};

struct KeywordsConfig {
  std::vector<LabelTerms> labels;  ///< in config order
  /// attribute name -> label family ("theme" -> "theme"): the strongest
  /// matched label "family.x" sets the attribute to "x".
  std::vector<std::pair<std::string, std::string>> attributes;
};

/// The fields of the plugin's `config:` section.
ConfigSchema keywords_schema();

/// Reads and checks a config section. Throws std::invalid_argument naming the
/// label or key at fault (empty or non-string term lists, scores outside
/// [0,1], unknown match modes, per_label_match for a label that is not
/// configured). Does not rely on the host having applied the schema.
KeywordsConfig parse_keywords_config(const ConfigValue& config);

}  // namespace parley::keywords
