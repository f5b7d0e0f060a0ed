#include "rule_set.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <stdexcept>
#include <string_view>
#include <unordered_map>

namespace parley::rules {
namespace {

constexpr std::array<std::string_view, 7> kRuleKeys = {"id", "when", "then", "reason", "text", "params", "stop"};
constexpr std::array<std::string_view, 3> kThenItemKeys = {"action", "text", "params"};

template <std::size_t N>
std::string join(const std::array<std::string_view, N>& names) {
  std::string result;
  for (const auto name : names) {
    if (!result.empty()) result += ", ";
    result += name;
  }
  return result;
}

std::string all_action_names() {
  std::string result;
  for (const auto kind : kAllActionKinds) {
    if (!result.empty()) result += ", ";
    result += to_string(kind);
  }
  return result;
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

/// Errors about one rule: "[file:line:col: ]rule 'ID': KEY: problem".
class RuleErrors {
 public:
  RuleErrors(std::size_t position, const ConfigValue& rule) : position_(position), rule_(rule) {}
  void set_id(std::string id) { id_ = std::move(id); }

  [[noreturn]] void fail(std::string_view key, const std::string& problem, const ConfigValue* value = nullptr) const {
    const ConfigValue& where = value && !value->location().empty() ? *value : rule_;
    std::string message = where.location().empty() ? std::string() : where.location() + ": ";
    message += id_.empty() ? "rule #" + std::to_string(position_) : "rule '" + id_ + "'";
    if (!key.empty()) message += ": " + std::string(key);
    message += ": " + problem;
    throw std::invalid_argument(message);
  }

 private:
  std::size_t position_;
  const ConfigValue& rule_;
  std::string id_;
};

const std::string& required_string(const ConfigValue& rule, std::string_view key, const RuleErrors& errors) {
  const ConfigValue* value = rule.find(key);
  if (!value || value->is_null()) errors.fail(key, "required");
  if (!value->is_string()) errors.fail(key, "must be text", value);
  if (value->as_string().empty()) errors.fail(key, "must not be empty", value);
  return value->as_string();
}

std::string scalar_to_string(const ConfigValue& value) {
  if (value.is_string()) return value.as_string();
  if (value.is_bool()) return value.as_bool() ? "true" : "false";
  if (value.is_integer()) return std::to_string(value.as_integer());
  char buffer[32];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, value.as_number());
  return std::string(buffer, result.ptr);
}

std::map<std::string, std::string> read_params(const ConfigValue* value, std::string_view key,
                                               const RuleErrors& errors) {
  std::map<std::string, std::string> params;
  if (!value || value->is_null()) return params;
  if (!value->is_map()) errors.fail(key, "must be a map of names to text, e.g. {department: legal}", value);
  for (const auto& [name, item] : value->as_map()) {
    if (item.is_list() || item.is_map() || item.is_null()) {
      errors.fail(key, "'" + name + "' must be text", &item);
    }
    params[name] = scalar_to_string(item);
  }
  return params;
}

MessageTemplate read_template(const ConfigValue* value, std::string_view key, const RuleErrors& errors) {
  if (!value || value->is_null()) return {};
  if (!value->is_string()) errors.fail(key, "must be text", value);
  try {
    return MessageTemplate::parse(value->as_string());
  } catch (const std::invalid_argument& error) {
    errors.fail(key, error.what(), value);
  }
}

ActionKind read_kind(const ConfigValue& value, std::string_view key, const RuleErrors& errors) {
  if (!value.is_string()) errors.fail(key, "an action name must be text", &value);
  const std::string& name = value.as_string();
  if (auto kind = action_kind_from_string(name)) return *kind;
  std::string problem = "unknown action '" + name + "'";
  std::string_view nearest;
  std::size_t best = 3;  // suggest only close matches
  for (const auto kind : kAllActionKinds) {
    const auto candidate = to_string(kind);
    const auto distance = std::min(edit_distance(name, candidate),
                                   candidate.rfind(name, 0) == 0 && !name.empty() ? std::size_t{1} : std::size_t{99});
    if (distance < best) {
      best = distance;
      nearest = candidate;
    }
  }
  problem += nearest.empty() ? std::string(".") : "; did you mean '" + std::string(nearest) + "'?";
  problem += " Valid actions: " + all_action_names();
  errors.fail(key, problem, &value);
}

/// then: "ban" | [warn, hide] | [{action: reply_public, text: ..., params: {...}}, ...] | {action: ...}
std::vector<RuleAction> read_then(const ConfigValue& rule, const MessageTemplate& rule_text,
                                  const std::map<std::string, std::string>& rule_params, const RuleErrors& errors) {
  const ConfigValue* then = rule.find("then");
  if (!then || then->is_null())
    errors.fail("then", "required: an action, a list of actions or of {action, text, params}");
  std::vector<const ConfigValue*> items;
  if (then->is_list()) {
    for (const auto& item : then->as_list()) items.push_back(&item);
    if (items.empty()) errors.fail("then", "must name at least one action", then);
  } else {
    items.push_back(then);
  }
  std::vector<RuleAction> actions;
  for (std::size_t i = 0; i < items.size(); ++i) {
    const ConfigValue& item = *items[i];
    const std::string key = then->is_list() ? "then[" + std::to_string(i + 1) + "]" : "then";
    RuleAction action;
    action.text = rule_text;
    action.params = rule_params;
    if (item.is_map()) {
      for (const auto& [name, value] : item.as_map()) {
        if (std::find(kThenItemKeys.begin(), kThenItemKeys.end(), name) == kThenItemKeys.end()) {
          errors.fail(key, "unknown key '" + name + "'; valid keys: " + join(kThenItemKeys), &value);
        }
      }
      const ConfigValue* kind = item.find("action");
      if (!kind) errors.fail(key, "missing 'action'", &item);
      action.kind = read_kind(*kind, key, errors);
      if (const ConfigValue* text = item.find("text"); text && !text->is_null()) {
        action.text = read_template(text, key + ".text", errors);
      }
      for (auto& [name, value] : read_params(item.find("params"), key + ".params", errors)) {
        action.params[name] = std::move(value);
      }
    } else if (item.is_string()) {
      action.kind = read_kind(item, key, errors);
    } else {
      errors.fail(key, "expected an action name or {action, text, params}", &item);
    }
    actions.push_back(std::move(action));
  }
  return actions;
}

Rule read_rule(const ConfigValue& value, std::size_t position) {
  RuleErrors errors(position, value);
  if (!value.is_map()) errors.fail("", "must be a map with id, when, then and reason", &value);
  if (const ConfigValue* id = value.find("id"); id && id->is_string()) errors.set_id(id->as_string());
  for (const auto& [name, item] : value.as_map()) {
    if (std::find(kRuleKeys.begin(), kRuleKeys.end(), name) == kRuleKeys.end()) {
      errors.fail("", "unknown key '" + name + "'; valid keys: " + join(kRuleKeys), &item);
    }
  }
  Rule rule;
  rule.id = required_string(value, "id", errors);
  const std::string& when = required_string(value, "when", errors);
  try {
    rule.when = Condition::parse(when);
  } catch (const ConditionError& error) {
    std::string problem = error.problem() + " at column " + std::to_string(error.column()) + " in \"" + when + "\"";
    if (!error.hint().empty()) problem += "; " + error.hint();
    errors.fail("when", problem, value.find("when"));
  }
  rule.reason = required_string(value, "reason", errors);
  const MessageTemplate text = read_template(value.find("text"), "text", errors);
  const auto params = read_params(value.find("params"), "params", errors);
  rule.then = read_then(value, text, params, errors);
  if (const ConfigValue* stop = value.find("stop"); stop && !stop->is_null()) {
    if (!stop->is_bool()) errors.fail("stop", "must be true or false", stop);
    rule.stop = stop->as_bool();
  }
  return rule;
}

}  // namespace

RuleSet RuleSet::from_config(const ConfigValue& config) {
  const ConfigValue* rules = config.find("rules");
  if (!rules || !rules->is_list()) throw std::invalid_argument("rules: required: a list of rules");
  RuleSet result;
  std::unordered_map<std::string, std::size_t> positions;
  std::size_t position = 0;
  for (const auto& value : rules->as_list()) {
    ++position;
    Rule rule = read_rule(value, position);
    if (const auto [it, inserted] = positions.emplace(rule.id, position); !inserted) {
      const std::string location = value.location().empty() ? std::string() : value.location() + ": ";
      throw std::invalid_argument(location + "duplicate rule id '" + rule.id + "' (rules " +
                                  std::to_string(it->second) + " and " + std::to_string(position) + ")");
    }
    result.rules_.push_back(std::move(rule));
  }
  return result;
}

void RuleSet::apply(const Event& event, const Labels& labels, const CaseView& case_view,
                    std::vector<Action>& proposals) const {
  thread_local FoldBuffers buffers;  // keeps its capacity from event to event
  ConditionInput input(event, labels, case_view, buffers);
  for (const Rule& rule : rules_) {
    if (!rule.when.matches(input)) continue;
    for (const RuleAction& rule_action : rule.then) {
      Action action;
      action.kind = rule_action.kind;
      action.target_event_id = event.id;
      action.target_author_id = event.author.id;
      action.text = rule_action.text.render(event, labels);
      action.params = rule_action.params;
      action.reason = rule.reason;
      action.rule_id = rule.id;
      proposals.push_back(std::move(action));
    }
    if (rule.stop) break;
  }
}

}  // namespace parley::rules
