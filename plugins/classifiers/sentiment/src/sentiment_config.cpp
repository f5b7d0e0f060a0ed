#include "sentiment_config.hpp"

#include <stdexcept>

namespace parley::sentiment {
namespace {

[[noreturn]] void fail(const std::string& message) { throw std::invalid_argument("sentiment: " + message); }

/// `{en: {term: value}, all: {...}}` -> one TermValue per language and term.
std::vector<TermValue> read_terms(const ConfigValue* section, const std::string& key, float low, float high) {
  std::vector<TermValue> result;
  if (section == nullptr || section->is_null()) return result;
  if (!section->is_map()) fail("'" + key + "' must map a language (en, el, ru, pl, fi, ar, all) to {term: value}");
  for (const auto& [code_name, terms] : section->as_map()) {
    std::vector<Language> languages;
    if (code_name == "all") {
      languages.assign(kLanguages.begin(), kLanguages.end());
    } else if (const auto language = language_from_code(code_name); language && code(*language) == code_name) {
      languages.push_back(*language);
    } else {
      fail(key + ": unknown language '" + code_name + "'; expected one of en, el, ru, pl, fi, ar, all");
    }
    if (!terms.is_map()) fail(key + "." + code_name + " must map terms to numbers, e.g. {\"meh\": -1}");
    for (const auto& [term, value] : terms.as_map()) {
      const std::string where = key + "." + code_name + ".'" + term + "'";
      if (term.empty()) fail(key + "." + code_name + ": a term is empty");
      if (!value.is_number()) fail(where + " must be a number");
      const double number = value.as_number();
      if (!(number >= low && number <= high)) {
        fail(where + " is " + std::to_string(number) + "; expected " + std::to_string(low) + ".." +
             std::to_string(high));
      }
      for (auto language : languages) result.push_back({language, term, static_cast<float>(number)});
    }
  }
  return result;
}

}  // namespace

ConfigSchema sentiment_schema() {
  return {
      schema::number("neutral_band")
          .range(0.01, 0.95)
          .defaults(SentimentConfig{}.neutral_band)
          .describe("How clearly a text must lean before it counts as positive or negative: its compound "
                    "score (-1..1) must exceed this; higher = more texts are neutral"),
      schema::map("lexicon_additions", schema::map("", schema::number().range(-4, 4)))
          .describe("Language (en, el, ru, pl, fi, ar, or all) -> {word or phrase: valence -4..4}. Brand "
                    "slang and product words; they win over the built-in lexicons. Inflected languages "
                    "match by stem, so one form covers the others"),
      schema::map("anger_additions", schema::map("", schema::number().range(0, 1)))
          .describe("Language (en, el, ru, pl, fi, ar, or all) -> {word or phrase: anger intensity 0..1}"),
  };
}

SentimentConfig parse_sentiment_config(const ConfigValue& config) {
  SentimentConfig result;
  if (config.is_null()) return result;
  if (!config.is_map()) fail("config must be an object");
  for (const auto& [key, value] : config.as_map()) {
    if (key != "neutral_band" && key != "lexicon_additions" && key != "anger_additions") {
      fail("unknown key '" + key + "'; expected neutral_band, lexicon_additions, anger_additions");
    }
  }
  if (const auto* band = config.find("neutral_band"); band && !band->is_null()) {
    if (!band->is_number()) fail("neutral_band must be a number");
    result.neutral_band = band->as_number();
    if (!(result.neutral_band >= 0.01 && result.neutral_band <= 0.95)) {
      fail("neutral_band " + std::to_string(result.neutral_band) + " is outside 0.01..0.95");
    }
  }
  result.lexicon_additions = read_terms(config.find("lexicon_additions"), "lexicon_additions", -4.0F, 4.0F);
  result.anger_additions = read_terms(config.find("anger_additions"), "anger_additions", 0.0F, 1.0F);
  return result;
}

}  // namespace parley::sentiment
