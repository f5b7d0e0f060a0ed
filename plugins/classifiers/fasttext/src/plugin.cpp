// Registration of the `fasttext` classifier; the logic lives in fasttext_logic.
#include <parley/plugin.hpp>

#include "fasttext_classifier.hpp"
#include "fasttext_config.hpp"

PARLEY_PLUGIN(classifier, parley::fasttext::FasttextClassifier, "fasttext", "0.1.0",
              "fastText text-classification models to label scores (ships an English offensive-language model)",
              parley::fasttext::fasttext_schema)
