#include "language_config.hpp"

#include <algorithm>
#include <stdexcept>

#include "plugin_data_dir.hpp"

namespace parley::language {
namespace {

[[noreturn]] void fail(const ConfigValue* value, const std::string& message) {
  const std::string where = value != nullptr && !value->location().empty() ? value->location() + ": " : "";
  throw std::invalid_argument(where + "language: " + message);
}

/// Two or three lower-case ASCII letters (ISO 639-1, or 639-3 where fastText
/// has no two-letter code).
bool looks_like_code(const std::string& code) {
  return (code.size() == 2 || code.size() == 3) &&
         std::all_of(code.begin(), code.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

}  // namespace

ConfigSchema language_schema() {
  return {
      schema::list("languages", schema::string())
          .defaults(ConfigValue::List{})
          .describe("ISO 639-1 codes the brand expects, e.g. [en, el, ru, pl, fi, ar]. Only these are "
                    "reported; a single word is then far more often right. Empty: any language"),
      schema::string("default").defaults("und").describe(
          "The `lang` attribute when no language reaches min_confidence or the text has no letters "
          "(emoji, links only). \"und\" = undetermined"),
      schema::number("min_confidence")
          .range(0, 1)
          .defaults(0.2)
          .describe("Below this confidence the `lang` attribute is `default`; the lang.* scores are set anyway"),
      schema::integer("top").range(1, 10).defaults(3).describe("How many lang.<code> scores to set, best first"),
      schema::boolean("romanized")
          .defaults(true)
          .describe("Recognise Greeklish, Russian in Latin letters and Arabizi as el, ru, ar when those are in "
                    "`languages` and the text has clear evidence (frequent words)"),
      schema::string("model").defaults("").describe(
          "fastText language-ID model; empty: the lid.176.ftz installed with Parley (share/parley/models)"),
      schema::string("eld_data")
          .defaults("")
          .describe("Folder with ELD's ngrams-large.js and dictionary.js; empty: the copy installed with Parley "
                    "(share/parley/models/eld)"),
  };
}

LanguageConfig parse_language_config(const ConfigValue& config, const PluginContext& context) {
  LanguageConfig result;
  if (!config.is_null() && !config.is_map()) fail(&config, "config must be a map");

  if (const auto* languages = config.find("languages"); languages != nullptr && !languages->is_null()) {
    if (!languages->is_list()) fail(languages, "'languages' must be a list of ISO 639-1 codes");
    for (const auto& item : languages->as_list()) {
      if (!item.is_string() || !looks_like_code(item.as_string())) {
        fail(&item, "'languages': each entry must be a lower-case ISO 639-1 code such as en or el");
      }
      if (std::find(result.languages.begin(), result.languages.end(), item.as_string()) != result.languages.end()) {
        fail(&item, "'languages' lists '" + item.as_string() + "' twice");
      }
      result.languages.push_back(item.as_string());
    }
  }
  if (const auto* fallback = config.find("default"); fallback != nullptr && !fallback->is_null()) {
    if (!fallback->is_string() || !looks_like_code(fallback->as_string())) {
      fail(fallback, "'default' must be an ISO 639-1 code such as en, or und");
    }
    result.fallback = fallback->as_string();
  }
  result.min_confidence = config.number_or("min_confidence", result.min_confidence);
  result.top = static_cast<int>(config.integer_or("top", result.top));
  if (result.top < 1) fail(config.find("top"), "'top' must be at least 1");
  result.romanized = config.bool_or("romanized", result.romanized);

  const std::string model = config.string_or("model", "");
  result.model_path =
      model.empty() ? (text::plugin_data_dir() / "models" / "lid.176.ftz").string() : context.resolve_path(model);
  const std::string eld = config.string_or("eld_data", "");
  result.eld_data_path =
      eld.empty() ? (text::plugin_data_dir() / "models" / "eld").string() : context.resolve_path(eld);
  return result;
}

}  // namespace parley::language
