#include "rules_responder.hpp"

#include <algorithm>
#include <string>

namespace parley::rules {

ConfigSchema rules_config_schema() {
  return {
      schema::list("rules",
                   schema::object(
                       "",
                       {
                           schema::string("id").require().describe(
                               "unique name of the rule; recorded with every action it proposes"),
                           schema::string("when").require().describe(
                               "condition, e.g. \"toxicity.insult >= 0.8 and case.warnings >= 2\" (see the README for "
                               "names and operators)"),
                           schema::any("then").require().describe(
                               "an action (ban), a list of actions ([warn, hide]) or a list of {action, text, params}"),
                           schema::string("reason").require().describe(
                               "why, in words a community manager reads; shown in the audit log"),
                           schema::string("text").describe(
                               "text of the actions (replies, warnings); placeholders {{author}}, {{author.handle}}, "
                               "{{author.id}}, {{lang}}, {{event.id}}, {{theme}}"),
                           schema::map("params", schema::string())
                               .describe("extra values for the actions, e.g. {department: legal}"),
                           schema::boolean("stop").defaults(false).describe(
                               "when this rule matches, no later rule is evaluated for the event"),
                       }))
          .require()
          .describe("the rules, evaluated in this order; every matching rule proposes its actions"),
  };
}

RulesResponder::RulesResponder(const ConfigValue& config, PluginContext& context)
    : rules_(RuleSet::from_config(config)) {
  if (rules_.rules().empty()) {
    context.log(LogLevel::warn, "rules: no rules configured; this responder proposes nothing");
  } else {
    context.log(LogLevel::debug, "rules: " + std::to_string(rules_.rules().size()) + " rule(s) loaded");
  }
}

void RulesResponder::respond(const Event& event, const Labels& labels, const CaseView& case_view,
                             std::vector<Action>& proposals) {
  rules_.apply(event, labels, case_view, proposals);
}

std::optional<std::vector<ActionKind>> RulesResponder::possible_actions() const {
  std::vector<ActionKind> kinds;
  for (const auto& rule : rules_.rules()) {
    for (const auto& action : rule.then) {
      if (std::find(kinds.begin(), kinds.end(), action.kind) == kinds.end()) kinds.push_back(action.kind);
    }
  }
  return kinds;
}

}  // namespace parley::rules
