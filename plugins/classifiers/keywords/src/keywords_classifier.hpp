// KeywordsClassifier: the `keywords` plugin instance. Sets a label's score
// when any of its terms occurs in the event text.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include <parley/plugin.hpp>

#include "keyword_matcher.hpp"
#include "keywords_config.hpp"

namespace parley::keywords {

class KeywordsClassifier final : public Classifier {
 public:
  /// Throws std::invalid_argument on a bad config (see parse_keywords_config).
  KeywordsClassifier(const ConfigValue& config, PluginContext& context);
  explicit KeywordsClassifier(const KeywordsConfig& config);

  /// For each matched label raises its score to the label's configured score
  /// (keeps a higher score an earlier classifier set), then sets the
  /// configured attributes. Threading: called concurrently with distinct
  /// events; the instance is immutable after construction.
  void classify(const Event& event, Labels& labels) override;

  const KeywordMatcher& matcher() const { return matcher_; }

 private:
  struct AttributeRule {
    std::string attribute;
    std::vector<std::pair<std::uint32_t, std::string>> candidates;  ///< label index, value
  };

  KeywordMatcher matcher_;
  std::vector<AttributeRule> attributes_;
};

}  // namespace parley::keywords
