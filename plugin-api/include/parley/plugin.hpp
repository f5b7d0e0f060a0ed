// The whole plugin contract: the three plugin interfaces, the context the host
// hands to each instance, the descriptor a library exports, and the macros
// that export it. See docs/plugin-authoring.md.
//
// Rules every member follows:
// - Ownership: arguments are borrowed for the duration of the call.
// - Threading: stated per member.
// - Errors: a member may throw std::exception; the host catches it at the
//   boundary, names the plugin and event, retries with backoff and finally
//   dead-letters the event. It never crashes the pipeline.
#pragma once

#include <boost/config.hpp>
#include <boost/dll/alias.hpp>
#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "parley/action.hpp"
#include "parley/author_history.hpp"
#include "parley/case_view.hpp"
#include "parley/config.hpp"
#include "parley/event.hpp"
#include "parley/http.hpp"
#include "parley/labels.hpp"
#include "parley/version.hpp"
#include "parley/webhook.hpp"

namespace parley {

enum class LogLevel { debug, info, warn, error };

/// API 1.4. The largest value PluginContext::save_state accepts.
inline constexpr std::size_t kMaxStateValueBytes = 64 * 1024;

/// Host services for one plugin instance. Owned by the host; outlives the
/// instance. All members may be called from any thread.
class BOOST_SYMBOL_VISIBLE PluginContext {
 public:
  virtual ~PluginContext() = default;
  /// Writes to the host's log, tagged with pipeline and plugin instance.
  virtual void log(LogLevel level, std::string_view message) = 0;
  /// The pipeline's client name (e.g. "acme-coffee").
  virtual const std::string& pipeline() const = 0;
  /// This instance's id in the pipeline (e.g. "fb", or the plugin name).
  virtual const std::string& instance_id() const = 0;
  /// A path from the config made absolute against the pipeline file's folder.
  virtual std::string resolve_path(std::string_view path) const = 0;
  /// Milliseconds since the Unix epoch (a test clock in tests).
  virtual std::int64_t now_ms() const = 0;
  /// True under `--dry-run`: nothing may change on any platform.
  virtual bool dry_run() const = 0;
  /// API 1.1. The author's history for the event being classified: call it
  /// from Classifier::classify with that call's event. Outside a run (e.g.
  /// `parley classify`) or for another event it is empty.
  virtual AuthorHistory author_history(const Event& event) const {
    (void)event;
    return {};
  }
  /// API 1.3. The host's HTTP client (http.hpp): timeouts, retries, backoff,
  /// rate limits. Connectors use it instead of their own HTTP stack.
  virtual HttpClient& http() { throw std::logic_error("this context has no HTTP client"); }
  /// API 1.3. HMAC-SHA256 of `message` under `key`, as lower-case hex: what
  /// Meta's `X-Hub-Signature-256` carries after "sha256=". Compare it with
  /// constant_time_equal (webhook.hpp).
  virtual std::string hmac_sha256_hex(std::string_view key, std::string_view message) const {
    (void)key;
    (void)message;
    throw std::logic_error("this context has no HMAC");
  }
  /// API 1.3. The value this connector instance last saved under `key` with
  /// PollBatch::checkpoints (a cursor, a "since" time), as committed in the
  /// pipeline's store; nullopt when none was, and always in a constructor
  /// (the store opens after plugins are created) and under `parley check`.
  virtual std::optional<std::string> load_checkpoint(std::string_view key) const {
    (void)key;
    return std::nullopt;
  }
  /// API 1.4. The value this plugin instance last saved under `key` with
  /// save_state, or nullopt. Saved values are seen at once by every thread
  /// of this instance, and kept in the pipeline's store across restarts.
  virtual std::optional<std::string> load_state(std::string_view key) const {
    (void)key;
    return std::nullopt;
  }
  /// API 1.4. Saves a small value (a few KiB at most; kMaxStateValueBytes)
  /// under `key` for this instance. It is committed with the batch of events
  /// being handled: after a crash it goes back with those events, which are
  /// then handled again. Keep keys few (thousands, not one per event): the
  /// host keeps the values it has seen in memory. Under `parley test` each
  /// case starts with no state; in a constructor nothing is loaded yet.
  virtual void save_state(std::string_view key, std::string_view value) {
    (void)key;
    (void)value;
    throw std::logic_error("this context keeps no plugin state");
  }
  /// API 1.5. The pipeline's `timezone`: an IANA name such as
  /// "Europe/Athens" that the host has checked, or "UTC" when the pipeline
  /// sets none. The default for whatever a plugin schedules or shows in the
  /// brand's local time (opening hours, "by Monday 10:00").
  virtual const std::string& time_zone() const {
    static const std::string utc = "UTC";
    return utc;
  }
  // Append new members at the end only.
};

/// An input line or message a connector could not turn into an Event. The host
/// dead-letters it with `where` and `error`; nothing is dropped silently.
struct RejectedInput {
  std::string where;  ///< e.g. "samples/events.jsonl:17"
  std::string error;  ///< e.g. "missing required field 'id'"
  std::string raw;    ///< the input as received (may be truncated)
};

struct PollBatch {
  std::vector<Event> events;
  std::vector<RejectedInput> rejected;
  bool exhausted = false;  ///< a finite source (a file) has nothing more to give
  /// API 1.3. Cursors to save (key -> value), committed in the same
  /// transaction as this batch's events: after a crash the connector resumes
  /// from the last cursor whose events are safe. Read back with
  /// PluginContext::load_checkpoint.
  std::map<std::string, std::string> checkpoints;
};

/// Source of events and executor of actions for one platform account.
class BOOST_SYMBOL_VISIBLE Connector {
 public:
  virtual ~Connector() = default;
  /// Appends up to `max_events` events (fewer when nothing is waiting).
  /// Threading: the host's source thread only.
  virtual void poll(PollBatch& batch, std::size_t max_events) = 0;
  /// Performs an allowed action on the platform. Must be idempotent on
  /// `action.idempotency_key`: a key already done returns done again without
  /// acting twice. Never called under --dry-run.
  /// Threading: the host's executor thread only.
  virtual ActionResult execute(const Action& action) = 0;
  /// The action kinds this platform can perform. `parley check` refuses a
  /// pipeline whose policy needs another kind (unless it names a fallback).
  virtual std::vector<ActionKind> supported_actions() const = 0;
  /// API 1.3. True: the host routes webhook requests for this instance
  /// (/webhooks/<client>/<connector id>) to on_webhook. The host calls the
  /// two members below only on plugins built for API 1.3 or later.
  virtual bool receives_webhooks() const { return false; }
  /// API 1.3. Verifies one webhook request and appends the events (and
  /// rejected inputs) it carries to `batch`; the reply is what the sender
  /// gets. The host stores the batch durably before it sends a 2xx reply,
  /// and de-duplicates events by id. A bad signature: reply 401 and add
  /// nothing. Threading: the host's listener thread, one request at a time,
  /// concurrently with poll and execute.
  virtual WebhookReply on_webhook(const WebhookRequest& request, PollBatch& batch) {
    (void)request;
    (void)batch;
    return {404, "text/plain", "no webhooks here", "connector does not receive webhooks"};
  }
};

/// Adds labels to an event. Classifiers run in the configured order and see
/// the labels of the ones before them.
/// Threading: `classify` is called concurrently with distinct events.
class BOOST_SYMBOL_VISIBLE Classifier {
 public:
  virtual ~Classifier() = default;
  virtual void classify(const Event& event, Labels& labels) = 0;
};

/// Proposes actions for an event, each with a reason and a rule id. The host's
/// policy guard decides what is executed.
/// Threading: `respond` is called concurrently with events of distinct cases;
/// events of one case come in order.
class BOOST_SYMBOL_VISIBLE Responder {
 public:
  virtual ~Responder() = default;
  virtual void respond(const Event& event, const Labels& labels, const CaseView& case_view,
                       std::vector<Action>& proposals) = 0;
  /// API 1.3. Every action kind this instance may ever propose, as its
  /// config allows; `parley check` refuses a pipeline whose connector can do
  /// one of them neither itself nor through a fallback. nullopt: not declared
  /// (the host cannot check, and blocks such an action at run time instead).
  /// The host calls it only on plugins built for API 1.3 or later, once, at
  /// start-up. Threading: any one thread.
  virtual std::optional<std::vector<ActionKind>> possible_actions() const { return std::nullopt; }
};

enum class PluginKind : std::uint32_t { connector = 1, classifier = 2, responder = 3 };

inline constexpr std::string_view to_string(PluginKind kind) {
  switch (kind) {
    case PluginKind::connector: return "connector";
    case PluginKind::classifier: return "classifier";
    case PluginKind::responder: return "responder";
  }
  return "unknown";
}

/// What a plugin library exports (through PARLEY_PLUGIN). Append-only: new
/// members go at the end and `size` tells the host which ones a plugin has.
/// Required: every member up to and including the factory matching `kind`.
struct PluginDescriptor {
  std::uint32_t size;             ///< sizeof(PluginDescriptor) when the plugin was built
  std::uint16_t api_major;        ///< PARLEY_API_MAJOR of the plugin's build
  std::uint16_t api_minor;        ///< PARLEY_API_MINOR of the plugin's build
  const char* build_fingerprint;  ///< PARLEY_BUILD_FINGERPRINT of the plugin's build
  PluginKind kind;
  const char* name;                 ///< unique, lower-case, e.g. "keywords"
  const char* version;              ///< the plugin's own version, e.g. "1.2.0"
  const char* summary;              ///< one line for `parley plugins`
  ConfigSchema (*config_schema)();  ///< the fields of its YAML `config:` section
  /// Exactly one factory is set, the one matching `kind`. Called with a
  /// validated config (defaults filled in). May throw to refuse a config.
  std::unique_ptr<Connector> (*create_connector)(const ConfigValue& config, PluginContext& context);
  std::unique_ptr<Classifier> (*create_classifier)(const ConfigValue& config, PluginContext& context);
  std::unique_ptr<Responder> (*create_responder)(const ConfigValue& config, PluginContext& context);
};

namespace detail {
template <typename Interface, typename Implementation>
std::unique_ptr<Interface> create(const ConfigValue& config, PluginContext& context) {
  return std::make_unique<Implementation>(config, context);
}
}  // namespace detail

}  // namespace parley

