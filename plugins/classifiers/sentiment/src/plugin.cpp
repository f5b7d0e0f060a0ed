// Registration of the `sentiment` classifier; the logic lives in sentiment_logic.
#include <parley/plugin.hpp>

#include "sentiment_classifier.hpp"
#include "sentiment_config.hpp"

PARLEY_PLUGIN(classifier, parley::sentiment::SentimentClassifier, "sentiment", "1.7.4",
              "Lexicon-and-rules sentiment (negative/neutral/positive) and anger, 6 languages",
              parley::sentiment::sentiment_schema)
