#include "store/sqlite_store.hpp"

#include <sqlite3.h>

#include <chrono>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <unordered_map>

#include "json/json_writer.hpp"
#include "store/action_json.hpp"
#include "store/event_json.hpp"
#include "store/sqlite_statement.hpp"

namespace parley::host {

using namespace sqlite;

namespace {

OutboxEntry read_outbox_row(sqlite3_stmt* statement) {
  OutboxEntry entry;
  entry.id = sqlite3_column_int64(statement, 0);
  entry.connector_id = column_text(statement, 1);
  entry.event_id = column_text(statement, 2);
  entry.action = action_from_json(nlohmann::json::parse(column_text(statement, 3)));
  entry.status = outbox_status_from_string(column_text(statement, 4));
  entry.note = column_text(statement, 5);
  entry.attempts = sqlite3_column_int(statement, 6);
  entry.platform_id = column_text(statement, 7);
  entry.created_at = sqlite3_column_int64(statement, 8);
  return entry;
}

constexpr const char* kSelectOutbox =
    "SELECT id, connector, event_id, action, status, note, attempts, platform_id, created_at FROM outbox ";

ApprovalDecision read_decision_row(sqlite3_stmt* statement) {
  ApprovalDecision decision;
  decision.outbox_id = sqlite3_column_int64(statement, 0);
  decision.approve = column_text(statement, 1) == "approved";
  decision.by = column_text(statement, 2);
  decision.note = column_text(statement, 3);
  decision.decided_at = sqlite3_column_int64(statement, 4);
  return decision;
}

/// A list column's text, written directly: three per event, each an
/// nlohmann tree before (docs/performance.md, "One row per handled event").
template <typename Item>
std::string json_array(const std::vector<Item>& items) {
  JsonWriter json;
  json.begin_array();
  for (const auto& item : items) json.value(item);
  json.end_array();
  return json.take();
}

/// A list column read back; most are empty ("[]"), which skips the parser.
template <typename Item>
std::vector<Item> list_from_json(const std::string& text) {
  if (text == "[]") return {};
  return nlohmann::json::parse(text).get<std::vector<Item>>();
}

/// Statuses final when the guard decides them: kept in the event's handled
/// row, not the outbox (docs/adr/0018-one-row-per-event-store.md).
bool is_settled(OutboxStatus status) { return status == OutboxStatus::blocked || status == OutboxStatus::dry_run; }

constexpr int kReadWrite = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;

/// A connection to `name`, or an error naming it ("cannot <verb> state database ...").
sqlite3* open_connection(const std::string& name, int flags, const char* verb) {
  sqlite3* db = nullptr;
  const int code = sqlite3_open_v2(name.c_str(), &db, flags, nullptr);
  if (code != SQLITE_OK) {
    const std::string message = db ? sqlite3_errmsg(db) : sqlite3_errstr(code);
    sqlite3_close(db);
    throw std::runtime_error(std::string("cannot ") + verb + " state database " + name + ": " + message);
  }
  return db;
}

}  // namespace

std::string_view to_string(OutboxStatus status) {
  switch (status) {
    case OutboxStatus::pending: return "pending";
    case OutboxStatus::pending_approval: return "pending_approval";
    case OutboxStatus::done: return "done";
    case OutboxStatus::failed: return "failed";
    case OutboxStatus::blocked: return "blocked";
    case OutboxStatus::dry_run: return "dry_run";
    case OutboxStatus::rejected: return "rejected";
  }
  return "pending";
}

std::string_view decision_name(const ApprovalDecision& decision) { return decision.approve ? "approved" : "rejected"; }

OutboxStatus outbox_status_from_string(std::string_view text) {
  for (auto status : {OutboxStatus::pending, OutboxStatus::pending_approval, OutboxStatus::done, OutboxStatus::failed,
                      OutboxStatus::blocked, OutboxStatus::dry_run, OutboxStatus::rejected}) {
    if (to_string(status) == text) return status;
  }
  throw std::invalid_argument("unknown outbox status '" + std::string(text) + "'");
}

struct SqliteStore::StatementCache {
  std::unordered_map<const char*, sqlite3_stmt*> by_sql;
  ~StatementCache() {
    for (auto& [sql, statement] : by_sql) sqlite3_finalize(statement);
  }
};

SqliteStore::SqliteStore(sqlite3* db, std::string name)
    : db_(db), name_(std::move(name)), statements_(std::make_unique<StatementCache>()) {}

SqliteStore::~SqliteStore() {
  statements_.reset();
  sqlite3_close(db_);
}

std::unique_ptr<SqliteStore> SqliteStore::open(const std::filesystem::path& file) {
  // No memory statistics: they take a process-wide mutex on every SQLite
  // allocation, which the engine's two connections (one commits while the
  // other reads) fought over. Only possible before SQLite's first use.
  static const bool kStatisticsOff = [] { return sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0) == SQLITE_OK; }();
  (void)kStatisticsOff;
  const auto name = file.string();
  if (name != ":memory:" && file.has_parent_path()) {
    std::error_code ignored;
    std::filesystem::create_directories(file.parent_path(), ignored);
  }
  sqlite3* db = open_connection(name, kReadWrite, "open");
  std::unique_ptr<SqliteStore> store(new SqliteStore(db, name));
  sqlite3_busy_timeout(db, 5000);
  if (name != ":memory:") {
    // 16 KiB pages, not 4: a batch's rows land on fewer, wider b-tree
    // pages (docs/performance.md, "WAL checkpoints and page size"). Only a
    // new file takes it; an existing one keeps the size it was made with.
    store->exec("PRAGMA page_size=16384");
    // WAL: readers do not block the writer; NORMAL sync is durable across
    // process crashes (a power loss may lose the last commit, never corrupt).
    store->exec("PRAGMA journal_mode=WAL");
    store->exec("PRAGMA synchronous=NORMAL");
    // Checkpoint after ~40 MiB of WAL, not SQLite's 1,000 pages: a batch
    // rewrites the same index pages, and each checkpoint copies them again.
    // The file shrinks back to 64 MiB at most after a checkpoint.
    constexpr std::int64_t kCheckpointBytes = std::int64_t{40} << 20;
    store->exec(("PRAGMA wal_autocheckpoint=" + std::to_string(kCheckpointBytes / store->page_size())).c_str());
    store->exec("PRAGMA journal_size_limit=67108864");
  }
  store->create_schema();
  return store;
}

