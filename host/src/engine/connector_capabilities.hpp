// What one connector instance can do: the action kinds its platform performs
// (Connector::supported_actions, asked once at start-up), the kinds the host
// does itself, and the pipeline's fallbacks for the rest.
// docs/adr/0010-connector-capabilities-and-fallbacks.md
#pragma once

#include <functional>
#include <parley/action.hpp>
#include <set>
#include <string>
#include <vector>

#include "config/pipeline_config.hpp"

namespace parley::host {

/// Kinds with no platform effect: the host records them (and carries out a
/// follow_up's timer) whether or not the connector lists them.
inline constexpr ActionKind kHostInternalKinds[] = {ActionKind::ignore, ActionKind::label, ActionKind::assign,
                                                    ActionKind::follow_up};

bool is_host_internal(ActionKind kind);

struct ConnectorCapabilities {
  std::string connector_id;
  std::string plugin;
  std::set<ActionKind> supported;  ///< what the connector declared
  std::vector<Fallback> fallbacks;

  /// The connector lists `kind` itself.
  bool lists(ActionKind kind) const { return supported.count(kind) > 0; }
  /// The pipeline can carry out `kind` on this connector without a fallback.
  bool can(ActionKind kind) const { return lists(kind) || is_host_internal(kind); }
  /// The pipeline's fallback for `kind`, or nullptr.
  const Fallback* fallback_for(ActionKind kind) const;
  /// "connector 'ig' (plugin instagram)"
  std::string name() const;
};

/// One proposal replaced by its fallbacks, for the audit record and the table.
struct Substitution {
  std::string key;  ///< the idempotency key of the replaced proposal
  ActionKind kind = ActionKind::ignore;
  std::string rule_id;
  std::vector<std::string> replacement_keys;      ///< proposed instead, in order
  std::vector<ActionKind> replacement_kinds;      ///< the kinds of replacement_keys
  std::vector<ActionKind> already_proposed = {};  ///< fallback kinds left out: the event already has them
  std::string connector_id = {};                  ///< the connector that cannot do `kind` (its fallbacks)
};

/// The capabilities of the connector that would carry out an action (the
/// event's own, or the one `routes:` names); nullptr = not judged.
using CapabilitiesOf = std::function<const ConnectorCapabilities*(const Action&)>;

/// Replaces every proposal `capabilities` cannot do but has a fallback for,
/// in place, by one action per fallback kind: same target, text, reason and
/// rule, params plus "fallback_for" = the original kind, and the key
/// "<original key>><kind>". A fallback kind already proposed for the same
/// target is left out (the hide of a ban -> hide fallback next to the
/// responder's own hide). Runs after the keys are set and before the guard,
/// so the guard decides on the replacements. A kind in `never` is not
/// replaced: the brand forbids it, and the guard says so. Returns what was
/// replaced.
std::vector<Substitution> substitute_fallbacks(std::vector<Action>& proposals,
                                               const ConnectorCapabilities& capabilities,
                                               const std::vector<ActionKind>& never);

/// The same, each proposal judged by the connector that would carry it out
/// (`routes:`); replacements keep params.fallback_for, so they go where the
/// replaced kind goes.
std::vector<Substitution> substitute_fallbacks(std::vector<Action>& proposals, const CapabilitiesOf& capabilities_of,
                                               const std::vector<ActionKind>& never);

}  // namespace parley::host
