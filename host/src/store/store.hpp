// Store: the host's durable state for one pipeline. SQLite is the embedded
// default (sqlite_store.hpp); PostgreSQL comes later behind the same interface.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <parley/action.hpp>
#include <parley/event.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace parley::host {

enum class OutboxStatus {
  pending,           ///< allowed by the guard, not yet executed
  pending_approval,  ///< parked by policy.require_approval
  done,
  failed,    ///< the platform refused it for good, or retries ran out
  blocked,   ///< refused by the guard; never executed
  dry_run,   ///< allowed, but the run was a dry run
  rejected,  ///< parked, then rejected by a person; never executed
};

std::string_view to_string(OutboxStatus status);
OutboxStatus outbox_status_from_string(std::string_view text);

struct OutboxEntry {
  /// Assigned by the store to entries whose status can still change; 0 for
  /// blocked and dry_run ones, which are final when recorded.
  std::int64_t id = 0;
  std::string connector_id;
  std::string event_id;
  Action action;  ///< action.idempotency_key is the entry's unique key
  OutboxStatus status = OutboxStatus::pending;
  std::string note;  ///< the guard's reason, or the platform's error
  int attempts = 0;
  std::string platform_id;
  std::int64_t created_at = 0;  ///< ms since epoch; read from the store
};

/// A person's decision on a parked action (`parley approvals`).
struct ApprovalDecision {
  std::int64_t outbox_id = 0;
  bool approve = false;  ///< true: approved (then executed); false: rejected
  std::string by;        ///< who decided; required
  std::string note;
  std::int64_t decided_at = 0;  ///< ms since epoch; set by the store
};

std::string_view decision_name(const ApprovalDecision& decision);  ///< "approved" or "rejected"

struct DecideResult {
  enum class Outcome {
    decided,     ///< this call moved it out of pending_approval
    not_parked,  ///< it exists but was no longer waiting: see `entry.status` and `earlier`
    unknown_id,
  };
  Outcome outcome = Outcome::unknown_id;
  std::optional<OutboxEntry> entry;  ///< as it is after the call
  /// The decision on record: this one when decided; when not_parked, the
  /// one that came first (none if the entry was never parked, e.g. blocked).
  std::optional<ApprovalDecision> decision;
};

struct AuthorState {
  int events = 0;
  int warnings = 0;
  bool banned = false;
  std::vector<std::int64_t> complaint_times;  ///< ms, oldest first; see author_memory.hpp
  std::string customer_tier;
  int concessions = 0;  ///< allowed actions carrying params["offer"]
  /// A linked person's row (engine/author_identity.hpp): the accounts
  /// ("connector:author") banned; `banned` is then about the event's account.
  std::vector<std::string> banned_on = {};
};

struct CaseState {
  std::string status = "new";
  int events = 0;
  std::vector<std::string> last_actions;  ///< most recent last, at most kMaxLastActions
  static constexpr std::size_t kMaxLastActions = 10;
  std::string origin_event_id;         ///< the case's first event
  std::int64_t opened_at = 0;          ///< its created_at (ms)
  std::int64_t status_since = 0;       ///< engine clock when `status` was entered
  std::int64_t first_response_at = 0;  ///< first allowed reply_public/reply_private; 0 = none yet
  int open_timers = 0;                 ///< follow_up timers set and not fired yet
};

/// A case moving from one status to another, and what moved it.
struct CaseTransition {
  std::string case_key;
  std::string from;
  std::string to;
  std::string event_id;
  std::string rule_id;
  std::int64_t at = 0;  ///< engine clock, ms
};

/// A durable follow_up timer (docs/plugin-authoring.md, "Timers").
struct Timer {
  std::string key;  ///< the follow_up's idempotency key; the timer event is "timer:<key>"
  std::string case_key;
  std::string connector_id;  ///< of the event it was set for; the timer event's actions go there
  std::string event_id;      ///< the event it was set for
  std::string event_json;    ///< that event's fields the timer event copies (timer_event.hpp)
  std::string purpose;
  std::string rule_id;
  std::int64_t set_at = 0;  ///< engine clock, ms
  std::int64_t due_at = 0;
  bool fired = false;
};

