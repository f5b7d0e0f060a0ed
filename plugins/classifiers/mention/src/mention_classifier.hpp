// MentionClassifier: brand and product mentions (PLAYBOOK P15), including
// posts that do not tag the brand's account: names, aliases, handles,
// hashtags and typos of them.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <parley/parley.hpp>

#include "mention_config.hpp"
#include "name_matcher.hpp"

namespace parley::mention {

class MentionClassifier final : public parley::Classifier {
 public:
  /// `config` is validated with defaults filled in. Throws std::invalid_argument
  /// (message starting "mention:") for a config the schema cannot refuse.
  MentionClassifier(const parley::ConfigValue& config, parley::PluginContext& context);

  /// Threading: called concurrently with distinct events; reads members only.
  void classify(const parley::Event& event, parley::Labels& labels) override;

 private:
  MentionClassifier(const MentionSettings& settings, parley::PluginContext& context);

  /// Whether `text` contains an @handle of brand `brand`.
  bool tags_brand(std::string_view text, std::size_t brand) const;

  NameMatcher matcher_;
  std::vector<std::string> brand_names_;
  std::vector<std::string> product_names_;
  std::vector<std::vector<std::string>> handles_;  ///< per brand, lower-case, without '@'
};

}  // namespace parley::mention