std::unique_ptr<SqliteStore> SqliteStore::open_snapshot(const std::filesystem::path& file) {
  if (!std::filesystem::exists(file)) return open(":memory:");
  sqlite3* source = open_connection(file.string(), SQLITE_OPEN_READONLY, "read");
  std::unique_ptr<SqliteStore> reader(new SqliteStore(source, file.string()));
  const auto source_page_size = reader->page_size();
  std::unique_ptr<SqliteStore> memory(new SqliteStore(open_connection(":memory:", kReadWrite, "open"), ":memory:"));
  // A backup into memory needs the file's page size (older files have 4 KiB).
  memory->exec(("PRAGMA page_size=" + std::to_string(source_page_size)).c_str());
  auto* backup = sqlite3_backup_init(memory->db_, "main", source, "main");
  if (backup != nullptr) {
    sqlite3_backup_step(backup, -1);
    sqlite3_backup_finish(backup);
  }
  if (sqlite3_errcode(memory->db_) != SQLITE_OK) memory->fail("copying " + file.string() + " for a dry run");
  memory->create_schema();
  return memory;
}

void SqliteStore::fail(const std::string& what) const {
  throw std::runtime_error("state database " + name_ + ": " + what + ": " + sqlite3_errmsg(db_));
}

std::int64_t SqliteStore::page_size() {
  auto* select = statement("PRAGMA page_size");
  Step step(select);
  if (step.next() != SQLITE_ROW) fail("reading the page size");
  return sqlite3_column_int64(select, 0);
}

void SqliteStore::exec(const char* sql) {
  char* error = nullptr;
  if (sqlite3_exec(db_, sql, nullptr, nullptr, &error) != SQLITE_OK) {
    std::string message = error ? error : "unknown error";
    sqlite3_free(error);
    throw std::runtime_error("state database " + name_ + ": " + message);
  }
}

sqlite3_stmt* SqliteStore::statement(const char* sql) {
  auto& cached = statements_->by_sql[sql];
  if (cached == nullptr && sqlite3_prepare_v2(db_, sql, -1, &cached, nullptr) != SQLITE_OK) {
    cached = nullptr;
    fail(std::string("preparing ") + sql);
  }
  return cached;
}

std::unique_ptr<Store> SqliteStore::open_another_connection() {
  if (name_ == ":memory:") return nullptr;
  return open(name_);
}

void SqliteStore::begin_reads() {
  std::lock_guard lock(mutex_);
  exec("BEGIN");  // deferred: the snapshot is taken at the first read
}

