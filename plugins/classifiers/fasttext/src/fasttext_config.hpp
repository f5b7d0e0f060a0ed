// The fasttext classifier's configuration: its schema (checked by the host)
// and the typed form the classifier is built from.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <parley/config.hpp>

namespace parley::fasttext {

/// The shipped model: training/offensive-en.ftz, installed in the plugin's
/// data folder (share/parley/fasttext/).
inline constexpr const char* kShippedModel = "offensive-en.ftz";

/// fastText marks labels with this prefix in its files and predictions.
inline constexpr const char* kModelLabelPrefix = "__label__";

struct LabelMapping {
  std::string model_label;  ///< as the model names it, always with the __label__ prefix
  std::string label;        ///< ours, family.name (e.g. toxicity.offensive)
};

/// Sets attribute `name` from the most probable mapped label.
struct AttributeRule {
  std::string name;         ///< e.g. theme
  bool from_labels = true;  ///< value: true = our label after its last '.', false = the model's label
};

struct FasttextConfig {
  std::string model;                       ///< as written in the config (resolved by the classifier)
  std::vector<LabelMapping> labels;        ///< in config order
  int k = -1;                              ///< most probable model labels considered; -1 = all
  double threshold = 0.0;                  ///< a model label below this probability is ignored
  std::optional<AttributeRule> attribute;  ///< none when absent
  std::vector<std::string> languages;      ///< `lang` values classified; empty = every language
};

/// The fields of the plugin's `config:` section.
ConfigSchema fasttext_schema();

/// Reads and checks a section the host has validated (defaults filled in).
/// Throws std::invalid_argument naming the field at fault: a label that is
/// not family.name, an empty model label, an empty attribute name.
FasttextConfig parse_fasttext_config(const ConfigValue& config);

/// "offensive" and "__label__offensive" -> "__label__offensive".
std::string with_label_prefix(const std::string& model_label);

/// "__label__offensive" -> "offensive"; other names unchanged.
std::string without_label_prefix(const std::string& model_label);

/// `text` in single quotes, as error messages show names and paths.
std::string in_quotes(std::string_view text);

}  // namespace parley::fasttext
