// PolicyGuard: the brand's guardrails, applied by the host to every proposed
// action before anything is recorded for execution, whatever a plugin asked.
#pragma once

#include <parley/action.hpp>
#include <parley/labels.hpp>
#include <string>
#include <vector>

#include "config/pipeline_config.hpp"
#include "engine/connector_capabilities.hpp"
#include "engine/offer_words.hpp"
#include "store/store.hpp"

namespace parley::host {

enum class Verdict { allowed, blocked, parked };

std::string_view to_string(Verdict verdict);

struct GuardDecision {
  Action action;
  Verdict verdict = Verdict::allowed;
  std::string reason;  ///< why blocked or parked; empty when allowed
};

class PolicyGuard {
 public:
  explicit PolicyGuard(PolicyConfig policy);

  /// Decides each proposal in order. `author` is the author's state before
  /// this event; warnings allowed earlier in the same list count for a ban
  /// later in it. Identical proposals (same kind, target, text and params) after the
  /// first are blocked as duplicates. A public action (reply_public, warn,
  /// request_removal) with params["offer"] or an offer word is blocked (P4).
  /// With `connector`: a kind it cannot do is blocked (fallbacks were
  /// substituted before, so none exists), and so is a fallback that needs a
  /// text when the replaced action had none. A fallback (params.fallback_for)
  /// also meets the policy on the kind it replaces: a ban's conditions, its
  /// require_approval.
  std::vector<GuardDecision> review(const std::vector<Action>& proposals, const Labels& labels,
                                    const AuthorState& author, const ConnectorCapabilities* connector = nullptr) const;
  /// The same, each action judged by the connector that carries it out
  /// (the event's own, or the one `routes:` names for its kind).
  std::vector<GuardDecision> review(const std::vector<Action>& proposals, const Labels& labels,
                                    const AuthorState& author, const CapabilitiesOf& capabilities_of) const;

 private:
  std::string never_reason(const Action& action) const;
  std::string ban_refusal(const Labels& labels, int warnings, bool banned) const;
  std::string approval_reason(const Action& action) const;
  std::string public_offer_reason(const Action& action) const;
  static std::string capability_refusal(const Action& action, const ConnectorCapabilities* connector);

  PolicyConfig policy_;
  OfferWords offer_words_;
};

}  // namespace parley::host