void SqliteStore::end_reads() {
  std::lock_guard lock(mutex_);
  // Ending a read transaction does not fail; were it left open, the next
  // begin_reads() would say so.
  sqlite3_exec(db_, "COMMIT", nullptr, nullptr, nullptr);
}

bool SqliteStore::seen(const std::string& event_id) {
  std::lock_guard lock(mutex_);
  Step step(statement("SELECT 1 FROM handled WHERE event_id = ?"));
  return step.bind(1, event_id).next() == SQLITE_ROW;
}

CaseState SqliteStore::load_case(const std::string& case_key) {
  std::lock_guard lock(mutex_);
  auto* select = statement(
      "SELECT status, events, last_actions, origin_event_id, opened_at, status_since, first_response_at, "
      "open_timers FROM cases WHERE case_key = ?");
  Step step(select);
  CaseState state;
  if (step.bind(1, case_key).next() == SQLITE_ROW) {
    state.status = column_text(select, 0);
    state.events = sqlite3_column_int(select, 1);
    state.last_actions = list_from_json<std::string>(column_text(select, 2));
    state.origin_event_id = column_text(select, 3);
    state.opened_at = sqlite3_column_int64(select, 4);
    state.status_since = sqlite3_column_int64(select, 5);
    state.first_response_at = sqlite3_column_int64(select, 6);
    state.open_timers = sqlite3_column_int(select, 7);
  }
  return state;
}

AuthorState SqliteStore::load_author(const std::string& account, const std::string& author_id) {
  std::lock_guard lock(mutex_);
  auto* select = statement(
      "SELECT events, warnings, banned, complaints, tier, concessions, banned_on FROM authors "
      "WHERE account = ? AND author_id = ?");
  Step step(select);
  AuthorState state;
  if (step.bind(1, account).bind(2, author_id).next() == SQLITE_ROW) {
    state.events = sqlite3_column_int(select, 0);
    state.warnings = sqlite3_column_int(select, 1);
    state.banned = sqlite3_column_int(select, 2) != 0;
    state.complaint_times = list_from_json<std::int64_t>(column_text(select, 3));
    state.customer_tier = column_text(select, 4);
    state.concessions = sqlite3_column_int(select, 5);
    state.banned_on = list_from_json<std::string>(column_text(select, 6));
  }
  return state;
}

void SqliteStore::commit(std::vector<EventOutcome>& outcomes, const std::vector<DeadLetter>& dead_letters,
                         const std::vector<Checkpoint>& checkpoints,
                         const std::vector<PluginStateValue>& plugin_state) {
  commit_batch(std::nullopt, outcomes, dead_letters, checkpoints, plugin_state);
}

std::int64_t SqliteStore::latest_approval_id() {
  std::lock_guard lock(mutex_);
  return latest_approval_id_locked();
}

std::int64_t SqliteStore::latest_approval_id_locked() {
  auto* select = statement("SELECT COALESCE(MAX(id), 0) FROM approvals");
  Step step(select);
  return step.next() == SQLITE_ROW ? sqlite3_column_int64(select, 0) : 0;
}

bool SqliteStore::commit_unless_approved_after(std::int64_t approval_id, std::vector<EventOutcome>& outcomes,
                                               const std::vector<DeadLetter>& dead_letters,
                                               const std::vector<Checkpoint>& checkpoints,
                                               const std::vector<PluginStateValue>& plugin_state) {
  return commit_batch(approval_id, outcomes, dead_letters, checkpoints, plugin_state);
}

