// The `config:` section of the intent classifier: its schema and the typed
// settings read from it.
#pragma once

#include <parley/parley.hpp>
#include <string>
#include <vector>

namespace parley::intent {

/// Languages with built-in cue lists.
inline const std::vector<std::string>& supported_languages() {
  static const std::vector<std::string> languages = {"en", "el", "ru", "pl", "fi", "ar"};
  return languages;
}

/// Intents whose cue lists `extra:` may extend.
inline const std::vector<std::string>& extendable_intents() {
  static const std::vector<std::string> intents = {"complaint",    "question", "praise",
                                                   "compensation", "offtopic", "spam"};
  return intents;
}

/// Themes with built-in cue lists, in tie-break order. `other` is also what
/// a complaint gets when no theme cue occurs; its cues (a cancellation by
/// the business) keep it from the theme of whatever was cancelled.
inline const std::vector<std::string>& default_themes() {
  static const std::vector<std::string> themes = {"late_delivery", "wrong_order", "billing_error", "app_crash",
                                                  "lost_luggage",  "rude_staff",  "refund_delay",  "account_locked",
                                                  "quality",       "price",       "other"};
  return themes;
}

/// Terms the config adds to one list (theme or intent), all languages merged.
struct ExtraTerms {
  std::string name;  ///< theme name or intent name
  std::vector<std::string> terms;
};

struct IntentSettings {
  std::vector<std::string> languages;  ///< built-in lists to load
  std::vector<ExtraTerms> themes;      ///< from `themes:`
  bool replace_default_themes = false;
  std::vector<ExtraTerms> extra;  ///< from `extra:`
  double theme_min_complaint = 0.5;
  bool refine_sentiment = true;
};

parley::ConfigSchema intent_schema();

/// Reads a validated config. Throws std::invalid_argument (message starting
/// "intent:") for what the schema cannot express: a term list that is not a
/// list of strings or a map language -> list, a bad theme name, an unknown intent.
IntentSettings read_intent_settings(const parley::ConfigValue& config);

}  // namespace parley::intent
