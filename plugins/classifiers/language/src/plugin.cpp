// Registration of the `language` classifier; the logic lives in language_logic.
#include <parley/plugin.hpp>

#include "language_classifier.hpp"
#include "language_config.hpp"

PARLEY_PLUGIN(classifier, parley::language::LanguageClassifier, "language", "1.0.0",
              "Language of short texts: attribute lang and lang.<code> scores (script, ELD, fastText, CLD2)",
              parley::language::language_schema)
