#include "engine/capability_check.hpp"

#include <algorithm>
#include <map>

#include "config/key_path.hpp"

namespace parley::host {

namespace {

/// Action kind -> the responders ("responder 'x' (plugin y)") that may propose it.
using Proposers = std::map<ActionKind, std::vector<std::string>>;

std::string responder_name(const PluginInstance<Responder>& responder) {
  return "responder '" + responder.id + "' (plugin " + responder.plugin + ")";
}

Proposers possible_proposals(const PipelineRuntime& runtime, CapabilityReport& report) {
  Proposers proposers;
  for (const auto& responder : runtime.responders) {
    std::optional<std::vector<ActionKind>> kinds;
    if (responder.api_minor >= 3) {  // possible_actions() is API 1.3
      try {
        kinds = responder.object->possible_actions();
      } catch (const std::exception& error) {
        report.errors.push_back({runtime.config.file, "responders",
                                 responder_name(responder) + " failed to list its possible actions: " + error.what(),
                                 "", ""});
        continue;
      }
    }
    if (!kinds) {
      report.notes.push_back(responder_name(responder) +
                             " does not declare the actions it may propose; they are checked when proposed");
      continue;
    }
    for (const auto kind : *kinds) {
      auto& names = proposers[kind];
      if (std::find(names.begin(), names.end(), responder_name(responder)) == names.end()) {
        names.push_back(responder_name(responder));
      }
    }
  }
  return proposers;
}

std::string joined(const std::vector<std::string>& names) {
  std::string text;
  for (std::size_t index = 0; index < names.size(); ++index) {
    text += index == 0 ? "" : (index + 1 == names.size() ? " and " : ", ");
    text += names[index];
  }
  return text;
}

std::string doable_kinds(const ConnectorCapabilities& capabilities) {
  std::vector<std::string> names;
  for (const auto kind : kAllActionKinds) {
    if (capabilities.can(kind)) names.emplace_back(to_string(kind));
  }
  std::string text;
  for (const auto& name : names) text += (text.empty() ? "" : ", ") + name;
  return text;
}

bool forbidden(const PolicyConfig& policy, ActionKind kind) {
  return std::find(policy.never.begin(), policy.never.end(), kind) != policy.never.end();
}

void check_fallbacks(const PluginRef& ref, const std::string& key, const ConnectorCapabilities& capabilities,
                     const PolicyConfig& policy, CapabilityReport& report) {
  for (const auto& fallback : ref.fallbacks) {
    const std::string kind(to_string(fallback.kind));
    const std::string fallback_key = child_key_path(key + ".fallbacks", kind);
    if (capabilities.can(fallback.kind)) {
      report.warnings.push_back({fallback.location, fallback_key,
                                 capabilities.name() + " can " + kind + " itself, so this fallback is never used", "",
                                 ""});
    } else if (forbidden(policy, fallback.kind)) {
      report.warnings.push_back({fallback.location, fallback_key,
                                 "policy.never forbids " + kind + ", so this fallback is never used", "", ""});
    }
    for (const auto replacement : fallback.replacements) {
      const std::string name(to_string(replacement));
      if (!capabilities.can(replacement)) {
        report.errors.push_back({fallback.location, fallback_key, capabilities.name() + " cannot " + name + " either",
                                 "kinds it can do: " + doable_kinds(capabilities), ""});
      } else if (forbidden(policy, replacement)) {
        report.warnings.push_back({fallback.location, fallback_key,
                                   "policy.never forbids " + name + ", so the guard blocks this fallback every time",
                                   "", ""});
      }
    }
  }
}

}  // namespace

CapabilityReport check_capabilities(const PipelineRuntime& runtime) {
  CapabilityReport report;
  const auto proposers = possible_proposals(runtime, report);
  const auto& config = runtime.config;
  for (std::size_t index = 0; index < config.connectors.size(); ++index) {
    const auto& ref = config.connectors[index];
    const auto* capabilities = runtime.capabilities_of(ref.id);
    if (capabilities == nullptr) continue;  // not created: reported by build_runtime
    const std::string key = item_key_path("connectors", index);
    check_fallbacks(ref, key, *capabilities, config.policy, report);
    if (ref.actions_only) continue;  // no events of its own to act on
    for (const auto& [kind, names] : proposers) {
      if (config.route_for(kind) != nullptr) continue;  // checked against the route's connector below
      if (capabilities->can(kind) || capabilities->fallback_for(kind) || forbidden(config.policy, kind)) continue;
      const std::string name(to_string(kind));
      report.errors.push_back(
          {ref.location, key, capabilities->name() + " cannot " + name + ", which " + joined(names) + " may propose",
           "'fallbacks: {" + name + ": [...]}' on this connector (kinds it can do: " + doable_kinds(*capabilities) +
               "), or '" + name + "' in policy.never",
           ""});
    }
  }
  // A routed kind is carried out by the route's connector, whichever
  // connector the event came from.
  for (const auto& route : config.routes) {
    const auto* capabilities = runtime.capabilities_of(route.connector_id);
    const auto proposed = proposers.find(route.kind);
    if (capabilities == nullptr || proposed == proposers.end()) continue;
    const auto kind = route.kind;
    if (capabilities->can(kind) || capabilities->fallback_for(kind) || forbidden(config.policy, kind)) continue;
    const std::string name(to_string(kind));
    report.errors.push_back({route.location, child_key_path("routes", name),
                             capabilities->name() + " cannot " + name + ", which " + joined(proposed->second) +
                                 " may propose and routes." + name + " sends it",
                             "a connector that can (kinds this one can do: " + doable_kinds(*capabilities) +
                                 "), 'fallbacks: {" + name + ": [...]}' on it, or '" + name + "' in policy.never",
                             ""});
  }
  return report;
}

std::string warning_text(const Diagnostic& warning) {
  auto text = warning.to_string();
  const std::string error = ": error: ";
  if (const auto at = text.find(error); at != std::string::npos) text.replace(at, error.size(), ": warning: ");
  return text;
}

}  // namespace parley::host