bool SqliteStore::commit_batch(std::optional<std::int64_t> approval_id, std::vector<EventOutcome>& outcomes,
                               const std::vector<DeadLetter>& dead_letters, const std::vector<Checkpoint>& checkpoints,
                               const std::vector<PluginStateValue>& plugin_state) {
  std::lock_guard lock(mutex_);
  const auto now = now_ms();
  exec("BEGIN IMMEDIATE");
  try {
    // Under the write lock: no approval can be committed between this look
    // and our COMMIT.
    if (approval_id && latest_approval_id_locked() != *approval_id) {
      exec("ROLLBACK");
      return false;
    }
    // Only webhook connectors and requeued dead letters fill the inbox: a
    // replay or polling pipeline skips a DELETE per event.
    const bool inbox_waiting = inbox_has_events();
    for (auto& outcome : outcomes) {
      write_handled(outcome, now);
      write_case_and_author(outcome, now);
      for (auto& entry : outcome.actions) {
        if (is_settled(entry.status)) continue;  // in the handled row
        auto* insert = statement(
            "INSERT OR IGNORE INTO outbox(key, connector, event_id, kind, action, status, note, attempts, "
            "platform_id, created_at, updated_at) VALUES(?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?)");
        Step step(insert);
        step.bind(1, entry.action.idempotency_key)
            .bind(2, entry.connector_id)
            .bind(3, entry.event_id)
            .bind(4, std::string(to_string(entry.action.kind)))
            .bind(5, action_to_json(entry.action))
            .bind(6, std::string(to_string(entry.status)))
            .bind(7, entry.note)
            .bind(8, entry.platform_id)
            .bind(9, now)
            .bind(10, now);
        if (step.next() != SQLITE_DONE) fail("recording an action");
        entry.id = sqlite3_changes(db_) > 0 ? sqlite3_last_insert_rowid(db_) : 0;
      }
      commit_lifecycle(outcome);
      if (inbox_waiting) remove_from_inbox(outcome.event_id);
    }
    for (const auto& letter : dead_letters) {
      insert_dead_letter(letter);
      // A dead-lettered event or input line is handled: a re-run skips it.
      if (letter.event_id.empty()) continue;
      mark_seen(letter.event_id, letter.plugin, now);
      if (inbox_waiting) remove_from_inbox(letter.event_id);
    }
    for (const auto& checkpoint : checkpoints) save_checkpoint(checkpoint, now);
    for (const auto& saved : plugin_state) save_plugin_state(saved, now);
    exec("COMMIT");
  } catch (...) {
    sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
    throw;
  }
  return true;
}

void SqliteStore::write_handled(EventOutcome& outcome, std::int64_t now) {
  std::vector<const OutboxEntry*> settled;
  for (auto& entry : outcome.actions) {
    if (!is_settled(entry.status)) continue;
    entry.id = 0;  // no outbox row, so no id
    settled.push_back(&entry);
  }
  const auto& activity = outcome.activity;
  // DO NOTHING: an event committed again (the engine does not, tests do)
  // keeps its first record.
  Step step(statement(
      "INSERT INTO handled(event_id, connector, case_key, account, author_id, thread_id, is_brand, created_at, "
      "handled_at, record, settled) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(event_id) DO NOTHING"));
  step.bind(1, outcome.event_id)
      .bind(2, outcome.connector_id)
      .bind(3, outcome.case_key)
      .bind(4, outcome.account)
      .bind(5, outcome.author_id)
      .bind(6, activity.thread_id)
      .bind(7, std::int64_t{activity.is_brand ? 1 : 0})
      .bind(8, activity.created_at)
      .bind(9, now)
      .bind(10, outcome.audit_json)
      .bind(11, settled_actions_to_json(settled));
  if (step.next() != SQLITE_DONE) fail("recording a handled event");
}

void SqliteStore::mark_seen(const std::string& event_id, const std::string& connector_id, std::int64_t now) {
  Step step(statement(
      "INSERT INTO handled(event_id, connector, handled_at) VALUES(?, ?, ?) ON CONFLICT(event_id) DO NOTHING"));
  if (step.bind(1, event_id).bind(2, connector_id).bind(3, now).next() != SQLITE_DONE) fail("marking an event seen");
}

bool SqliteStore::inbox_has_events() {
  Step step(statement("SELECT 1 FROM inbox LIMIT 1"));
  return step.next() == SQLITE_ROW;
}

