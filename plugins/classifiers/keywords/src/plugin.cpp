// Registration of the `keywords` classifier; the logic lives in keywords_logic.
#include <parley/plugin.hpp>

#include "keywords_classifier.hpp"
#include "keywords_config.hpp"

PARLEY_PLUGIN(classifier, parley::keywords::KeywordsClassifier, "keywords", "1.0.0",
              "Word, phrase and stem lists to label scores (Unicode-aware, 6+ languages)",
              parley::keywords::keywords_schema)
