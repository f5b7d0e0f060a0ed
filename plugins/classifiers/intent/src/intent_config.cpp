#include "intent_config.hpp"

#include <algorithm>
#include <stdexcept>

namespace parley::intent {
namespace schema = parley::schema;

parley::ConfigSchema intent_schema() {
  parley::ConfigValue::List all_languages;
  for (const auto& language : supported_languages()) all_languages.emplace_back(language);
  return {
      schema::list("languages", schema::string().one_of(supported_languages()))
          .defaults(all_languages)
          .describe("built-in cue lists to load (all six by default)"),
      schema::map("themes", schema::any())
          .defaults(parley::ConfigValue::Map{})
          .describe("theme -> extra terms: a list, or a map language -> list; new theme names are allowed"),
      schema::boolean("replace_defaults")
          .defaults(false)
          .describe("true: only the themes listed under `themes:` are used, without the built-in theme lists"),
      schema::map("extra", schema::any())
          .defaults(parley::ConfigValue::Map{})
          .describe("intent (complaint, question, praise, compensation, offtopic, spam) -> extra terms"),
      schema::number("theme_min_complaint")
          .range(0, 1)
          .defaults(0.5)
          .describe("intent.complaint score from which the `theme` attribute is set"),
      schema::boolean("refine_sentiment")
          .defaults(true)
          .describe("true: the earlier sentiment classifier's lean is corrected where intent knows what the post "
                    "is for: a sure complaint read neutral becomes negative, a question or spam read positive "
                    "becomes neutral"),
  };
}

namespace {

void append_terms(const std::string& where, const parley::ConfigValue& list, std::vector<std::string>& terms) {
  if (!list.is_list()) {
    throw std::invalid_argument(list.location() + (list.location().empty() ? "" : ": ") + "intent: " + where +
                                ": expected a list of terms or a map language -> list of terms");
  }
  std::size_t index = 0;
  for (const auto& item : list.as_list()) {
    ++index;
    if (!item.is_string() || item.as_string().empty()) {
      throw std::invalid_argument(item.location() + (item.location().empty() ? "" : ": ") + "intent: " + where +
                                  ": term " + std::to_string(index) + " is not a non-empty string (quote it)");
    }
    terms.push_back(item.as_string());
  }
}

/// A term list written either as a list or as a map language -> list.
std::vector<std::string> read_terms(const std::string& where, const parley::ConfigValue& value) {
  std::vector<std::string> terms;
  if (value.is_map()) {
    for (const auto& [language, list] : value.as_map()) append_terms(where + "." + language, list, terms);
  } else {
    append_terms(where, value, terms);
  }
  return terms;
}

bool valid_theme_name(const std::string& name) {
  return !name.empty() && name.size() <= 40 &&
         std::all_of(name.begin(), name.end(), [](char ch) { return (ch >= 'a' && ch <= 'z') || ch == '_'; });
}

}  // namespace

IntentSettings read_intent_settings(const parley::ConfigValue& config) {
  // The host fills in the schema's defaults; read optional keys with the same
  // fallbacks anyway, so the class also works on a config built by hand.
  IntentSettings settings;
  if (const auto* languages = config.find("languages"); languages && languages->is_list()) {
    for (const auto& language : languages->as_list()) settings.languages.push_back(language.as_string());
  } else {
    settings.languages = supported_languages();
  }
  settings.replace_default_themes = config.bool_or("replace_defaults", false);
  settings.theme_min_complaint = config.number_or("theme_min_complaint", 0.5);
  settings.refine_sentiment = config.bool_or("refine_sentiment", true);
  if (const auto* themes = config.find("themes"); themes && themes->is_map()) {
    for (const auto& [theme, value] : themes->as_map()) {
      if (!valid_theme_name(theme)) {
        throw std::invalid_argument("intent: themes: theme '" + theme +
                                    "' must be lower-case letters and '_' (at most 40), e.g. late_delivery");
      }
      settings.themes.push_back({theme, read_terms("themes." + theme, value)});
    }
  }
  if (const auto* extra = config.find("extra"); extra && extra->is_map()) {
    for (const auto& [intent, value] : extra->as_map()) {
      const auto& known = extendable_intents();
      if (std::find(known.begin(), known.end(), intent) == known.end()) {
        throw std::invalid_argument("intent: extra: unknown intent '" + intent +
                                    "'; expected one of complaint, question, praise, compensation, offtopic, spam");
      }
      settings.extra.push_back({intent, read_terms("extra." + intent, value)});
    }
  }
  return settings;
}

}  // namespace parley::intent