void SqliteStore::write_case_and_author(const EventOutcome& outcome, std::int64_t now) {
  const auto& case_after = outcome.case_after;
  Step(statement("INSERT INTO cases(case_key, status, events, last_actions, updated_at, origin_event_id, "
                 "opened_at, status_since, first_response_at, open_timers) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                 "ON CONFLICT(case_key) DO UPDATE SET status = excluded.status, events = excluded.events, "
                 "last_actions = excluded.last_actions, updated_at = excluded.updated_at, "
                 "origin_event_id = excluded.origin_event_id, opened_at = excluded.opened_at, "
                 "status_since = excluded.status_since, first_response_at = excluded.first_response_at, "
                 "open_timers = excluded.open_timers"))
      .bind(1, outcome.case_key)
      .bind(2, case_after.status)
      .bind(3, std::int64_t{case_after.events})
      .bind(4, json_array(case_after.last_actions))
      .bind(5, now)
      .bind(6, case_after.origin_event_id)
      .bind(7, case_after.opened_at)
      .bind(8, case_after.status_since)
      .bind(9, case_after.first_response_at)
      .bind(10, std::int64_t{case_after.open_timers})
      .next();
  Step(statement("INSERT INTO authors(account, author_id, events, warnings, banned, complaints, tier, "
                 "concessions, banned_on) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?) "
                 "ON CONFLICT(account, author_id) DO UPDATE SET events = excluded.events, "
                 "warnings = excluded.warnings, banned = excluded.banned, complaints = excluded.complaints, "
                 "tier = excluded.tier, concessions = excluded.concessions, banned_on = excluded.banned_on"))
      .bind(1, outcome.memory_account.empty() ? outcome.account : outcome.memory_account)
      .bind(2, outcome.memory_author_id.empty() ? outcome.author_id : outcome.memory_author_id)
      .bind(3, std::int64_t{outcome.author_after.events})
      .bind(4, std::int64_t{outcome.author_after.warnings})
      .bind(5, std::int64_t{outcome.author_after.banned ? 1 : 0})
      .bind(6, json_array(outcome.author_after.complaint_times))
      .bind(7, outcome.author_after.customer_tier)
      .bind(8, std::int64_t{outcome.author_after.concessions})
      .bind(9, json_array(outcome.author_after.banned_on))
      .next();
}

void SqliteStore::commit_lifecycle(const EventOutcome& outcome) {
  for (const auto& transition : outcome.transitions) {
    Step step(
        statement("INSERT INTO case_transitions(case_key, from_status, to_status, event_id, rule_id, at) "
                  "VALUES(?, ?, ?, ?, ?, ?)"));
    step.bind(1, transition.case_key)
        .bind(2, transition.from)
        .bind(3, transition.to)
        .bind(4, transition.event_id)
        .bind(5, transition.rule_id)
        .bind(6, transition.at);
    if (step.next() != SQLITE_DONE) fail("recording a case transition");
  }
  for (const auto& timer : outcome.timers_set) {
    // OR IGNORE: the key is the follow_up's idempotency key, set once.
    Step step(statement(
        "INSERT OR IGNORE INTO timers(key, case_key, connector, event_id, event, purpose, rule_id, set_at, due_at, "
        "fired_at) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, NULL)"));
    step.bind(1, timer.key)
        .bind(2, timer.case_key)
        .bind(3, timer.connector_id)
        .bind(4, timer.event_id)
        .bind(5, timer.event_json)
        .bind(6, timer.purpose)
        .bind(7, timer.rule_id)
        .bind(8, timer.set_at)
        .bind(9, timer.due_at);
    if (step.next() != SQLITE_DONE) fail("recording a timer");
  }
  if (!outcome.timer_fired.empty()) {
    // Same transaction as the timer event marked seen: it fires exactly once.
    Step step(statement("UPDATE timers SET fired_at = ? WHERE key = ? AND fired_at IS NULL"));
    step.bind(1, outcome.at).bind(2, outcome.timer_fired);
    if (step.next() != SQLITE_DONE) fail("marking a timer fired");
  }
}

std::vector<OutboxEntry> SqliteStore::outbox(OutboxStatus status) {
  std::lock_guard lock(mutex_);
  std::vector<OutboxEntry> entries;
  if (is_settled(status)) {
    // Read by people and tests, rarely: a scan of the handled rows.
    auto* select = statement("SELECT event_id, handled_at, settled FROM handled WHERE settled != '' ORDER BY id");
    Step step(select);
    while (step.next() == SQLITE_ROW) {
      for (auto& entry :
           settled_actions_from_json(column_text(select, 2), column_text(select, 0), sqlite3_column_int64(select, 1))) {
        if (entry.status == status) entries.push_back(std::move(entry));
      }
    }
    return entries;
  }
  // statement() caches by pointer: each query is one static string.
  static const std::string sql = std::string(kSelectOutbox) + "WHERE status = ? ORDER BY id";
  auto* select = statement(sql.c_str());
  Step step(select);
  step.bind(1, std::string(to_string(status)));
  while (step.next() == SQLITE_ROW) entries.push_back(read_outbox_row(select));
  return entries;
}

void SqliteStore::update_outbox(const OutboxEntry& entry) {
  std::lock_guard lock(mutex_);
  Step step(
      statement("UPDATE outbox SET status = ?, note = ?, attempts = ?, platform_id = ?, updated_at = ? WHERE id = ?"));
  step.bind(1, std::string(to_string(entry.status)))
      .bind(2, entry.note)
      .bind(3, std::int64_t{entry.attempts})
      .bind(4, entry.platform_id)
      .bind(5, now_ms())
      .bind(6, entry.id);
  if (step.next() != SQLITE_DONE) fail("updating an action");
}

