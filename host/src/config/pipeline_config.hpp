// The pipeline file: one YAML file per client naming its connectors,
// classifiers, responders, policy and engine settings. The format is itself a
// ConfigSchema (pipeline_schema()) checked by the same validator as plugin
// configs, so a typo anywhere gets "did you mean ...?".
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "config/diagnostic.hpp"
#include "config/identity_links.hpp"
#include "config/secrets.hpp"
#include "engine/engine_clock.hpp"
#include "net/http_settings.hpp"
#include "parley/action.hpp"
#include "parley/config.hpp"

namespace parley::host {

/// `fallbacks: {ban: [hide, reply_private]}` of a connector entry: what the
/// host proposes instead of an action kind the connector cannot perform.
struct Fallback {
  ActionKind kind = ActionKind::ignore;  ///< the kind the connector cannot do
  std::vector<ActionKind> replacements;  ///< in this order; never empty
  std::string location;                  ///< "file:line:col" of the list
};

/// One plugin instance of the pipeline.
struct PluginRef {
  std::string id;                        ///< unique within the pipeline; defaults to the plugin name
  std::string plugin;                    ///< the plugin's name
  ConfigValue config;                    ///< the `config:` section, secrets substituted, NOT yet validated
                                         ///< against the plugin's schema; null (located at the entry) when absent
  std::string location;                  ///< "file:line:col" of the entry
  std::vector<Fallback> fallbacks = {};  ///< connectors only, in file order
  /// Connectors only: `actions_only: true` = it produces no events, it only
  /// carries out actions `routes:` send it (a team channel), so the start-up
  /// check does not ask it to do what responders propose for its events.
  bool actions_only = false;
};

/// `routes: {escalate: team}`: actions of this kind are carried out by the
/// connector `connector_id` instead of the event's own (docs/adr/0011-action-routes.md).
struct ActionRoute {
  ActionKind kind = ActionKind::ignore;
  std::string connector_id;
  std::string location;  ///< "file:line:col" of the connector id
};

/// `require_approval: [ban, "escalate:legal"]`: the kind, and optionally the
/// value of its main parameter (e.g. the department of an escalation).
struct RequireApproval {
  ActionKind kind = ActionKind::ignore;
  std::string param_value;  ///< empty = any action of that kind
};

struct PolicyConfig {
  std::vector<ActionKind> never;
  std::vector<RequireApproval> require_approval;
  /// `require_approval: [offer]`: every action carrying params["offer"] (P4,
  /// P16.rip_off), whatever its kind, waits for a person.
  bool approve_offers = false;
  int ban_after_warnings = 2;        ///< PLAYBOOK P8: warn first
  std::vector<std::string> ban_for;  ///< labels that allow an immediate ban
  double ban_label_threshold = 0.8;
  /// PLAYBOOK P4: words that make a public text an offer. nullopt = the
  /// multilingual defaults (default_public_offer_words); empty = no word check.
  std::optional<std::vector<std::string>> public_offer_words;
};

struct EngineConfig {
  int workers = 0;  ///< 0 = number of cores
  int max_attempts = 3;
  int retry_backoff_ms = 50;
  int batch_size = 256;
  ClockMode clock = ClockMode::wall;  ///< the engine clock: system time, or the events' time line
};

struct PipelineConfig {
  std::string file;                      ///< the path as given to load_pipeline (as it appears in messages)
  std::string dir;                       ///< absolute folder of the file; relative paths in it start here
  std::string client, timezone, store;   ///< store "" = the host picks state/<client>.db
  std::vector<std::string> plugin_path;  ///< absolute
  std::vector<PluginRef> connectors, classifiers, responders;
  PolicyConfig policy;
  EngineConfig engine;
  HttpSettings http;                     ///< the `http:` section: the connectors' HTTP client
  std::vector<ActionRoute> routes = {};  ///< in file order, one per kind
  IdentityLinks identities = {};         ///< `identities:`: accounts of one person across platforms

  /// The route for `kind`, or nullptr: the event's own connector carries it out.
  const ActionRoute* route_for(ActionKind kind) const;
};

struct PipelineLoad {
  std::optional<PipelineConfig> pipeline;  ///< set only when `errors` is empty
  Diagnostics errors;                      ///< all of them; secrets already redacted
};

/// Reads, substitutes secrets in (remembering them in `secrets`), and
/// validates a pipeline file. Never throws for a bad file: every problem,
/// including a missing file, is a Diagnostic.
PipelineLoad load_pipeline(const std::filesystem::path& file, SecretRegistry& secrets);

/// The pipeline file's format (top-level fields), for validation and docs.
const ConfigSchema& pipeline_schema();

/// Whether `name` is a valid client name: [a-z0-9-_]+ (it names files).
bool is_valid_client_name(std::string_view name);

/// Every action kind's name as pipelines spell it ("reply_public", "delete", ...).
std::vector<std::string> action_kind_names();

}  // namespace parley::host
