#include "engine/connector_capabilities.hpp"

#include <algorithm>

namespace parley::host {

bool is_host_internal(ActionKind kind) {
  return std::find(std::begin(kHostInternalKinds), std::end(kHostInternalKinds), kind) != std::end(kHostInternalKinds);
}

const Fallback* ConnectorCapabilities::fallback_for(ActionKind kind) const {
  for (const auto& fallback : fallbacks) {
    if (fallback.kind == kind) return &fallback;
  }
  return nullptr;
}

std::string ConnectorCapabilities::name() const { return "connector '" + connector_id + "' (plugin " + plugin + ")"; }

namespace {
bool proposed_for(const std::vector<Action>& proposals, ActionKind kind, const Action& like) {
  return std::any_of(proposals.begin(), proposals.end(), [&](const Action& other) {
    return other.kind == kind && other.target_event_id == like.target_event_id &&
           other.target_author_id == like.target_author_id;
  });
}
}  // namespace

std::vector<Substitution> substitute_fallbacks(std::vector<Action>& proposals,
                                               const ConnectorCapabilities& capabilities,
                                               const std::vector<ActionKind>& never) {
  return substitute_fallbacks(
      proposals, [&capabilities](const Action&) { return &capabilities; }, never);
}

std::vector<Substitution> substitute_fallbacks(std::vector<Action>& proposals, const CapabilitiesOf& capabilities_of,
                                               const std::vector<ActionKind>& never) {
  std::vector<Substitution> substitutions;
  std::vector<Action> result;
  result.reserve(proposals.size());
  for (const auto& proposal : proposals) {
    const bool forbidden = std::find(never.begin(), never.end(), proposal.kind) != never.end();
    const auto* capabilities = capabilities_of(proposal);
    const auto* fallback = capabilities == nullptr || capabilities->can(proposal.kind) || forbidden
                               ? nullptr
                               : capabilities->fallback_for(proposal.kind);
    if (fallback == nullptr) {
      result.push_back(proposal);
      continue;
    }
    Substitution substitution{proposal.idempotency_key,  proposal.kind, proposal.rule_id, {}, {}, {},
                              capabilities->connector_id};
    for (const auto kind : fallback->replacements) {
      if (proposed_for(proposals, kind, proposal) || proposed_for(result, kind, proposal)) {
        substitution.already_proposed.push_back(kind);
        continue;
      }
      Action replacement = proposal;
      replacement.kind = kind;
      replacement.params.insert_or_assign("fallback_for", std::string(to_string(proposal.kind)));
      replacement.idempotency_key = proposal.idempotency_key + ">" + std::string(to_string(kind));
      substitution.replacement_keys.push_back(replacement.idempotency_key);
      substitution.replacement_kinds.push_back(kind);
      result.push_back(std::move(replacement));
    }
    substitutions.push_back(std::move(substitution));
  }
  proposals = std::move(result);
  return substitutions;
}

}  // namespace parley::host