std::vector<AuditRecord> SqliteStore::audit() {
  std::lock_guard lock(mutex_);
  auto* select = statement("SELECT event_id, case_key, record FROM handled WHERE record IS NOT NULL ORDER BY id");
  Step step(select);
  std::vector<AuditRecord> records;
  while (step.next() == SQLITE_ROW) {
    records.push_back({column_text(select, 0), column_text(select, 1), column_text(select, 2)});
  }
  return records;
}

std::optional<OutboxEntry> SqliteStore::outbox_entry(std::int64_t id) {
  std::lock_guard lock(mutex_);
  static const std::string sql = std::string(kSelectOutbox) + "WHERE id = ?";
  auto* select = statement(sql.c_str());
  Step step(select);
  if (step.bind(1, id).next() != SQLITE_ROW) return std::nullopt;
  return read_outbox_row(select);
}

DecideResult SqliteStore::decide(ApprovalDecision decision, const ApprovalEffects& effects) {
  std::lock_guard lock(mutex_);
  DecideResult result;
  decision.decided_at = now_ms();
  const auto next = decision.approve ? OutboxStatus::pending : OutboxStatus::rejected;
  // IMMEDIATE: two people deciding at once are serialised by SQLite; the
  // status condition makes the second one change nothing.
  exec("BEGIN IMMEDIATE");
  try {
    bool moved = false;
    {
      Step update(
          statement("UPDATE outbox SET status = ?, updated_at = ? WHERE id = ? AND status = 'pending_approval'"));
      update.bind(1, std::string(to_string(next))).bind(2, decision.decided_at).bind(3, decision.outbox_id);
      if (update.next() != SQLITE_DONE) fail("deciding on an action");
      moved = sqlite3_changes(db_) == 1;
    }
    if (moved) {
      Step insert(
          statement("INSERT INTO approvals(outbox_id, key, decision, decided_by, note, decided_at) "
                    "SELECT id, key, ?, ?, ?, ? FROM outbox WHERE id = ?"));
      insert.bind(1, std::string(decision_name(decision)))
          .bind(2, decision.by)
          .bind(3, decision.note)
          .bind(4, decision.decided_at)
          .bind(5, decision.outbox_id);
      if (insert.next() != SQLITE_DONE) fail("recording a decision");
      result.outcome = DecideResult::Outcome::decided;
      result.decision = decision;
      if (decision.approve && effects) apply_approval_effects(decision, effects);
    }
    exec("COMMIT");
  } catch (...) {
    sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
    throw;
  }
  result.entry = outbox_entry(decision.outbox_id);
  if (result.outcome == DecideResult::Outcome::decided) return result;
  if (!result.entry) return result;  // unknown_id
  result.outcome = DecideResult::Outcome::not_parked;
  if (auto earlier = approval_decisions(decision.outbox_id); !earlier.empty()) result.decision = earlier.front();
  return result;
}

void SqliteStore::apply_approval_effects(const ApprovalDecision& decision, const ApprovalEffects& effects) {
  // Inside decide()'s transaction: the state read here is the state written.
  const auto approved = outbox_entry(decision.outbox_id);
  if (!approved) fail("reading an approved action");
  const auto outcome = effects(*approved);
  if (!outcome) return;
  write_case_and_author(*outcome, decision.decided_at);
  commit_lifecycle(*outcome);
  for (const auto& entry : outcome->actions) update_outbox(entry);
}

std::vector<ApprovalDecision> SqliteStore::approval_decisions(std::int64_t outbox_id) {
  std::lock_guard lock(mutex_);
  auto* select = statement(
      "SELECT outbox_id, decision, decided_by, note, decided_at FROM approvals WHERE outbox_id = ? ORDER BY id");
  Step step(select);
  step.bind(1, outbox_id);
  std::vector<ApprovalDecision> decisions;
  while (step.next() == SQLITE_ROW) decisions.push_back(read_decision_row(select));
  return decisions;
}

std::optional<AuditRecord> SqliteStore::audit_of_event(const std::string& event_id) {
  std::lock_guard lock(mutex_);
  auto* select = statement("SELECT event_id, case_key, record FROM handled WHERE event_id = ? AND record IS NOT NULL");
  Step step(select);
  if (step.bind(1, event_id).next() != SQLITE_ROW) return std::nullopt;
  return AuditRecord{column_text(select, 0), column_text(select, 1), column_text(select, 2)};
}