/// One event seen in a thread, for thread.replies_since when a timer fires.
struct ThreadActivity {
  std::string thread_id;  ///< empty: the event belongs to no thread, nothing is kept
  bool is_brand = false;
  std::int64_t created_at = 0;
};

/// Events in a thread by authors other than the case's, since a time.
struct ThreadCounts {
  int replies = 0;        ///< by non-brand authors
  int brand_replies = 0;  ///< by the brand
};

/// Everything one handled event changes. Committed atomically with the event
/// marked as seen, so a crash either keeps all of it or none.
struct EventOutcome {
  std::string event_id;
  std::string connector_id;
  std::string case_key;
  std::string account;
  std::string author_id;
  /// The `authors` row `author_after` goes to: account/author_id, or the
  /// linked person's (engine/author_identity.hpp).
  std::string memory_account, memory_author_id;
  std::int64_t at = 0;  ///< engine clock when the event was handled
  CaseState case_after;
  AuthorState author_after;
  std::string audit_json;  ///< event, labels, proposals, guard decisions
  std::vector<OutboxEntry> actions;
  std::vector<CaseTransition> transitions;
  std::vector<Timer> timers_set;  ///< by allowed follow_up actions
  std::string timer_fired;        ///< key of the timer this timer event fires; empty for other events
  ThreadActivity activity;
};

/// What became of a dead letter (`parley dead-letters`).
enum class DeadLetterStatus {
  open,       ///< nobody has dealt with it yet
  retried,    ///< its action was executed again (a new failure is a new letter)
  requeued,   ///< its event waits in the inbox for the next run
  discarded,  ///< a person dealt with it outside Parley, with a note
};

struct DeadLetter {
  std::string stage;  ///< input, poll, classify, respond, execute
  std::string plugin;
  std::string event_id;
  std::string location;  ///< input: file:line; poll: connector id; execute: the action's idempotency key
  std::string error;
  std::string raw;
  std::int64_t created_at = 0;
  std::int64_t id = 0;         ///< set by the store
  std::string connector_id{};  ///< classify, respond: the event's connector, where a requeued event goes
  std::string event_json{};    ///< classify, respond: the event as Parley read it (event_json.hpp)
  DeadLetterStatus status = DeadLetterStatus::open;
  std::string resolved_by{};  ///< who retried, requeued or discarded it
  std::string resolution_note{};
  std::int64_t resolved_at = 0;
};

std::string_view to_string(DeadLetterStatus status);
std::optional<DeadLetterStatus> dead_letter_status_from_string(std::string_view text);

/// Who deals with a dead letter, and why (recorded with it).
struct DeadLetterResolution {
  DeadLetterStatus status = DeadLetterStatus::discarded;
  std::string by;
  std::string note;
};

struct AuditRecord {
  std::string event_id;
  std::string case_key;
  std::string record_json;
};

/// A connector's saved cursor (PollBatch::checkpoints), pipeline-local.
struct Checkpoint {
  std::string connector_id;
  std::string key;
  std::string value;
};

/// A plugin instance's saved value (PluginContext::save_state), pipeline-local.
struct PluginStateValue {
  std::string instance_id;
  std::string key;
  std::string value;
};

/// What one webhook delivery stores before the sender gets its 2xx: the
/// events wait in the inbox until the engine handles them.
struct InboxDelivery {
  std::string connector_id;
  std::vector<Event> events;
  /// Inputs the connector rejected, as dead letters (stage "input"); one
  /// whose event_id is already seen is skipped, like a polled input's.
  std::vector<DeadLetter> dead_letters;
  std::map<std::string, std::string> checkpoints;  ///< key -> value, for this connector
};

