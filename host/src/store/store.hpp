// Store: the host's durable state for one pipeline. SQLite is the embedded
// default (sqlite_store.hpp); PostgreSQL comes later behind the same interface.
#pragma once

#include <cstdint>
#include <optional>
#include <parley/action.hpp>
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
  std::int64_t id = 0;  ///< assigned by the store
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
};

struct CaseState {
  std::string status = "new";
  int events = 0;
  std::vector<std::string> last_actions;  ///< most recent last, at most kMaxLastActions
  static constexpr std::size_t kMaxLastActions = 10;
};

/// Everything one handled event changes. Committed atomically with the event
/// marked as seen, so a crash either keeps all of it or none.
struct EventOutcome {
  std::string event_id;
  std::string connector_id;
  std::string case_key;
  std::string account;
  std::string author_id;
  CaseState case_after;
  AuthorState author_after;
  std::string audit_json;  ///< event, labels, proposals, guard decisions
  std::vector<OutboxEntry> actions;
};

struct DeadLetter {
  std::string stage;  ///< input, poll, classify, respond, execute
  std::string plugin;
  std::string event_id;
  std::string location;  ///< e.g. input file:line
  std::string error;
  std::string raw;
  std::int64_t created_at = 0;
};

struct AuditRecord {
  std::string event_id;
  std::string case_key;
  std::string record_json;
};

/// Threading: every member may be called from any thread; the store serialises.
class Store {
 public:
  virtual ~Store() = default;

  virtual bool seen(const std::string& event_id) = 0;
  virtual CaseState load_case(const std::string& case_key) = 0;
  virtual AuthorState load_author(const std::string& account, const std::string& author_id) = 0;

  /// One transaction for a batch: outcomes (events seen, cases, authors,
  /// audit, outbox entries, whose ids are filled in) and dead letters (their
  /// event ids are marked seen too).
  virtual void commit(std::vector<EventOutcome>& outcomes, const std::vector<DeadLetter>& dead_letters) = 0;

  /// Outbox entries in that status, oldest first.
  virtual std::vector<OutboxEntry> outbox(OutboxStatus status) = 0;
  virtual void update_outbox(const OutboxEntry& entry) = 0;
  virtual void add_dead_letter(const DeadLetter& letter) = 0;

  virtual std::vector<DeadLetter> dead_letters() = 0;
  virtual std::vector<AuditRecord> audit() = 0;

  /// One outbox entry by id, whatever its status.
  virtual std::optional<OutboxEntry> outbox_entry(std::int64_t id) = 0;
  /// Compare-and-set, in one transaction with the decision's record: only an
  /// entry in pending_approval moves, to pending (approve: executed next, by
  /// the caller or, if it is interrupted, by the next run's recovery) or to
  /// rejected. Any later decision on the same entry gets not_parked.
  virtual DecideResult decide(ApprovalDecision decision) = 0;
  /// Decisions on one outbox entry, oldest first.
  virtual std::vector<ApprovalDecision> approval_decisions(std::int64_t outbox_id) = 0;
  /// The audit record of one event (the latest, should there be several).
  virtual std::optional<AuditRecord> audit_of_event(const std::string& event_id) = 0;
};

}  // namespace parley::host
