// EventHandler: one event through classifiers, responders and the guard,
// producing what the store commits. One handler per shard: it owns the case
// and author state of its shard, so events of one author are handled in
// order by one thread and their state is never shared.
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <unordered_map>

#include "engine/author_identity.hpp"
#include "engine/pipeline_runtime.hpp"
#include "engine/plugin_call.hpp"
#include "store/store.hpp"

namespace parley::host {

struct HandledEvent {
  Event event;
  std::string connector_id;
  /// Set before handle() to override what the classifiers said: these scores
  /// and attributes replace theirs after they ran (`parley test` cases).
  Labels injected;
  std::optional<Timer> timer;  ///< set for a `timer` event: the timer it fires
  Labels labels;
  std::string case_key;         ///< filled from the event unless set (a timer event's is its timer's)
  AuthorIdentity author = {};   ///< whose memory the event updates; set by the engine when it shards the batch
  std::int64_t handled_at = 0;  ///< engine clock when it was handled (EngineClock::event_now)
  CaseView case_before;
  std::vector<Substitution> substitutions;  ///< proposals replaced by the connector's fallbacks
  std::vector<GuardDecision> decisions;
  /// Idempotency key -> connector id, for the actions `routes:` sends to
  /// another connector than the event's own.
  std::map<std::string, std::string> routed = {};
  std::optional<DeadLetter> failure;  ///< a plugin failed on every attempt
  EventOutcome outcome;

  /// Back to what it was before handle(), to be handled again.
  void clear_results();
};

/// "account/author/thread" — one conversation with one person.
std::string case_key(const Event& event);

/// Runs the classifiers in order. Returns the failing plugin and error, or nullopt.
std::optional<DeadLetter> classify(const PipelineRuntime& runtime, const Event& event, Labels& labels,
                                   const RetryPolicy& retry);

/// Sets every score and attribute of `injected` in `labels`, replacing theirs.
void apply_injected(const Labels& injected, Labels& labels);

class EventHandler {
 public:
  EventHandler(const PipelineRuntime& runtime, Store& store, RetryPolicy retry, bool dry_run);

  /// Fills everything in `item` from `item.event` and `item.connector_id`.
  void handle(HandledEvent& item);

  /// Drops the case and author state kept from earlier batches, so the next
  /// event starts from what is committed, including what `parley approvals`
  /// changed while this run was going on.
  void forget_state();
  /// Keeps the state left by the batch just handled, whose commit is still
  /// going on: the next batch reads a case or author that batch touched from
  /// here, the rest from the store. Older state is dropped (it is committed).
  void carry_state_over();

 private:
  CaseState& case_state(const std::string& key);
  AuthorState& author_state(const AuthorIdentity& author);
  void record(HandledEvent& item, CaseState& case_state, AuthorState& author_state);

  const PipelineRuntime& runtime_;
  Store& store_;
  RetryPolicy retry_;
  bool dry_run_;
  std::unordered_map<std::string, CaseState> cases_;
  std::unordered_map<std::string, AuthorState> authors_;
  /// The batch before this one, not committed yet (carry_state_over()).
  std::unordered_map<std::string, CaseState> uncommitted_cases_;
  std::unordered_map<std::string, AuthorState> uncommitted_authors_;
};

/// Scores as a JSON object, name -> score.
nlohmann::json labels_json(const Labels& labels);
/// Attributes as a JSON object, name -> value.
nlohmann::json attributes_json(const Labels& labels);

}  // namespace parley::host