/// An event in the inbox: delivered by a webhook, not handled yet.
struct InboxEvent {
  std::string connector_id;
  Event event;
  std::int64_t received_at = 0;  ///< ms since the epoch
};

/// What approving a parked entry changes besides its status: the state
/// effects the engine would have applied had the guard allowed the action
/// (engine/approval_effects.hpp). Called inside Store::decide's transaction,
/// so it reads the state as that transaction sees it; its outcome's case,
/// author, transitions, timers set and the status of its `actions` are
/// written there. nullopt changes nothing more.
using ApprovalEffects = std::function<std::optional<EventOutcome>(const OutboxEntry& approved)>;

/// Threading: every member may be called from any thread; the store serialises.
class Store {
 public:
  virtual ~Store() = default;

  /// A second connection to the same state, on which another thread may
  /// commit while this one reads (the engine commits one batch while it
  /// handles the next). nullptr when the state has no second connection (in
  /// memory): the engine then commits each batch before the next.
  virtual std::unique_ptr<Store> open_another_connection() { return nullptr; }
  /// From begin_reads() to end_reads() every read sees one snapshot of the
  /// committed state (SQLite: one read transaction instead of one per
  /// statement), for the many reads of a batch. Nothing may write through
  /// this store meanwhile. Default: nothing.
  virtual void begin_reads() {}
  virtual void end_reads() {}

  virtual bool seen(const std::string& event_id) = 0;
  virtual CaseState load_case(const std::string& case_key) = 0;
  virtual AuthorState load_author(const std::string& account, const std::string& author_id) = 0;

  /// One transaction for a batch: outcomes (events seen, cases, authors,
  /// audit, outbox entries, whose ids are filled in (0 for blocked and
  /// dry_run ones, and for a key the outbox already had), case transitions, timers
  /// set and fired, thread activity) and dead letters (their event ids are
  /// marked seen too).
  /// Also removes each outcome's and dead letter's event from the inbox, and
  /// saves `checkpoints` (the cursors of the connectors that gave the batch)
  /// and `plugin_state` (what plugins saved while handling it).
  virtual void commit(std::vector<EventOutcome>& outcomes, const std::vector<DeadLetter>& dead_letters,
                      const std::vector<Checkpoint>& checkpoints,
                      const std::vector<PluginStateValue>& plugin_state) = 0;
  void commit(std::vector<EventOutcome>& outcomes, const std::vector<DeadLetter>& dead_letters,
              const std::vector<Checkpoint>& checkpoints) {
    commit(outcomes, dead_letters, checkpoints, {});
  }
  void commit(std::vector<EventOutcome>& outcomes, const std::vector<DeadLetter>& dead_letters) {
    commit(outcomes, dead_letters, {}, {});
  }

  /// The id of the latest approval decision, 0 when none.
  virtual std::int64_t latest_approval_id() = 0;
  /// commit(), unless an approval was decided after `approval_id` (read
  /// before the batch was handled, so the batch may hold an older copy of a
  /// case or author the approval changed): then nothing is written and it
  /// returns false, and the engine handles the batch again.
  virtual bool commit_unless_approved_after(std::int64_t approval_id, std::vector<EventOutcome>& outcomes,
                                            const std::vector<DeadLetter>& dead_letters,
                                            const std::vector<Checkpoint>& checkpoints,
                                            const std::vector<PluginStateValue>& plugin_state) = 0;

  /// Outbox entries in that status, oldest first. Blocked and dry_run ones
  /// are read out of the events' records: for people and tests, not a loop.
  virtual std::vector<OutboxEntry> outbox(OutboxStatus status) = 0;
  virtual void update_outbox(const OutboxEntry& entry) = 0;
  virtual void add_dead_letter(const DeadLetter& letter) = 0;

