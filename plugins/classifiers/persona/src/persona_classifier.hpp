// The persona classifier: which of the five unhappy-customer portraits of
// PLAYBOOK P16 an author fits, from the text, earlier classifiers' labels and
// the author's history in the host's store.
#pragma once

#include <array>
#include <string>
#include <vector>

#include <parley/parley.hpp>

#include "cue_matcher.hpp"
#include "persona_config.hpp"

namespace parley::persona {

/// What the scores are computed from, gathered per event (pure data, so the
/// scoring can be tested without text or a host).
struct Evidence {
  std::array<int, kPersonaCount> cues{};  ///< distinct cue phrases found per persona
  double anger = 0, insult = 0, threat = 0, profanity = 0, harassment = 0;
  double complaint = 0, compensation = 0;
  bool shouting = false;        ///< most letters upper case (8+ letters)
  bool repeated_marks = false;  ///< "!!" or "?!" and the like
  bool high_roller_tier = false;
  int earlier_complaints_30d = 0;
};

/// Scores in [0,1] per persona (index = Persona). See README for the rules.
std::array<double, kPersonaCount> persona_scores(const Evidence& evidence, int chronic_after);

class PersonaClassifier final : public Classifier {
 public:
  /// Throws std::invalid_argument for a bad config.
  PersonaClassifier(const ConfigValue& config, PluginContext& context);

  void classify(const Event& event, Labels& labels) override;

 private:
  Evidence gather(const Event& event, const Labels& labels) const;

  PersonaConfig config_;
  PluginContext& context_;
  CueMatcher cues_;
  std::array<std::string, kPersonaCount> label_names_;  ///< "persona.meek", ...: built once, not per event
};

}  // namespace parley::persona