namespace {
constexpr const char* kTimerColumns =
    "key, case_key, connector, event_id, event, purpose, rule_id, set_at, due_at, fired_at IS NOT NULL";

Timer read_timer_row(sqlite3_stmt* statement) {
  Timer timer;
  timer.key = column_text(statement, 0);
  timer.case_key = column_text(statement, 1);
  timer.connector_id = column_text(statement, 2);
  timer.event_id = column_text(statement, 3);
  timer.event_json = column_text(statement, 4);
  timer.purpose = column_text(statement, 5);
  timer.rule_id = column_text(statement, 6);
  timer.set_at = sqlite3_column_int64(statement, 7);
  timer.due_at = sqlite3_column_int64(statement, 8);
  timer.fired = sqlite3_column_int(statement, 9) != 0;
  return timer;
}
}  // namespace

std::vector<Timer> SqliteStore::due_timers(std::int64_t now, std::size_t limit) {
  std::lock_guard lock(mutex_);
  static const std::string sql = std::string("SELECT ") + kTimerColumns +
                                 " FROM timers WHERE fired_at IS NULL AND due_at <= ? ORDER BY due_at, key LIMIT ?";
  auto* select = statement(sql.c_str());
  Step step(select);
  step.bind(1, now).bind(2, static_cast<std::int64_t>(limit));
  std::vector<Timer> due;
  while (step.next() == SQLITE_ROW) due.push_back(read_timer_row(select));
  return due;
}

std::vector<Timer> SqliteStore::timers() {
  std::lock_guard lock(mutex_);
  static const std::string sql = std::string("SELECT ") + kTimerColumns + " FROM timers ORDER BY due_at, key";
  auto* select = statement(sql.c_str());
  Step step(select);
  std::vector<Timer> all;
  while (step.next() == SQLITE_ROW) all.push_back(read_timer_row(select));
  return all;
}

ThreadCounts SqliteStore::thread_counts(const std::string& account, const std::string& thread_id,
                                        const std::string& author_id, std::int64_t since_ms) {
  std::lock_guard lock(mutex_);
  ThreadCounts counts;
  if (thread_id.empty()) return counts;
  auto* select = statement(
      "SELECT COALESCE(SUM(is_brand = 0), 0), COALESCE(SUM(is_brand = 1), 0) FROM handled "
      "WHERE thread_id != '' AND account = ? AND thread_id = ? AND author_id != ? AND created_at > ?");
  Step step(select);
  if (step.bind(1, account).bind(2, thread_id).bind(3, author_id).bind(4, since_ms).next() == SQLITE_ROW) {
    counts.replies = sqlite3_column_int(select, 0);
    counts.brand_replies = sqlite3_column_int(select, 1);
  }
  return counts;
}

std::vector<CaseTransition> SqliteStore::transitions() {
  std::lock_guard lock(mutex_);
  auto* select =
      statement("SELECT case_key, from_status, to_status, event_id, rule_id, at FROM case_transitions ORDER BY id");
  Step step(select);
  std::vector<CaseTransition> all;
  while (step.next() == SQLITE_ROW) {
    all.push_back({column_text(select, 0), column_text(select, 1), column_text(select, 2), column_text(select, 3),
                   column_text(select, 4), sqlite3_column_int64(select, 5)});
  }
  return all;
}

std::vector<CaseTransition> SqliteStore::case_transitions(const std::string& case_key) {
  std::lock_guard lock(mutex_);
  auto* select = statement(
      "SELECT case_key, from_status, to_status, event_id, rule_id, at FROM case_transitions WHERE case_key = ? "
      "ORDER BY id");
  Step step(select);
  step.bind(1, case_key);
  std::vector<CaseTransition> found;
  while (step.next() == SQLITE_ROW) {
    found.push_back({column_text(select, 0), column_text(select, 1), column_text(select, 2), column_text(select, 3),
                     column_text(select, 4), sqlite3_column_int64(select, 5)});
  }
  return found;
}

std::int64_t SqliteStore::load_clock() {
  std::lock_guard lock(mutex_);
  auto* select = statement("SELECT value FROM meta WHERE key = 'clock_ms'");
  Step step(select);
  return step.next() == SQLITE_ROW ? std::stoll(column_text(select, 0)) : 0;
}