  /// Every dead letter, oldest first.
  virtual std::vector<DeadLetter> dead_letters() = 0;
  /// One dead letter by id.
  virtual std::optional<DeadLetter> dead_letter(std::int64_t id) = 0;
  /// Compare-and-set: only an open letter moves to `resolution.status`
  /// (retried or discarded). False when it is not open (any more).
  virtual bool resolve_dead_letter(std::int64_t id, const DeadLetterResolution& resolution) = 0;
  /// One transaction: an open classify/respond letter with its event moves to
  /// requeued, its event is no longer seen and waits in the inbox of its
  /// connector, so the next run handles it like a new delivery. False when
  /// the letter is not open or has no event.
  virtual bool requeue_dead_letter(std::int64_t id, const std::string& by, const std::string& note) = 0;
  virtual std::vector<AuditRecord> audit() = 0;

  /// One outbox entry by id, whatever its status.
  virtual std::optional<OutboxEntry> outbox_entry(std::int64_t id) = 0;
  /// Compare-and-set, in one transaction with the decision's record: only an
  /// entry in pending_approval moves, to pending (approve: executed next, by
  /// the caller or, if it is interrupted, by the next run's recovery) or to
  /// rejected. Any later decision on the same entry gets not_parked. An
  /// approval also commits what `effects` returns, in the same transaction:
  /// a crash keeps the decision and its state changes, or neither.
  virtual DecideResult decide(ApprovalDecision decision, const ApprovalEffects& effects) = 0;
  /// A decision that changes nothing but the entry's status.
  DecideResult decide(ApprovalDecision decision) { return decide(std::move(decision), ApprovalEffects{}); }
  /// Decisions on one outbox entry, oldest first.
  virtual std::vector<ApprovalDecision> approval_decisions(std::int64_t outbox_id) = 0;
  /// The audit record of one event (one per event: a requeued event's new
  /// record replaces the failed attempt's, whose error stays in its dead letter).
  virtual std::optional<AuditRecord> audit_of_event(const std::string& event_id) = 0;
  /// Timers not fired yet with due_at <= `now_ms`, in due order (then key), at most `limit`.
  virtual std::vector<Timer> due_timers(std::int64_t now_ms, std::size_t limit) = 0;
  /// Every timer, fired or not, in due order.
  virtual std::vector<Timer> timers() = 0;
  /// Committed events in `account`/`thread_id` by authors other than
  /// `author_id` with created_at after `since_ms`.
  virtual ThreadCounts thread_counts(const std::string& account, const std::string& thread_id,
                                     const std::string& author_id, std::int64_t since_ms) = 0;
  /// Every recorded case transition, oldest first.
  virtual std::vector<CaseTransition> transitions() = 0;
  /// The transitions of one case, oldest first.
  virtual std::vector<CaseTransition> case_transitions(const std::string& case_key) = 0;

  /// The engine clock (events mode) of earlier runs; 0 when none was saved.
  virtual std::int64_t load_clock() = 0;
  /// Saves `ms` if later than the saved clock (the clock never goes back).
  virtual void save_clock(std::int64_t ms) = 0;

  /// One transaction: the delivery's events not yet seen nor in the inbox
  /// go into the inbox, its dead letters and checkpoints are recorded.
  /// Returns how many events were new. Throws when nothing could be stored.
  virtual std::size_t add_to_inbox(const InboxDelivery& delivery) = 0;
  /// The connector's inbox events not seen yet, oldest first, at most `limit`.
  virtual std::vector<InboxEvent> inbox(const std::string& connector_id, std::size_t limit) = 0;
  /// The value last committed for the connector's `key`; nullopt when none.
  virtual std::optional<std::string> load_checkpoint(const std::string& connector_id, const std::string& key) = 0;
  /// What plugin instance `instance_id` last saved under `key` (PluginContext::load_state).
  virtual std::optional<std::string> load_plugin_state(const std::string& instance_id, const std::string& key) = 0;
};

}  // namespace parley::host
