// Checks the actions one step of a case produced against its expect, forbid
// and expect_only, and says in words what did not hold.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "policy_test/test_case.hpp"

namespace parley::host {

/// One proposal of the pipeline and what the guard did with it.
struct ObservedAction {
  ActionKind kind = ActionKind::ignore;
  std::string rule;
  std::string text;
  std::map<std::string, std::string> params;
  Verdict verdict = Verdict::allowed;
  std::string reason;        ///< the responder's
  std::string guard_reason;  ///< why blocked or parked
  std::string lang;          ///< params["lang"], else the event's `lang` attribute, else its own lang
};

/// Whether `rule_id` is `pattern` or starts with `pattern` followed by '.'.
bool rule_matches(const std::string& pattern, const std::string& rule_id);

bool matches(const ActionPattern& pattern, const ObservedAction& action);

/// "reply_private rule=P4 text~'order number' (allowed)".
std::string describe(const ActionPattern& pattern);

/// Problems found, empty when every check holds. Each `expect` pattern
/// needs an action of its own (two `reply_public` expect two replies).
std::vector<std::string> check_step(const StepChecks& checks, const std::vector<ObservedAction>& actions);

}  // namespace parley::host
