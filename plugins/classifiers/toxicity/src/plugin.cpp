// Registration of the `toxicity` classifier; the logic lives in toxicity_logic.
#include <parley/plugin.hpp>

#include "toxicity_classifier.hpp"
#include "toxicity_config.hpp"

PARLEY_PLUGIN(classifier, parley::toxicity::ToxicityClassifier, "toxicity", "1.5.0",
              "Profanity, insult, hate, threat and harassment scores with target hints (en el ru pl fi ar)",
              parley::toxicity::toxicity_schema)