/// Exports one plugin from a shared library. `CLASS` implements the interface
/// of `KIND` (connector, classifier or responder) and has a constructor
/// `CLASS(const parley::ConfigValue&, parley::PluginContext&)`; `SCHEMA` is a
/// function returning its parley::ConfigSchema. Use once per library, at
/// global scope:
///   PARLEY_PLUGIN(classifier, KeywordsClassifier, "keywords", "1.0.0",
///                 "Word and phrase lists to labels", keywords_schema)
#define PARLEY_PLUGIN(KIND, CLASS, NAME, VERSION, SUMMARY, SCHEMA) \
  namespace {                                                      \
  const ::parley::PluginDescriptor* parley_describe_plugin() {     \
    static const ::parley::PluginDescriptor descriptor = {         \
        sizeof(::parley::PluginDescriptor),                        \
        PARLEY_API_MAJOR,                                          \
        PARLEY_API_MINOR,                                          \
        PARLEY_BUILD_FINGERPRINT,                                  \
        ::parley::PluginKind::KIND,                                \
        NAME,                                                      \
        VERSION,                                                   \
        SUMMARY,                                                   \
        &SCHEMA,                                                   \
        PARLEY_DETAIL_FACTORY_connector_##KIND(CLASS),             \
        PARLEY_DETAIL_FACTORY_classifier_##KIND(CLASS),            \
        PARLEY_DETAIL_FACTORY_responder_##KIND(CLASS),             \
    };                                                             \
    return &descriptor;                                            \
  }                                                                \
  }                                                                \
  BOOST_DLL_ALIAS(parley_describe_plugin, parley_plugin)

// Picks the factory slot matching KIND and leaves the others null.
#define PARLEY_DETAIL_FACTORY_connector_connector(CLASS) &::parley::detail::create<::parley::Connector, CLASS>
#define PARLEY_DETAIL_FACTORY_connector_classifier(CLASS) nullptr
#define PARLEY_DETAIL_FACTORY_connector_responder(CLASS) nullptr
#define PARLEY_DETAIL_FACTORY_classifier_connector(CLASS) nullptr
#define PARLEY_DETAIL_FACTORY_classifier_classifier(CLASS) &::parley::detail::create<::parley::Classifier, CLASS>
#define PARLEY_DETAIL_FACTORY_classifier_responder(CLASS) nullptr
#define PARLEY_DETAIL_FACTORY_responder_connector(CLASS) nullptr
#define PARLEY_DETAIL_FACTORY_responder_classifier(CLASS) nullptr
#define PARLEY_DETAIL_FACTORY_responder_responder(CLASS) &::parley::detail::create<::parley::Responder, CLASS>
