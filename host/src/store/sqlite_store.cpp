#include "store/sqlite_store.hpp"

#include <sqlite3.h>

#include <chrono>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <unordered_map>

#include "store/action_json.hpp"

namespace parley::host {

namespace {

// 2: authors.complaints (JSON array of ms) and authors.tier.
constexpr int kSchemaVersion = 2;

constexpr const char* kSchema = R"sql(
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS seen_events(
  event_id TEXT PRIMARY KEY, connector TEXT NOT NULL, handled_at INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS cases(
  case_key TEXT PRIMARY KEY, status TEXT NOT NULL, events INTEGER NOT NULL,
  last_actions TEXT NOT NULL, updated_at INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS authors(
  account TEXT NOT NULL, author_id TEXT NOT NULL, events INTEGER NOT NULL,
  warnings INTEGER NOT NULL, banned INTEGER NOT NULL,
  complaints TEXT NOT NULL DEFAULT '[]', tier TEXT NOT NULL DEFAULT '',
  PRIMARY KEY(account, author_id));
CREATE TABLE IF NOT EXISTS outbox(
  id INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE, connector TEXT NOT NULL,
  event_id TEXT NOT NULL, kind TEXT NOT NULL, action TEXT NOT NULL, status TEXT NOT NULL,
  note TEXT NOT NULL, attempts INTEGER NOT NULL, platform_id TEXT NOT NULL,
  created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS outbox_by_status ON outbox(status, id);
CREATE TABLE IF NOT EXISTS audit(
  id INTEGER PRIMARY KEY, event_id TEXT NOT NULL, case_key TEXT NOT NULL,
  record TEXT NOT NULL, created_at INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS audit_by_event ON audit(event_id, id);
CREATE TABLE IF NOT EXISTS dead_letters(
  id INTEGER PRIMARY KEY, stage TEXT NOT NULL, plugin TEXT NOT NULL, event_id TEXT NOT NULL,
  location TEXT NOT NULL, error TEXT NOT NULL, raw TEXT NOT NULL, created_at INTEGER NOT NULL);
-- Decisions of `parley approvals`; one per outbox entry. IF NOT EXISTS adds it
-- to older files without a schema version of its own.
CREATE TABLE IF NOT EXISTS approvals(
  id INTEGER PRIMARY KEY, outbox_id INTEGER NOT NULL UNIQUE, key TEXT NOT NULL, decision TEXT NOT NULL,
  decided_by TEXT NOT NULL, note TEXT NOT NULL, decided_at INTEGER NOT NULL);
)sql";

std::int64_t now_ms() {
  using namespace std::chrono;
  return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

std::string column_text(sqlite3_stmt* statement, int column) {
  const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(statement, column));
  return text ? std::string(text, static_cast<std::size_t>(sqlite3_column_bytes(statement, column))) : std::string();
}

/// Binds and steps one statement, and resets it whatever happens.
class Step {
 public:
  explicit Step(sqlite3_stmt* statement) : statement_(statement) {}
  ~Step() {
    sqlite3_reset(statement_);
    sqlite3_clear_bindings(statement_);
  }
  Step& bind(int index, const std::string& text) {
    sqlite3_bind_text(statement_, index, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
    return *this;
  }
  Step& bind(int index, std::int64_t number) {
    sqlite3_bind_int64(statement_, index, number);
    return *this;
  }
  /// SQLITE_ROW or SQLITE_DONE; anything else is returned for the caller to report.
  int next() { return sqlite3_step(statement_); }

 private:
  sqlite3_stmt* statement_;
};

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
  const auto name = file.string();
  if (name != ":memory:" && file.has_parent_path()) {
    std::error_code ignored;
    std::filesystem::create_directories(file.parent_path(), ignored);
  }
  sqlite3* db = nullptr;
  const int code =
      sqlite3_open_v2(name.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
  if (code != SQLITE_OK) {
    const std::string message = db ? sqlite3_errmsg(db) : sqlite3_errstr(code);
    sqlite3_close(db);
    throw std::runtime_error("cannot open state database " + name + ": " + message);
  }
  std::unique_ptr<SqliteStore> store(new SqliteStore(db, name));
  sqlite3_busy_timeout(db, 5000);
  if (name != ":memory:") {
    // WAL: readers do not block the writer; NORMAL sync is durable across
    // process crashes (a power loss may lose the last commit, never corrupt).
    store->exec("PRAGMA journal_mode=WAL");
    store->exec("PRAGMA synchronous=NORMAL");
  }
  store->create_schema();
  return store;
}

std::unique_ptr<SqliteStore> SqliteStore::open_snapshot(const std::filesystem::path& file) {
  auto memory = open(":memory:");
  if (!std::filesystem::exists(file)) return memory;
  sqlite3* source = nullptr;
  if (sqlite3_open_v2(file.string().c_str(), &source, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
    const std::string message = source ? sqlite3_errmsg(source) : "out of memory";
    sqlite3_close(source);
    throw std::runtime_error("cannot read state database " + file.string() + ": " + message);
  }
  memory->statements_ = std::make_unique<StatementCache>();  // the backup replaces the schema
  auto* backup = sqlite3_backup_init(memory->db_, "main", source, "main");
  if (backup != nullptr) {
    sqlite3_backup_step(backup, -1);
    sqlite3_backup_finish(backup);
  }
  const int code = sqlite3_errcode(memory->db_);
  sqlite3_close(source);
  if (code != SQLITE_OK) memory->fail("copying " + file.string() + " for a dry run");
  memory->create_schema();
  return memory;
}

void SqliteStore::fail(const std::string& what) const {
  throw std::runtime_error("state database " + name_ + ": " + what + ": " + sqlite3_errmsg(db_));
}

void SqliteStore::exec(const char* sql) {
  char* error = nullptr;
  if (sqlite3_exec(db_, sql, nullptr, nullptr, &error) != SQLITE_OK) {
    std::string message = error ? error : "unknown error";
    sqlite3_free(error);
    throw std::runtime_error("state database " + name_ + ": " + message);
  }
}

void SqliteStore::create_schema() {
  exec(kSchema);
  auto* select = statement("SELECT value FROM meta WHERE key = 'schema_version'");
  Step step(select);
  if (step.next() == SQLITE_ROW) {
    const int version = std::stoi(column_text(select, 0));
    if (version > kSchemaVersion) {
      throw std::runtime_error("state database " + name_ + " has schema version " + std::to_string(version) +
                               ", newer than this parley (" + std::to_string(kSchemaVersion) + ")");
    }
    if (version == kSchemaVersion) return;
    migrate_from(version);
  }
  Step(statement("INSERT INTO meta(key, value) VALUES('schema_version', ?) "
                 "ON CONFLICT(key) DO UPDATE SET value = excluded.value"))
      .bind(1, std::to_string(kSchemaVersion))
      .next();
}

void SqliteStore::migrate_from(int version) {
  exec("BEGIN IMMEDIATE");
  try {
    if (version < 2) {
      exec("ALTER TABLE authors ADD COLUMN complaints TEXT NOT NULL DEFAULT '[]'");
      exec("ALTER TABLE authors ADD COLUMN tier TEXT NOT NULL DEFAULT ''");
    }
    exec("COMMIT");
  } catch (...) {
    exec("ROLLBACK");
    throw;
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

bool SqliteStore::seen(const std::string& event_id) {
  std::lock_guard lock(mutex_);
  Step step(statement("SELECT 1 FROM seen_events WHERE event_id = ?"));
  return step.bind(1, event_id).next() == SQLITE_ROW;
}

CaseState SqliteStore::load_case(const std::string& case_key) {
  std::lock_guard lock(mutex_);
  auto* select = statement("SELECT status, events, last_actions FROM cases WHERE case_key = ?");
  Step step(select);
  CaseState state;
  if (step.bind(1, case_key).next() == SQLITE_ROW) {
    state.status = column_text(select, 0);
    state.events = sqlite3_column_int(select, 1);
    state.last_actions = nlohmann::json::parse(column_text(select, 2)).get<std::vector<std::string>>();
  }
  return state;
}

AuthorState SqliteStore::load_author(const std::string& account, const std::string& author_id) {
  std::lock_guard lock(mutex_);
  auto* select =
      statement("SELECT events, warnings, banned, complaints, tier FROM authors WHERE account = ? AND author_id = ?");
  Step step(select);
  AuthorState state;
  if (step.bind(1, account).bind(2, author_id).next() == SQLITE_ROW) {
    state.events = sqlite3_column_int(select, 0);
    state.warnings = sqlite3_column_int(select, 1);
    state.banned = sqlite3_column_int(select, 2) != 0;
    state.complaint_times = nlohmann::json::parse(column_text(select, 3)).get<std::vector<std::int64_t>>();
    state.customer_tier = column_text(select, 4);
  }
  return state;
}

void SqliteStore::commit(std::vector<EventOutcome>& outcomes, const std::vector<DeadLetter>& dead_letters) {
  std::lock_guard lock(mutex_);
  const auto now = now_ms();
  exec("BEGIN IMMEDIATE");
  try {
    for (auto& outcome : outcomes) {
      Step(statement("INSERT OR IGNORE INTO seen_events(event_id, connector, handled_at) VALUES(?, ?, ?)"))
          .bind(1, outcome.event_id)
          .bind(2, outcome.connector_id)
          .bind(3, now)
          .next();
      Step(statement("INSERT INTO cases(case_key, status, events, last_actions, updated_at) VALUES(?, ?, ?, ?, ?) "
                     "ON CONFLICT(case_key) DO UPDATE SET status = excluded.status, events = excluded.events, "
                     "last_actions = excluded.last_actions, updated_at = excluded.updated_at"))
          .bind(1, outcome.case_key)
          .bind(2, outcome.case_after.status)
          .bind(3, std::int64_t{outcome.case_after.events})
          .bind(4, nlohmann::json(outcome.case_after.last_actions).dump())
          .bind(5, now)
          .next();
      Step(statement("INSERT INTO authors(account, author_id, events, warnings, banned, complaints, tier) "
                     "VALUES(?, ?, ?, ?, ?, ?, ?) "
                     "ON CONFLICT(account, author_id) DO UPDATE SET events = excluded.events, "
                     "warnings = excluded.warnings, banned = excluded.banned, complaints = excluded.complaints, "
                     "tier = excluded.tier"))
          .bind(1, outcome.account)
          .bind(2, outcome.author_id)
          .bind(3, std::int64_t{outcome.author_after.events})
          .bind(4, std::int64_t{outcome.author_after.warnings})
          .bind(5, std::int64_t{outcome.author_after.banned ? 1 : 0})
          .bind(6, nlohmann::json(outcome.author_after.complaint_times).dump())
          .bind(7, outcome.author_after.customer_tier)
          .next();
      Step(statement("INSERT INTO audit(event_id, case_key, record, created_at) VALUES(?, ?, ?, ?)"))
          .bind(1, outcome.event_id)
          .bind(2, outcome.case_key)
          .bind(3, outcome.audit_json)
          .bind(4, now)
          .next();
      for (auto& entry : outcome.actions) {
        auto* insert = statement(
            "INSERT OR IGNORE INTO outbox(key, connector, event_id, kind, action, status, note, attempts, "
            "platform_id, created_at, updated_at) VALUES(?, ?, ?, ?, ?, ?, ?, 0, '', ?, ?)");
        Step step(insert);
        step.bind(1, entry.action.idempotency_key)
            .bind(2, entry.connector_id)
            .bind(3, entry.event_id)
            .bind(4, std::string(to_string(entry.action.kind)))
            .bind(5, action_to_json(entry.action).dump())
            .bind(6, std::string(to_string(entry.status)))
            .bind(7, entry.note)
            .bind(8, now)
            .bind(9, now);
        if (step.next() != SQLITE_DONE) fail("recording an action");
        entry.id = sqlite3_changes(db_) > 0 ? sqlite3_last_insert_rowid(db_) : 0;
      }
    }
    for (const auto& letter : dead_letters) {
      insert_dead_letter(letter);
      // A dead-lettered event or input line is handled: a re-run skips it.
      if (letter.event_id.empty()) continue;
      Step(statement("INSERT OR IGNORE INTO seen_events(event_id, connector, handled_at) VALUES(?, ?, ?)"))
          .bind(1, letter.event_id)
          .bind(2, letter.plugin)
          .bind(3, now)
          .next();
    }
    exec("COMMIT");
  } catch (...) {
    sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
    throw;
  }
}

std::vector<OutboxEntry> SqliteStore::outbox(OutboxStatus status) {
  std::lock_guard lock(mutex_);
  // statement() caches by pointer: each query is one static string.
  static const std::string sql = std::string(kSelectOutbox) + "WHERE status = ? ORDER BY id";
  auto* select = statement(sql.c_str());
  Step step(select);
  step.bind(1, std::string(to_string(status)));
  std::vector<OutboxEntry> entries;
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

void SqliteStore::insert_dead_letter(const DeadLetter& letter) {
  Step step(
      statement("INSERT INTO dead_letters(stage, plugin, event_id, location, error, raw, created_at) "
                "VALUES(?, ?, ?, ?, ?, ?, ?)"));
  step.bind(1, letter.stage)
      .bind(2, letter.plugin)
      .bind(3, letter.event_id)
      .bind(4, letter.location)
      .bind(5, letter.error)
      .bind(6, letter.raw)
      .bind(7, letter.created_at ? letter.created_at : now_ms());
  if (step.next() != SQLITE_DONE) fail("writing a dead letter");
}

void SqliteStore::add_dead_letter(const DeadLetter& letter) {
  std::lock_guard lock(mutex_);
  insert_dead_letter(letter);
}

std::vector<DeadLetter> SqliteStore::dead_letters() {
  std::lock_guard lock(mutex_);
  auto* select =
      statement("SELECT stage, plugin, event_id, location, error, raw, created_at FROM dead_letters ORDER BY id");
  Step step(select);
  std::vector<DeadLetter> letters;
  while (step.next() == SQLITE_ROW) {
    letters.push_back({column_text(select, 0), column_text(select, 1), column_text(select, 2), column_text(select, 3),
                       column_text(select, 4), column_text(select, 5), sqlite3_column_int64(select, 6)});
  }
  return letters;
}

std::vector<AuditRecord> SqliteStore::audit() {
  std::lock_guard lock(mutex_);
  auto* select = statement("SELECT event_id, case_key, record FROM audit ORDER BY id");
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

DecideResult SqliteStore::decide(ApprovalDecision decision) {
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
  auto* select = statement("SELECT event_id, case_key, record FROM audit WHERE event_id = ? ORDER BY id DESC LIMIT 1");
  Step step(select);
  if (step.bind(1, event_id).next() != SQLITE_ROW) return std::nullopt;
  return AuditRecord{column_text(select, 0), column_text(select, 1), column_text(select, 2)};
}

}  // namespace parley::host
