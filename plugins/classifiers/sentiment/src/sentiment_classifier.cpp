#include "sentiment_classifier.hpp"

#include <algorithm>
#include <string>

namespace parley::sentiment {

SentimentClassifier::SentimentClassifier(const ConfigValue& config, PluginContext& context)
    : SentimentClassifier(parse_sentiment_config(config)) {
  std::string summary = "sentiment: lexicon words";
  for (auto language : kLanguages) {
    summary += " " + std::string(code(language)) + "=" + std::to_string(model_.lexicon(language).word_count());
  }
  summary +=
      ", emoji=" + std::to_string(model_.emoji_count()) + ", emoticons=" + std::to_string(model_.emoticon_count());
  context.log(LogLevel::info, summary);
}

SentimentClassifier::SentimentClassifier(const SentimentConfig& config) : model_(config) {}

void SentimentClassifier::classify(const Event& event, Labels& labels) {
  TextContext context;
  context.lang = labels.attribute("lang");
  if (context.lang.empty()) context.lang = event.lang;
  for (const char* name : {"toxicity.offensive", "toxicity.profanity", "toxicity.insult", "toxicity.threat"}) {
    context.abuse = std::max(context.abuse, labels.score(name));
  }
  const SentimentScores scores = model_.score(event.text, context);
  labels.set("sentiment.negative", scores.negative);
  labels.set("sentiment.neutral", scores.neutral);
  labels.set("sentiment.positive", scores.positive);
  labels.set("anger", scores.anger);
}

}  // namespace parley::sentiment
