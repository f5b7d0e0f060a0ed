// Registration of the `persona` classifier; the logic lives in persona_logic.
#include <parley/plugin.hpp>

#include "persona_classifier.hpp"
#include "persona_config.hpp"

PARLEY_PLUGIN(classifier, parley::persona::PersonaClassifier, "persona", "1.0.1",
              "Unhappy-customer portraits (P16: meek, aggressive, high-roller, rip-off, chronic) from text, "
              "labels and author history",
              parley::persona::persona_schema)
