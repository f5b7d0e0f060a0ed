// Registration of the `intent` classifier; the logic lives in intent_logic.
#include <parley/plugin.hpp>

#include "intent_classifier.hpp"
#include "intent_config.hpp"

PARLEY_PLUGIN(classifier, parley::intent::IntentClassifier, "intent", "1.14.0",
              "Complaint, question, praise, compensation, off-topic and spam intents with complaint themes "
              "(en, el, ru, pl, fi, ar)",
              parley::intent::intent_schema)
