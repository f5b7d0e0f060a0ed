#include "keywords_config.hpp"

#include <stdexcept>

namespace parley::keywords {
namespace {

[[noreturn]] void fail(const std::string& message) { throw std::invalid_argument("keywords: " + message); }

std::string in_quotes(std::string_view text) { return "'" + std::string(text) + "'"; }

MatchMode read_mode(const ConfigValue& value, const std::string& where) {
  if (!value.is_string()) fail(where + " must be one of word, prefix, substring");
  const auto mode = match_mode_from_string(value.as_string());
  if (!mode) {
    fail(where + " is " + in_quotes(value.as_string()) + "; expected one of word, prefix, substring");
  }
  return *mode;
}

std::vector<std::string> read_terms(const std::string& label, const ConfigValue& list) {
  if (!list.is_list()) fail("label " + in_quotes(label) + ": terms must be a list of strings");
  if (list.as_list().empty()) fail("label " + in_quotes(label) + ": the term list is empty");
  std::vector<std::string> terms;
  terms.reserve(list.as_list().size());
  std::size_t index = 0;
  for (const auto& item : list.as_list()) {
    ++index;
    if (!item.is_string()) {
      fail("label " + in_quotes(label) + ": term " + std::to_string(index) +
           " is not a string (quote numbers and yes/no: \"404\")");
    }
    if (item.as_string().empty()) {
      fail("label " + in_quotes(label) + ": term " + std::to_string(index) + " is empty");
    }
    terms.push_back(item.as_string());
  }
  return terms;
}

LabelTerms read_label(const std::string& label, const ConfigValue& value) {
  if (label.empty()) fail("a label name is empty");
  LabelTerms result;
  result.label = label;
  if (value.is_list()) {
    result.terms = read_terms(label, value);
    return result;
  }
  if (!value.is_map()) {
    fail("label " + in_quotes(label) + " must be a list of terms or an object {score, terms}");
  }
  for (const auto& [key, item] : value.as_map()) {
    if (key != "score" && key != "terms") {
      fail("label " + in_quotes(label) + ": unknown key " + in_quotes(key) + "; expected score, terms");
    }
  }
  const auto* terms = value.find("terms");
  if (terms == nullptr) fail("label " + in_quotes(label) + ": 'terms' is missing");
  result.terms = read_terms(label, *terms);
  if (const auto* score = value.find("score")) {
    if (!score->is_number()) fail("label " + in_quotes(label) + ": score must be a number in [0,1]");
    result.score = score->as_number();
    if (!(result.score >= 0.0 && result.score <= 1.0)) {
      fail("label " + in_quotes(label) + ": score " + std::to_string(result.score) + " is outside [0,1]");
    }
  }
  return result;
}

}  // namespace

std::string_view to_string(MatchMode mode) {
  switch (mode) {
    case MatchMode::word: return "word";
    case MatchMode::prefix: return "prefix";
    case MatchMode::substring: return "substring";
  }
  return "word";
}

std::optional<MatchMode> match_mode_from_string(std::string_view name) {
  for (auto mode : {MatchMode::word, MatchMode::prefix, MatchMode::substring}) {
    if (to_string(mode) == name) return mode;
  }
  return std::nullopt;
}

ConfigSchema keywords_schema() {
  const std::vector<std::string> modes = {"word", "prefix", "substring"};
  return {
      schema::map("labels", schema::any().describe("A list of terms (score 1.0 when any matches) or an object "
                                                   "{score: 0..1, terms: [...]}"))
          .require()
          .describe("Label name (e.g. toxicity.insult) -> the words or phrases that set it. Terms and "
                    "text are compared after Unicode folding: NFKC, case folding, accents/tonos/harakat "
                    "removed, zero-width characters ignored"),
      schema::string("match").one_of(modes).defaults("word").describe(
          "How a term matches: word = whole words, a phrase = consecutive words; prefix = "
          "each word of the term is a stem matching the start of a word (for inflected "
          "languages); substring = anywhere, across word boundaries"),
      schema::map("per_label_match", schema::string().one_of(modes))
          .describe("Label name -> match mode for that label, overriding `match`"),
      schema::map("attributes", schema::string())
          .describe("Attribute name -> label family: the strongest matched label FAMILY.X sets the "
                    "attribute to X (e.g. theme: theme sets attribute theme=late_delivery)"),
  };
}

KeywordsConfig parse_keywords_config(const ConfigValue& config) {
  if (!config.is_map()) fail("config must be an object with 'labels'");
  for (const auto& [key, value] : config.as_map()) {
    if (key != "labels" && key != "match" && key != "per_label_match" && key != "attributes") {
      fail("unknown key " + in_quotes(key) + "; expected labels, match, per_label_match, attributes");
    }
  }

  MatchMode default_mode = MatchMode::word;
  if (const auto* match = config.find("match"); match && !match->is_null()) {
    default_mode = read_mode(*match, "'match'");
  }

  const auto* labels = config.find("labels");
  if (labels == nullptr || !labels->is_map()) fail("'labels' must be a map of label -> terms");
  if (labels->as_map().empty()) fail("'labels' names no label");

  KeywordsConfig result;
  for (const auto& [name, value] : labels->as_map()) {
    for (const auto& seen : result.labels) {
      if (seen.label == name) fail("label " + in_quotes(name) + " is listed twice");
    }
    result.labels.push_back(read_label(name, value));
    result.labels.back().mode = default_mode;
  }

  if (const auto* overrides = config.find("per_label_match"); overrides && !overrides->is_null()) {
    if (!overrides->is_map()) fail("'per_label_match' must be a map of label -> match mode");
    for (const auto& [name, value] : overrides->as_map()) {
      LabelTerms* target = nullptr;
      for (auto& label : result.labels) {
        if (label.label == name) target = &label;
      }
      if (target == nullptr) {
        fail("per_label_match names label " + in_quotes(name) + ", which is not in 'labels'");
      }
      target->mode = read_mode(value, "per_label_match." + name);
    }
  }

  if (const auto* attributes = config.find("attributes"); attributes && !attributes->is_null()) {
    if (!attributes->is_map()) fail("'attributes' must be a map of attribute -> label family");
    for (const auto& [name, value] : attributes->as_map()) {
      if (name.empty()) fail("an attribute name in 'attributes' is empty");
      if (!value.is_string() || value.as_string().empty()) {
        fail("attributes." + name + " must name a label family (e.g. theme)");
      }
      std::string family = value.as_string();
      if (family.back() == '.') family.pop_back();
      result.attributes.emplace_back(name, std::move(family));
    }
  }
  return result;
}

}  // namespace parley::keywords
