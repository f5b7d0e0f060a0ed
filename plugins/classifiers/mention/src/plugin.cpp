// Registration of the `mention` classifier; the logic lives in mention_logic.
#include <parley/plugin.hpp>

#include "mention_classifier.hpp"
#include "mention_config.hpp"

PARLEY_PLUGIN(classifier, parley::mention::MentionClassifier, "mention", "1.0.0",
              "Brand and product mentions by name, alias, handle, hashtag and typo (any script)",
              parley::mention::mention_schema)
