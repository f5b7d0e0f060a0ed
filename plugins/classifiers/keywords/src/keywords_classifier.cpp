#include "keywords_classifier.hpp"

#include <string>

namespace parley::keywords {
namespace {

struct Scratch {
  NormalizedText text;
  MatchSet hits;
};

Scratch& scratch() {
  thread_local Scratch instance;
  return instance;
}

}  // namespace

KeywordsClassifier::KeywordsClassifier(const ConfigValue& config, PluginContext& context)
    : KeywordsClassifier(parse_keywords_config(config)) {
  const auto& stats = matcher_.stats();
  context.log(LogLevel::info, "keywords: " + std::to_string(stats.labels) + " labels, " +
                                  std::to_string(stats.word_terms) + " words, " + std::to_string(stats.phrase_terms) +
                                  " phrases, " + std::to_string(stats.prefix_terms) + " stems, " +
                                  std::to_string(stats.substring_terms) + " substrings");
}

KeywordsClassifier::KeywordsClassifier(const KeywordsConfig& config) : matcher_(config.labels) {
  const auto& labels = matcher_.labels();
  for (const auto& [attribute, family] : config.attributes) {
    AttributeRule rule;
    rule.attribute = attribute;
    const std::string prefix = family + ".";
    for (std::uint32_t i = 0; i < labels.size(); ++i) {
      if (labels[i].name.size() > prefix.size() && labels[i].name.starts_with(prefix)) {
        rule.candidates.emplace_back(i, labels[i].name.substr(prefix.size()));
      }
    }
    attributes_.push_back(std::move(rule));
  }
}

void KeywordsClassifier::classify(const Event& event, Labels& labels) {
  auto& [text, hits] = scratch();
  matcher_.match(event.text, text, hits);
  if (hits.count() == 0) return;

  const auto& specs = matcher_.labels();
  for (std::uint32_t i = 0; i < specs.size(); ++i) {
    if (hits.has(i)) labels.raise(specs[i].name, specs[i].score);
  }
  for (const auto& rule : attributes_) {
    const std::string* best = nullptr;
    double best_score = -1.0;
    for (const auto& [index, value] : rule.candidates) {
      if (hits.has(index) && specs[index].score > best_score) {
        best = &value;
        best_score = specs[index].score;
      }
    }
    if (best != nullptr) labels.set_attribute(rule.attribute, *best);
  }
}

}  // namespace parley::keywords
