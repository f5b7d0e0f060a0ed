#include "policy_test/action_matcher.hpp"

#include "engine/text_folding.hpp"

namespace parley::host {
namespace {

/// A community manager writes "sorry" and means "Sorry" and "SORRY" too, and
/// "μαρια" means "Μαρία": the guard's folding (case and accents, ICU).
bool contains_folded(std::string_view text, std::string_view needle) {
  return fold_for_matching(text).find(fold_for_matching(needle)) != std::string::npos;
}

/// Assigns expect patterns to distinct actions (Kuhn's augmenting paths; the
/// lists are short). `owner[a]` is the pattern holding action `a`, or -1.
bool assign(std::size_t pattern, const std::vector<std::vector<bool>>& fits, std::vector<bool>& visited,
            std::vector<int>& owner) {
  for (std::size_t action = 0; action < owner.size(); ++action) {
    if (!fits[pattern][action] || visited[action]) continue;
    visited[action] = true;
    if (owner[action] < 0 || assign(static_cast<std::size_t>(owner[action]), fits, visited, owner)) {
      owner[action] = static_cast<int>(pattern);
      return true;
    }
  }
  return false;
}

std::string describe_action(const ObservedAction& action) {
  std::string text = std::string(to_string(action.kind)) + " by rule '" + action.rule + "' (" +
                     std::string(to_string(action.verdict)) + ")";
  return text;
}

}  // namespace

bool rule_matches(const std::string& pattern, const std::string& rule_id) {
  if (pattern == rule_id) return true;
  return rule_id.size() > pattern.size() && rule_id.compare(0, pattern.size(), pattern) == 0 &&
         rule_id[pattern.size()] == '.';
}

bool matches(const ActionPattern& pattern, const ObservedAction& action) {
  if (pattern.kind != action.kind) return false;
  if (pattern.verdict && *pattern.verdict != action.verdict) return false;
  if (!pattern.rule.empty() && !rule_matches(pattern.rule, action.rule)) return false;
  if (!pattern.text_contains.empty() && !contains_folded(action.text, pattern.text_contains)) return false;
  if (!pattern.reason_contains.empty() && !contains_folded(action.reason, pattern.reason_contains) &&
      !contains_folded(action.guard_reason, pattern.reason_contains)) {
    return false;
  }
  if (!pattern.lang.empty() && pattern.lang != action.lang) return false;
  for (const auto& [name, value] : pattern.params) {
    const auto found = action.params.find(name);
    if (found == action.params.end() || found->second != value) return false;
  }
  return true;
}

std::string describe(const ActionPattern& pattern) {
  std::string text(to_string(pattern.kind));
  if (!pattern.rule.empty()) text += " rule=" + pattern.rule;
  if (!pattern.text_contains.empty()) text += " text~'" + pattern.text_contains + "'";
  for (const auto& [name, value] : pattern.params) text += " " + name + "=" + value;
  if (!pattern.reason_contains.empty()) text += " reason~'" + pattern.reason_contains + "'";
  if (!pattern.lang.empty()) text += " lang=" + pattern.lang;
  text += pattern.verdict ? " (" + std::string(to_string(*pattern.verdict)) + ")" : " (any verdict)";
  return text;
}

std::vector<std::string> check_step(const StepChecks& checks, const std::vector<ObservedAction>& actions) {
  std::vector<std::string> problems;
  std::vector<std::vector<bool>> fits(checks.expect.size(), std::vector<bool>(actions.size()));
  for (std::size_t pattern = 0; pattern < checks.expect.size(); ++pattern) {
    for (std::size_t action = 0; action < actions.size(); ++action) {
      fits[pattern][action] = matches(checks.expect[pattern], actions[action]);
    }
  }
  std::vector<int> owner(actions.size(), -1);
  for (std::size_t pattern = 0; pattern < checks.expect.size(); ++pattern) {
    std::vector<bool> visited(actions.size(), false);
    if (assign(pattern, fits, visited, owner)) continue;
    bool any_fit = false;
    for (bool fit : fits[pattern]) any_fit = any_fit || fit;
    problems.push_back(
        "expected " + describe(checks.expect[pattern]) +
        (any_fit ? ": the only matching action is already counted for another expectation" : ": no matching action"));
  }
  for (const auto& pattern : checks.forbid) {
    for (const auto& action : actions) {
      if (matches(pattern, action))
        problems.push_back("forbidden " + describe(pattern) + " matched " + describe_action(action));
    }
  }
  if (checks.expect_only) {
    for (std::size_t action = 0; action < actions.size(); ++action) {
      if (actions[action].verdict == Verdict::allowed && owner[action] < 0) {
        problems.push_back("expect_only: unexpected " + describe_action(actions[action]));
      }
    }
  }
  return problems;
}

}  // namespace parley::host