void SqliteStore::save_clock(std::int64_t ms) {
  std::lock_guard lock(mutex_);
  Step step(statement(
      "INSERT INTO meta(key, value) VALUES('clock_ms', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value "
      "WHERE CAST(meta.value AS INTEGER) < CAST(excluded.value AS INTEGER)"));
  if (step.bind(1, std::to_string(ms)).next() != SQLITE_DONE) fail("saving the engine clock");
}

void SqliteStore::remove_from_inbox(const std::string& event_id) {
  Step step(statement("DELETE FROM inbox WHERE event_id = ?"));
  if (step.bind(1, event_id).next() != SQLITE_DONE) fail("removing an event from the inbox");
}

void SqliteStore::save_checkpoint(const Checkpoint& checkpoint, std::int64_t now) {
  Step step(
      statement("INSERT INTO checkpoints(connector, key, value, updated_at) VALUES(?, ?, ?, ?) "
                "ON CONFLICT(connector, key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at"));
  step.bind(1, checkpoint.connector_id).bind(2, checkpoint.key).bind(3, checkpoint.value).bind(4, now);
  if (step.next() != SQLITE_DONE) fail("saving a checkpoint");
}

void SqliteStore::save_plugin_state(const PluginStateValue& saved, std::int64_t now) {
  Step step(
      statement("INSERT INTO plugin_state(instance, key, value, updated_at) VALUES(?, ?, ?, ?) "
                "ON CONFLICT(instance, key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at"));
  step.bind(1, saved.instance_id).bind(2, saved.key).bind(3, saved.value).bind(4, now);
  if (step.next() != SQLITE_DONE) fail("saving a plugin's state");
}

std::size_t SqliteStore::add_to_inbox(const InboxDelivery& delivery) {
  std::lock_guard lock(mutex_);
  const auto now = now_ms();
  std::size_t added = 0;
  exec("BEGIN IMMEDIATE");
  try {
    for (const auto& event : delivery.events) {
      if (seen(event.id)) continue;  // a delivery of something already handled
      // OR IGNORE: the same event delivered again while still waiting.
      Step step(statement("INSERT OR IGNORE INTO inbox(event_id, connector, event, received_at) VALUES(?, ?, ?, ?)"));
      step.bind(1, event.id)
          .bind(2, delivery.connector_id)
          .bind(3, event_to_json(event).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace))
          .bind(4, now);
      if (step.next() != SQLITE_DONE) fail("adding an event to the inbox");
      added += static_cast<std::size_t>(sqlite3_changes(db_));
    }
    for (const auto& letter : delivery.dead_letters) {
      if (!letter.event_id.empty() && seen(letter.event_id)) continue;
      insert_dead_letter(letter);
      if (!letter.event_id.empty()) mark_seen(letter.event_id, delivery.connector_id, now);
    }
    for (const auto& [key, value] : delivery.checkpoints) save_checkpoint({delivery.connector_id, key, value}, now);
    exec("COMMIT");
  } catch (...) {
    sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
    throw;
  }
  return added;
}

std::vector<InboxEvent> SqliteStore::inbox(const std::string& connector_id, std::size_t limit) {
  std::lock_guard lock(mutex_);
  auto* select = statement(
      "SELECT event, received_at FROM inbox WHERE connector = ? AND NOT EXISTS "
      "(SELECT 1 FROM handled WHERE handled.event_id = inbox.event_id) ORDER BY id LIMIT ?");
  Step step(select);
  step.bind(1, connector_id).bind(2, static_cast<std::int64_t>(limit));
  std::vector<InboxEvent> waiting;
  while (step.next() == SQLITE_ROW) {
    waiting.push_back({connector_id, event_from_json(nlohmann::json::parse(column_text(select, 0))),
                       sqlite3_column_int64(select, 1)});
  }
  return waiting;
}

std::optional<std::string> SqliteStore::load_checkpoint(const std::string& connector_id, const std::string& key) {
  std::lock_guard lock(mutex_);
  auto* select = statement("SELECT value FROM checkpoints WHERE connector = ? AND key = ?");
  Step step(select);
  if (step.bind(1, connector_id).bind(2, key).next() != SQLITE_ROW) return std::nullopt;
  return column_text(select, 0);
}

std::optional<std::string> SqliteStore::load_plugin_state(const std::string& instance_id, const std::string& key) {
  std::lock_guard lock(mutex_);
  auto* select = statement("SELECT value FROM plugin_state WHERE instance = ? AND key = ?");
  Step step(select);
  if (step.bind(1, instance_id).bind(2, key).next() != SQLITE_ROW) return std::nullopt;
  return column_text(select, 0);
}

}  // namespace parley::host
