#include "config/pipeline_config.hpp"

#include <algorithm>
#include <map>
#include <string_view>
#include <system_error>

#include "config/key_path.hpp"
#include "config/nearest_key.hpp"
#include "config/schema_validator.hpp"
#include "config/time_zones.hpp"
#include "config/yaml_document.hpp"

namespace parley::host {
namespace {

ConfigField plugin_entry() {
  return schema::object(
      "", {
              schema::string("id").describe("instance name, unique within the pipeline; defaults to the plugin name"),
              schema::string("plugin").require().describe("the plugin's name"),
              schema::any("config").describe("the plugin's settings, checked against the plugin's own schema"),
          });
}

/// A connector entry also names what to do instead of kinds its platform lacks.
ConfigField connector_entry() {
  auto entry = plugin_entry();
  entry.fields.push_back(
      schema::map("fallbacks", schema::list("", schema::string().one_of(action_kind_names())).range(1, std::nullopt))
          .describe("action kind the connector cannot do -> kinds to propose instead, e.g. {ban: [hide, "
                    "reply_private]} (docs/adr/0010-connector-capabilities-and-fallbacks.md)"));
  entry.fields.push_back(schema::boolean("actions_only")
                             .defaults(false)
                             .describe("true: produces no events, only carries out actions `routes:` send it"));
  return entry;
}

ConfigValue empty_list() { return ConfigValue::List{}; }

ConfigField ban_section() {
  std::vector<ConfigField> fields{
      schema::integer("after_warnings")
          .range(0, 1000)
          .defaults(2)
          .describe("warnings before a ban (PLAYBOOK P8: warn first)"),
      schema::list("for", schema::string()).defaults(empty_list()).describe("labels allowing an immediate ban"),
      schema::number("label_threshold").range(0, 1).defaults(0.8).describe("score from which a `for` label counts"),
  };
  return schema::object("ban", std::move(fields));
}

ConfigField policy_section() {
  std::vector<ConfigField> fields{
      schema::list("never", schema::string().one_of(action_kind_names()))
          .defaults(empty_list())
          .describe("action kinds that are never executed"),
      schema::list("require_approval", schema::string())
          .defaults(empty_list())
          .describe("action kinds, or kind:value (escalate:legal), that wait for a person"),
      ban_section(),
      // No default: absent means the built-in multilingual list, [] means off.
      schema::list("public_offer_words", schema::string())
          .describe("words that make a public text an offer (PLAYBOOK P4); absent = multilingual defaults, [] = off"),
  };
  return schema::object("policy", std::move(fields));
}

ConfigField engine_section() {
  std::vector<ConfigField> fields{
      schema::integer("workers").range(0, 1024).defaults(0).describe(
          "0 = one per core, less one for the commit thread with a state file"),
      schema::integer("max_attempts").range(1, 100).defaults(3).describe("plugin call attempts before dead-lettering"),
      schema::integer("retry_backoff_ms").range(0, 3'600'000).defaults(50),
      schema::integer("batch_size").range(1, 1'000'000).defaults(256),
      schema::string("clock")
          .one_of({"wall", "events"})
          .defaults("wall")
          .describe("engine clock: wall (system time) or events (the latest created_at handled; replays, tests)"),
  };
  return schema::object("engine", std::move(fields));
}

ConfigField http_section() {
  const HttpSettings defaults;
  auto rate_limit = schema::object(
      "", {
              schema::string("key_prefix")
                  .require()
                  .describe("rate-limit keys starting with this (e.g. 'facebook:'); '' = every key"),
              schema::number("per_second").require().range(0.001, 100'000).describe("steady request rate"),
              schema::integer("burst").range(1, 100'000).defaults(1).describe("requests allowed at once"),
          });
  std::vector<ConfigField> fields{
      schema::integer("timeout_ms")
          .range(1, 3'600'000)
          .defaults(defaults.timeout_ms)
          .describe("per attempt, unless the plugin's request sets one"),
      schema::integer("max_attempts").range(1, 20).defaults(defaults.max_attempts).describe("tries per request"),
      schema::integer("backoff_ms")
          .range(0, 3'600'000)
          .defaults(defaults.backoff_ms)
          .describe("first retry waits up to this (random), doubling each retry"),
      schema::integer("max_backoff_ms").range(0, 3'600'000).defaults(defaults.max_backoff_ms),
      schema::integer("max_wait_ms")
          .range(0, 3'600'000)
          .defaults(defaults.max_wait_ms)
          .describe("longer waits (Retry-After, rate limits) are not slept: the action is retried later"),
      schema::list("rate_limits", std::move(rate_limit))
          .defaults(empty_list())
          .describe("token buckets per key prefix, shared by every pipeline of the process; the first given wins"),
  };
  return schema::object("http", std::move(fields));
}

ConfigSchema build_pipeline_schema() {
  return {
      schema::string("client").require().describe("the client's name: lowercase letters, digits, '-' and '_'"),
      schema::string("timezone")
          .defaults("UTC")
          .describe("the brand's IANA time zone, e.g. Europe/Athens: the default for plugins' local times"),
      schema::string("store").defaults("").describe("e.g. sqlite:state/acme.db; empty = state/<client>.db"),
      schema::list("plugin_path", schema::string()).defaults(empty_list()).describe("extra plugin folders"),
      schema::list("connectors", connector_entry()).require().range(1, std::nullopt).describe("event sources"),
      schema::list("classifiers", plugin_entry()).defaults(empty_list()).describe("run in this order"),
      schema::list("responders", plugin_entry()).defaults(empty_list()).describe("run in this order"),
      policy_section(),
      engine_section(),
      http_section(),
      schema::map("routes", schema::string())
          .describe("action kind -> id of the connector that carries it out instead of the event's own, e.g. "
                    "{escalate: team} (docs/adr/0011-action-routes.md)"),
      schema::map("identities", schema::list("", schema::string()).range(1, std::nullopt))
          .describe("person -> their accounts as '<connector id>:<author id>': one author history across "
                    "platforms (docs/adr/0013-identity-links.md)"),
  };
}

/// Reads the already validated tree into the structs. Semantic checks the
/// schema cannot express (client name, action kinds with values, unique ids)
/// happen here; every read is defensive because this also runs after schema
/// errors, to report as much as possible in one go.
class PipelineReader {
 public:
  PipelineReader(PipelineConfig& pipeline, Diagnostics& errors) : pipeline_(pipeline), errors_(errors) {}

  void read(const ConfigValue& root) {
    read_client(root);
    read_timezone(root);
    pipeline_.store = root.string_or("store", "");
    read_plugin_path(root);
    read_plugins(root, "connectors", pipeline_.connectors);
    read_plugins(root, "classifiers", pipeline_.classifiers);
    read_plugins(root, "responders", pipeline_.responders);
    if (const auto* policy = root.find("policy"); policy && policy->is_map()) read_policy(*policy);
    if (const auto* engine = root.find("engine"); engine && engine->is_map()) read_engine(*engine);
    if (const auto* http = root.find("http"); http && http->is_map()) read_http(*http);
    if (const auto* routes = root.find("routes"); routes && routes->is_map()) read_routes(*routes);
    if (const auto* identities = root.find("identities"); identities && identities->is_map()) {
      std::vector<std::string> connector_ids;
      for (const auto& connector : pipeline_.connectors) connector_ids.push_back(connector.id);
      pipeline_.identities = read_identity_links(*identities, connector_ids, errors_);
    }
  }

 private:
  void read_client(const ConfigValue& root) {
    const auto* client = root.find("client");
    if (!client || !client->is_string()) return;  // the validator reported it
    pipeline_.client = client->as_string();
    if (!is_valid_client_name(pipeline_.client)) {
      errors_.push_back({client->location(), "client", "'" + pipeline_.client + "' is not a valid client name",
                         "lowercase letters, digits, '-' and '_' (it names files and databases)", ""});
    }
  }

  // Checked here, not left to the plugins that use it: a misspelt zone would
  // otherwise put a brand's opening hours in UTC without a word.
  void read_timezone(const ConfigValue& root) {
    pipeline_.timezone = root.string_or("timezone", "UTC");
    const auto* zone = root.find("timezone");
    if (!zone || !zone->is_string() || is_known_time_zone(pipeline_.timezone)) return;
    errors_.push_back({zone->location(), "timezone", "unknown time zone '" + pipeline_.timezone + "'",
                       "an IANA time zone name, e.g. Europe/Athens or UTC",
                       nearest(pipeline_.timezone, known_time_zones())});
  }

  void read_plugin_path(const ConfigValue& root) {
    const auto* folders = root.find("plugin_path");
    if (!folders || !folders->is_list()) return;
    for (const auto& folder : folders->as_list()) {
      if (!folder.is_string()) continue;
      std::filesystem::path path(folder.as_string());
      if (path.is_relative()) path = std::filesystem::path(pipeline_.dir) / path;
      pipeline_.plugin_path.push_back(path.lexically_normal().string());
    }
  }

  void read_plugins(const ConfigValue& root, const std::string& section, std::vector<PluginRef>& out) {
    const auto* entries = root.find(section);
    if (!entries || !entries->is_list()) return;
    std::size_t index = 0;
    for (const auto& entry : entries->as_list()) {
      const std::string path = item_key_path(section, index++);
      if (!entry.is_map()) continue;
      PluginRef ref;
      ref.location = entry.location();
      ref.plugin = entry.string_or("plugin", "");
      ref.id = entry.string_or("id", ref.plugin);
      if (const auto* config = entry.find("config")) ref.config = *config;
      if (ref.config.location().empty()) ref.config.set_location(ref.location);
      if (const auto* plugin = entry.find("plugin"); plugin && plugin->is_string() && ref.plugin.empty()) {
        errors_.push_back({plugin->location(), child_key_path(path, "plugin"), "empty plugin name", "", ""});
      }
      check_unique_id(entry, ref, path);
      if (const auto* flag = entry.find("actions_only"); flag && flag->is_bool()) ref.actions_only = flag->as_bool();
      if (const auto* fallbacks = entry.find("fallbacks"); fallbacks && fallbacks->is_map()) {
        read_fallbacks(*fallbacks, child_key_path(path, "fallbacks"), ref);
      }
      out.push_back(std::move(ref));
    }
  }

  /// Keys are action kinds (the schema checks only the values); a kind may
  /// not fall back on itself, nor name one replacement twice. Whether the
  /// connector can do the replacements is checked once it exists
  /// (engine/capability_check.hpp).
  void read_fallbacks(const ConfigValue& fallbacks, const std::string& path, PluginRef& ref) {
    for (const auto& [name, replacements] : fallbacks.as_map()) {
      const std::string key = child_key_path(path, name);
      const auto kind = action_kind_from_string(name);
      if (!kind) {
        std::string expected = "an action kind: ";
        for (const auto& known : action_kind_names()) expected += (expected.back() == ' ' ? "" : ", ") + known;
        errors_.push_back({replacements.location(), key, "unknown action kind '" + name + "'", expected,
                           nearest(name, action_kind_names())});
        continue;
      }
      if (!replacements.is_list()) continue;  // reported by the validator
      Fallback fallback{*kind, {}, replacements.location()};
      std::size_t index = 0;
      for (const auto& item : replacements.as_list()) {
        const std::string item_path = item_key_path(key, index++);
        const auto replacement = item.is_string() ? action_kind_from_string(item.as_string()) : std::nullopt;
        if (!replacement) continue;  // reported by the validator (one_of)
        const auto& chosen = fallback.replacements;
        if (*replacement == *kind) {
          errors_.push_back({item.location(), item_path, "'" + name + "' cannot fall back on itself",
                             "other action kinds, e.g. hide", ""});
        } else if (std::find(chosen.begin(), chosen.end(), *replacement) != chosen.end()) {
          errors_.push_back({item.location(), item_path, "'" + item.as_string() + "' is listed twice", "", ""});
        } else {
          fallback.replacements.push_back(*replacement);
        }
      }
      if (!fallback.replacements.empty()) ref.fallbacks.push_back(std::move(fallback));
    }
  }

  /// Keys are action kinds, values connector ids of this pipeline (a route
  /// to the event's own connector is allowed: it changes nothing).
  void read_routes(const ConfigValue& routes) {
    std::vector<std::string> connector_ids;
    for (const auto& connector : pipeline_.connectors) connector_ids.push_back(connector.id);
    for (const auto& [name, target] : routes.as_map()) {
      const std::string key = child_key_path("routes", name);
      const auto kind = action_kind_from_string(name);
      if (!kind) {
        std::string expected = "an action kind: ";
        for (const auto& known : action_kind_names()) expected += (expected.back() == ' ' ? "" : ", ") + known;
        errors_.push_back({target.location(), key, "unknown action kind '" + name + "'", expected,
                           nearest(name, action_kind_names())});
        continue;
      }
      if (!target.is_string()) continue;  // reported by the validator
      const std::string& id = target.as_string();
      if (std::find(connector_ids.begin(), connector_ids.end(), id) == connector_ids.end()) {
        std::string expected = "the id of one of this pipeline's connectors: ";
        for (const auto& known : connector_ids) expected += (expected.back() == ' ' ? "" : ", ") + known;
        errors_.push_back({target.location(), key, "no connector '" + id + "' in this pipeline", expected,
                           nearest(id, connector_ids)});
        continue;
      }
      pipeline_.routes.push_back({*kind, id, target.location()});
    }
  }

  void check_unique_id(const ConfigValue& entry, const PluginRef& ref, const std::string& path) {
    const auto* written_id = entry.find("id");
    const std::string key = child_key_path(path, written_id ? "id" : "plugin");
    const std::string& where = written_id ? written_id->location() : ref.location;
    if (written_id && written_id->is_string() && ref.id.empty()) {
      errors_.push_back({where, key, "empty id", "a name for this plugin instance", ""});
      return;
    }
    if (ref.id.empty()) return;
    auto [first, inserted] = ids_.emplace(ref.id, ref.location);
    if (inserted) return;
    errors_.push_back({where, key,
                       "duplicate plugin instance id '" + ref.id + "' (first used at " + first->second + ")",
                       "a unique id: add 'id:' to tell instances of the same plugin apart", ""});
  }

  void read_policy(const ConfigValue& policy) {
    if (const auto* never = policy.find("never"); never && never->is_list()) {
      for (const auto& name : never->as_list()) {
        if (!name.is_string()) continue;
        if (auto kind = action_kind_from_string(name.as_string())) pipeline_.policy.never.push_back(*kind);
        // unknown names: reported by the validator (choices)
      }
    }
    if (const auto* approvals = policy.find("require_approval"); approvals && approvals->is_list()) {
      std::size_t index = 0;
      for (const auto& item : approvals->as_list()) {
        const std::string path = item_key_path("policy.require_approval", index++);
        if (item.is_string()) read_require_approval(item, path);
      }
    }
    if (const auto* words = policy.find("public_offer_words"); words && words->is_list()) read_offer_words(*words);
    const auto* ban = policy.find("ban");
    if (!ban || !ban->is_map()) return;
    pipeline_.policy.ban_after_warnings = static_cast<int>(ban->integer_or("after_warnings", 2));
    pipeline_.policy.ban_label_threshold = ban->number_or("label_threshold", 0.8);
    if (const auto* labels = ban->find("for"); labels && labels->is_list()) {
      for (const auto& label : labels->as_list()) {
        if (label.is_string()) pipeline_.policy.ban_for.push_back(label.as_string());
      }
    }
  }

  void read_offer_words(const ConfigValue& words) {
    auto& out = pipeline_.policy.public_offer_words.emplace();
    std::size_t index = 0;
    for (const auto& word : words.as_list()) {
      const std::string path = item_key_path("policy.public_offer_words", index++);
      if (!word.is_string()) continue;  // reported by the validator
      if (word.as_string().find_first_not_of(" \t") == std::string::npos) {
        // An empty word would be in every text and block every public reply.
        errors_.push_back({word.location(), path, "empty word", "a word or stem, e.g. 'discount'", ""});
        continue;
      }
      out.push_back(word.as_string());
    }
  }

  /// "ban" or "escalate:legal" (kind, then the value of its main parameter),
  /// or "offer" (any action that offers something).
  void read_require_approval(const ConfigValue& item, const std::string& path) {
    const std::string& text = item.as_string();
    if (text == "offer") {
      pipeline_.policy.approve_offers = true;
      return;
    }
    const std::size_t colon = text.find(':');
    const std::string kind_name = text.substr(0, colon);
    const std::string value = colon == std::string::npos ? "" : text.substr(colon + 1);
    const auto kind = action_kind_from_string(kind_name);
    if (!kind) {
      const std::string suggestion = nearest(kind_name, action_kind_names());
      std::string expected = "'offer', or an action kind, optionally with ':value' (e.g. 'escalate:legal'); kinds: ";
      for (const auto& name : action_kind_names()) expected += (expected.back() == ' ' ? "" : ", ") + name;
      errors_.push_back({item.location(), path, "unknown action kind '" + kind_name + "'", expected,
                         suggestion.empty() ? "" : suggestion + (colon == std::string::npos ? "" : ":" + value)});
      return;
    }
    if (colon != std::string::npos && value.empty()) {
      errors_.push_back({item.location(), path, "empty value after ':'",
                         "'" + kind_name + "' alone, or '" + kind_name + ":value'", kind_name});
      return;
    }
    pipeline_.policy.require_approval.push_back({*kind, value});
  }

  void read_engine(const ConfigValue& engine) {
    // Ranges are checked by the schema, so these fit in an int.
    pipeline_.engine.workers = static_cast<int>(engine.integer_or("workers", 0));
    pipeline_.engine.max_attempts = static_cast<int>(engine.integer_or("max_attempts", 3));
    pipeline_.engine.retry_backoff_ms = static_cast<int>(engine.integer_or("retry_backoff_ms", 50));
    pipeline_.engine.batch_size = static_cast<int>(engine.integer_or("batch_size", 256));
    // Other values were reported by the validator (one_of).
    pipeline_.engine.clock = clock_mode_from_string(engine.string_or("clock", "wall")).value_or(ClockMode::wall);
  }

  void read_http(const ConfigValue& http) {
    auto& out = pipeline_.http;
    const HttpSettings defaults;
    out.timeout_ms = static_cast<int>(http.integer_or("timeout_ms", defaults.timeout_ms));
    out.max_attempts = static_cast<int>(http.integer_or("max_attempts", defaults.max_attempts));
    out.backoff_ms = static_cast<int>(http.integer_or("backoff_ms", defaults.backoff_ms));
    out.max_backoff_ms = static_cast<int>(http.integer_or("max_backoff_ms", defaults.max_backoff_ms));
    out.max_wait_ms = static_cast<int>(http.integer_or("max_wait_ms", defaults.max_wait_ms));
    if (const auto* cap = http.find("max_backoff_ms"); cap && out.max_backoff_ms < out.backoff_ms) {
      errors_.push_back({cap->location(), "http.max_backoff_ms",
                         "max_backoff_ms " + std::to_string(out.max_backoff_ms) + " is below backoff_ms " +
                             std::to_string(out.backoff_ms),
                         "at least backoff_ms (" + std::to_string(out.backoff_ms) + ")", ""});
    }
    const auto* rules = http.find("rate_limits");
    if (!rules || !rules->is_list()) return;
    std::map<std::string, std::string> seen;  // prefix -> location of its first rule
    std::size_t index = 0;
    for (const auto& rule : rules->as_list()) {
      const std::string path = item_key_path("http.rate_limits", index++);
      if (!rule.is_map()) continue;
      RateLimitRule read{rule.string_or("key_prefix", ""), rule.number_or("per_second", 1),
                         static_cast<int>(rule.integer_or("burst", 1)), rule.location()};
      auto [first, inserted] = seen.emplace(read.key_prefix, read.location);
      if (!inserted) {
        const auto* prefix = rule.find("key_prefix");
        errors_.push_back({prefix ? prefix->location() : rule.location(), child_key_path(path, "key_prefix"),
                           "duplicate key prefix '" + read.key_prefix + "' (first given at " + first->second + ")",
                           "one rule per key prefix", ""});
        continue;
      }
      out.rate_limits.push_back(std::move(read));
    }
  }

  PipelineConfig& pipeline_;
  Diagnostics& errors_;
  std::map<std::string, std::string> ids_;  ///< id -> location of its first use
};

std::string absolute_folder_of(const std::filesystem::path& file) {
  std::error_code error;
  std::filesystem::path absolute = std::filesystem::absolute(file, error);
  if (error) absolute = file;
  return absolute.lexically_normal().parent_path().string();
}

}  // namespace

std::vector<std::string> action_kind_names() {
  std::vector<std::string> names;
  for (auto kind : kAllActionKinds) names.emplace_back(to_string(kind));
  return names;
}

const ActionRoute* PipelineConfig::route_for(ActionKind kind) const {
  for (const auto& route : routes) {
    if (route.kind == kind) return &route;
  }
  return nullptr;
}

const ConfigSchema& pipeline_schema() {
  static const ConfigSchema schema = build_pipeline_schema();
  return schema;
}

bool is_valid_client_name(std::string_view name) {
  if (name.empty()) return false;
  for (char c : name) {
    const bool allowed = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    if (!allowed) return false;
  }
  return true;
}

PipelineLoad load_pipeline(const std::filesystem::path& file, SecretRegistry& secrets) {
  PipelineLoad load;
  YamlDocument document = load_yaml_file(file);
  load.errors = std::move(document.errors);
  if (!load.errors.empty() && document.root.is_null()) return load;  // unreadable or not YAML

  PipelineConfig pipeline;
  pipeline.file = file.string();
  pipeline.dir = absolute_folder_of(file);

  Diagnostics secret_errors = substitute_secrets(document.root, pipeline.dir, secrets);
  load.errors.insert(load.errors.end(), secret_errors.begin(), secret_errors.end());

  ConfigValue validated;
  Diagnostics schema_errors = validate_config(document.root, pipeline_schema(), "", validated);
  load.errors.insert(load.errors.end(), schema_errors.begin(), schema_errors.end());

  if (validated.is_map()) PipelineReader(pipeline, load.errors).read(validated);

  for (auto& error : load.errors) {
    if (error.location.empty()) error.location = pipeline.file;
  }
  redact_diagnostics(load.errors, secrets);
  if (load.errors.empty()) load.pipeline = std::move(pipeline);
  return load;
}

}  // namespace parley::host
