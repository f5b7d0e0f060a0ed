// RuleSet: the `rules:` of the config, checked and compiled once; applied to
// each event in file order.
#pragma once

#include <map>
#include <string>
#include <vector>

#include <parley/action.hpp>
#include <parley/case_view.hpp>
#include <parley/config.hpp>
#include <parley/event.hpp>
#include <parley/labels.hpp>

#include "condition.hpp"
#include "message_template.hpp"

namespace parley::rules {

/// One action a rule proposes, with its text and params already merged
/// (an item's own text/params over the rule's).
struct RuleAction {
  ActionKind kind = ActionKind::ignore;
  MessageTemplate text;
  std::map<std::string, std::string> params;
};

struct Rule {
  std::string id;
  Condition when;
  std::vector<RuleAction> then;
  std::string reason;
  bool stop = false;
};

class RuleSet {
 public:
  /// Reads and checks `config["rules"]`. Throws std::invalid_argument naming
  /// the rule (by id, or by position when it has none), the key and the
  /// problem, prefixed by the value's "file:line:col" when known:
  ///   rule 'abuse-ban': when: unexpected token 'xor' at column 24 in "..."
  ///   rule 'greet': then: unknown action 'reply'; did you mean 'reply_public'? ...
  ///   duplicate rule id 'greet' (rules 1 and 4)
  static RuleSet from_config(const ConfigValue& config);

  /// Appends the actions of every rule whose condition matches, in file
  /// order, stopping after a matching rule with `stop`. Each action targets
  /// the event and its author and carries the rule's reason and id.
  /// Thread-safe (const; case-folding scratch is per thread).
  void apply(const Event& event, const Labels& labels, const CaseView& case_view, std::vector<Action>& proposals) const;

  const std::vector<Rule>& rules() const { return rules_; }

 private:
  std::vector<Rule> rules_;
};

}  // namespace parley::rules
