// RulesResponder: AutoModerator-style when/then rules from the pipeline
// YAML. See README.md for the rule format and the condition language.
#pragma once

#include <optional>
#include <vector>

#include <parley/plugin.hpp>

#include "rule_set.hpp"

namespace parley::rules {

/// The fields of the `config:` section.
ConfigSchema rules_config_schema();

class RulesResponder final : public Responder {
 public:
  /// Compiles every rule; throws std::invalid_argument naming the rule and
  /// the problem (see RuleSet::from_config).
  RulesResponder(const ConfigValue& config, PluginContext& context);

  /// Threading: called concurrently with distinct events; no shared mutable state.
  void respond(const Event& event, const Labels& labels, const CaseView& case_view,
               std::vector<Action>& proposals) override;

  /// The kinds in the `then:` of every rule, in first-use order.
  std::optional<std::vector<ActionKind>> possible_actions() const override;

  const RuleSet& rule_set() const { return rules_; }

 private:
  RuleSet rules_;
};

}  // namespace parley::rules
