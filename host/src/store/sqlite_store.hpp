// SqliteStore: the embedded default store, one SQLite file per pipeline (WAL).
#pragma once

#include <filesystem>
#include <memory>
#include <mutex>
#include <string>

#include "store/store.hpp"

struct sqlite3;
struct sqlite3_stmt;

namespace parley::host {

class SqliteStore final : public Store {
 public:
  /// Opens (creating if needed) the database file; ":memory:" for a private
  /// in-memory store. Throws std::runtime_error naming the file on failure.
  static std::unique_ptr<SqliteStore> open(const std::filesystem::path& file);

  /// A private in-memory copy of the file's current state (the file is not
  /// changed afterwards): what --dry-run uses, so a dry run sees the real
  /// history and leaves no trace. A missing file gives an empty store.
  static std::unique_ptr<SqliteStore> open_snapshot(const std::filesystem::path& file);

  ~SqliteStore() override;
  SqliteStore(const SqliteStore&) = delete;
  SqliteStore& operator=(const SqliteStore&) = delete;

  /// Another connection to the same file; nullptr for ":memory:" (a
  /// private database another connection cannot see).
  std::unique_ptr<Store> open_another_connection() override;
  void begin_reads() override;
  void end_reads() override;
  bool seen(const std::string& event_id) override;
  CaseState load_case(const std::string& case_key) override;
  AuthorState load_author(const std::string& account, const std::string& author_id) override;
  using Store::commit;
  void commit(std::vector<EventOutcome>& outcomes, const std::vector<DeadLetter>& dead_letters,
              const std::vector<Checkpoint>& checkpoints, const std::vector<PluginStateValue>& plugin_state) override;
  std::int64_t latest_approval_id() override;
  bool commit_unless_approved_after(std::int64_t approval_id, std::vector<EventOutcome>& outcomes,
                                    const std::vector<DeadLetter>& dead_letters,
                                    const std::vector<Checkpoint>& checkpoints,
                                    const std::vector<PluginStateValue>& plugin_state) override;
  std::vector<OutboxEntry> outbox(OutboxStatus status) override;
  void update_outbox(const OutboxEntry& entry) override;
  void add_dead_letter(const DeadLetter& letter) override;
  std::vector<DeadLetter> dead_letters() override;
  std::optional<DeadLetter> dead_letter(std::int64_t id) override;
  bool resolve_dead_letter(std::int64_t id, const DeadLetterResolution& resolution) override;
  bool requeue_dead_letter(std::int64_t id, const std::string& by, const std::string& note) override;
  std::vector<AuditRecord> audit() override;
  std::optional<OutboxEntry> outbox_entry(std::int64_t id) override;
  using Store::decide;
  DecideResult decide(ApprovalDecision decision, const ApprovalEffects& effects) override;
  std::vector<ApprovalDecision> approval_decisions(std::int64_t outbox_id) override;
  std::optional<AuditRecord> audit_of_event(const std::string& event_id) override;
  std::vector<Timer> due_timers(std::int64_t now_ms, std::size_t limit) override;
  std::vector<Timer> timers() override;
  ThreadCounts thread_counts(const std::string& account, const std::string& thread_id, const std::string& author_id,
                             std::int64_t since_ms) override;
  std::vector<CaseTransition> transitions() override;
  std::vector<CaseTransition> case_transitions(const std::string& case_key) override;
  std::int64_t load_clock() override;
  void save_clock(std::int64_t ms) override;
  std::size_t add_to_inbox(const InboxDelivery& delivery) override;
  std::vector<InboxEvent> inbox(const std::string& connector_id, std::size_t limit) override;
  std::optional<std::string> load_checkpoint(const std::string& connector_id, const std::string& key) override;
  std::optional<std::string> load_plugin_state(const std::string& instance_id, const std::string& key) override;

 private:
  explicit SqliteStore(sqlite3* db, std::string name);
  void create_schema();
  void migrate_from(int version);
  void migrate_to_3();
  void migrate_to_5();
  void migrate_to_8();
  void move_settled_actions_out_of_outbox();
  void add_column(const char* table, const char* column, const char* definition);
  /// commit(); with `approval_id`, only if no approval came after it.
  bool commit_batch(std::optional<std::int64_t> approval_id, std::vector<EventOutcome>& outcomes,
                    const std::vector<DeadLetter>& dead_letters, const std::vector<Checkpoint>& checkpoints,
                    const std::vector<PluginStateValue>& plugin_state);
  std::int64_t latest_approval_id_locked();
  void write_handled(EventOutcome& outcome, std::int64_t now);
  void mark_seen(const std::string& event_id, const std::string& connector_id, std::int64_t now);
  bool inbox_has_events();
  void write_case_and_author(const EventOutcome& outcome, std::int64_t now);
  void commit_lifecycle(const EventOutcome& outcome);
  void apply_approval_effects(const ApprovalDecision& decision, const ApprovalEffects& effects);
  void exec(const char* sql);
  std::int64_t page_size();
  sqlite3_stmt* statement(const char* sql);
  void insert_dead_letter(const DeadLetter& letter);
  void remove_from_inbox(const std::string& event_id);
  void save_checkpoint(const Checkpoint& checkpoint, std::int64_t now);
  void save_plugin_state(const PluginStateValue& saved, std::int64_t now);
  [[noreturn]] void fail(const std::string& what) const;

  sqlite3* db_;
  std::string name_;
  std::recursive_mutex mutex_;
  struct StatementCache;
  std::unique_ptr<StatementCache> statements_;
};

}  // namespace parley::host
