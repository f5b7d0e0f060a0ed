#include "engine/policy_guard.hpp"

#include <algorithm>
#include <optional>

#include "engine/action_params.hpp"

namespace parley::host {

std::string_view to_string(Verdict verdict) {
  switch (verdict) {
    case Verdict::allowed: return "allowed";
    case Verdict::blocked: return "blocked";
    case Verdict::parked: return "parked";
  }
  return "blocked";
}

namespace {
/// Actions everyone on the page sees: where an offer invites copycat complaints.
bool is_public(ActionKind kind) {
  return kind == ActionKind::reply_public || kind == ActionKind::warn || kind == ActionKind::request_removal;
}
/// The action a fallback stands in for (engine/connector_capabilities.hpp):
/// the policy on that kind applies to the fallback too (a ban's warnings
/// first, its approval), so a fallback never does what the original could not.
std::optional<Action> replaced_action(const Action& action) {
  const auto replaced = action.params.find("fallback_for");
  if (replaced == action.params.end()) return std::nullopt;
  const auto kind = action_kind_from_string(replaced->second);
  if (!kind) return std::nullopt;
  Action original = action;
  original.kind = *kind;
  return original;
}

bool stands_for(const Action& action, ActionKind kind) {
  if (action.kind == kind) return true;
  const auto replaced = action.params.find("fallback_for");
  return replaced != action.params.end() && replaced->second == to_string(kind);
}

/// Kinds whose whole point is a message to the author.
bool needs_text(ActionKind kind) {
  return kind == ActionKind::reply_public || kind == ActionKind::reply_private || kind == ActionKind::warn ||
         kind == ActionKind::request_removal;
}
}  // namespace

PolicyGuard::PolicyGuard(PolicyConfig policy)
    : policy_(std::move(policy)), offer_words_(policy_.public_offer_words.value_or(default_public_offer_words())) {}

std::string PolicyGuard::never_reason(const Action& action) const {
  const auto& never = policy_.never;
  if (std::find(never.begin(), never.end(), action.kind) == never.end()) return {};
  return "policy.never forbids " + std::string(to_string(action.kind));
}

std::string PolicyGuard::public_offer_reason(const Action& action) const {
  if (!is_public(action.kind)) return {};
  const std::string prefix = "P4: offers only in private: ";
  if (auto offer = action.params.find("offer"); offer != action.params.end()) {
    return prefix + std::string(to_string(action.kind)) + " carries params.offer \"" + offer->second + "\"";
  }
  if (auto word = offer_words_.find_in(action.text)) return prefix + "public text mentions \"" + *word + "\"";
  return {};
}

std::string PolicyGuard::ban_refusal(const Labels& labels, int warnings, bool banned) const {
  if (banned) return "the author is already banned";
  for (const auto& label : policy_.ban_for) {
    if (labels.score(label) >= policy_.ban_label_threshold) return {};  // abuse that allows an immediate ban
  }
  if (warnings >= policy_.ban_after_warnings) return {};
  return "ban refused: the author has " + std::to_string(warnings) + " warning(s), policy.ban.after_warnings is " +
         std::to_string(policy_.ban_after_warnings) + " and no label of policy.ban.for reaches " +
         std::to_string(policy_.ban_label_threshold).substr(0, 4);
}

std::string PolicyGuard::approval_reason(const Action& action) const {
  if (policy_.approve_offers && action.params.count("offer")) {
    return "policy.require_approval lists offer (this action offers \"" + action.params.at("offer") + "\")";
  }
  for (const auto& rule : policy_.require_approval) {
    if (rule.kind != action.kind) continue;
    if (rule.param_value.empty()) return "policy.require_approval lists " + std::string(to_string(action.kind));
    for (const auto& [name, value] : action.params) {
      if (value == rule.param_value) {
        return "policy.require_approval lists " + std::string(to_string(action.kind)) + ":" + rule.param_value;
      }
    }
  }
  return {};
}

std::string PolicyGuard::capability_refusal(const Action& action, const ConnectorCapabilities* connector) {
  if (connector == nullptr) return {};
  const std::string kind(to_string(action.kind));
  if (!connector->can(action.kind)) {
    return connector->name() + " cannot " + kind + " and the pipeline names no fallback";
  }
  const auto replaced = action.params.find("fallback_for");
  if (replaced != action.params.end() && action.text.empty() && needs_text(action.kind)) {
    return "fallback " + kind + " for " + replaced->second + " has no text to send (the " + replaced->second +
           " carried none)";
  }
  return {};
}

std::vector<GuardDecision> PolicyGuard::review(const std::vector<Action>& proposals, const Labels& labels,
                                               const AuthorState& author,
                                               const ConnectorCapabilities* connector) const {
  return review(proposals, labels, author, [connector](const Action&) { return connector; });
}

std::vector<GuardDecision> PolicyGuard::review(const std::vector<Action>& proposals, const Labels& labels,
                                               const AuthorState& author, const CapabilitiesOf& capabilities_of) const {
  std::vector<GuardDecision> decisions;
  decisions.reserve(proposals.size());
  int warnings = author.warnings;
  bool banned = author.banned;
  for (const auto& proposal : proposals) {
    GuardDecision decision{proposal, Verdict::allowed, {}};
    const bool duplicate = std::any_of(decisions.begin(), decisions.end(), [&](const GuardDecision& earlier) {
      return earlier.action.kind == proposal.kind && earlier.action.target_event_id == proposal.target_event_id &&
             earlier.action.target_author_id == proposal.target_author_id && earlier.action.text == proposal.text &&
             earlier.action.params == proposal.params;
    });
    if (proposal.rule_id.empty() || proposal.reason.empty()) {
      decision = {proposal, Verdict::blocked, "the responder gave no rule id or reason (both are required)"};
    } else if (duplicate) {
      decision = {proposal, Verdict::blocked, "duplicate of an earlier proposal for this event"};
    } else if (auto refusal = params_refusal(proposal); !refusal.empty()) {
      decision = {proposal, Verdict::blocked, std::move(refusal)};
    } else if (auto reason = never_reason(proposal); !reason.empty()) {
      decision = {proposal, Verdict::blocked, std::move(reason)};
    } else if (reason = capability_refusal(proposal, capabilities_of(proposal)); !reason.empty()) {
      decision = {proposal, Verdict::blocked, std::move(reason)};
    } else if (reason = public_offer_reason(proposal); !reason.empty()) {
      decision = {proposal, Verdict::blocked, std::move(reason)};
    } else if (stands_for(proposal, ActionKind::ban) && !(reason = ban_refusal(labels, warnings, banned)).empty()) {
      decision = {proposal, Verdict::blocked, std::move(reason)};
    } else if (reason = approval_reason(proposal); !reason.empty()) {
      decision = {proposal, Verdict::parked, std::move(reason)};
    } else if (const auto replaced = replaced_action(proposal);
               replaced && !(reason = approval_reason(*replaced)).empty()) {
      decision = {proposal, Verdict::parked, "fallback for " + std::string(to_string(replaced->kind)) + ": " + reason};
    }
    if (decision.verdict == Verdict::allowed) {
      if (proposal.kind == ActionKind::warn) ++warnings;
      if (proposal.kind == ActionKind::ban) banned = true;
    }
    decisions.push_back(std::move(decision));
  }
  return decisions;
}

}  // namespace parley::host
