// SqliteStore: the state database's tables, and the migrations that bring
// a file of an older schema up to date when it is opened.
#include <sqlite3.h>

#include <stdexcept>
#include <string>

#include "store/sqlite_statement.hpp"
#include "store/sqlite_store.hpp"

namespace parley::host {

using namespace sqlite;

namespace {

// 2: authors.complaints (JSON array of ms) and authors.tier.
// 3: API 1.2 case fields, authors.concessions, case_transitions, timers,
//    thread_activity, meta.clock_ms.
// 4: API 1.3 inbox (webhook events not handled yet) and checkpoints; new
//    tables only, which kSchema creates in older files.
// 5: dead_letters.connector, .event (to requeue), .status and who resolved
//    it, when and why (parley dead-letters).
// 6: authors.banned_on (linked people, docs/adr/0013-identity-links.md).
// 7: API 1.4 plugin_state (PluginContext::save_state); a new table only.
constexpr int kSchemaVersion = 7;

constexpr const char* kSchema = R"sql(
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS seen_events(
  event_id TEXT PRIMARY KEY, connector TEXT NOT NULL, handled_at INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS cases(
  case_key TEXT PRIMARY KEY, status TEXT NOT NULL, events INTEGER NOT NULL,
  last_actions TEXT NOT NULL, updated_at INTEGER NOT NULL,
  origin_event_id TEXT NOT NULL DEFAULT '', opened_at INTEGER NOT NULL DEFAULT 0,
  status_since INTEGER NOT NULL DEFAULT 0, first_response_at INTEGER NOT NULL DEFAULT 0,
  open_timers INTEGER NOT NULL DEFAULT 0);
CREATE TABLE IF NOT EXISTS authors(
  account TEXT NOT NULL, author_id TEXT NOT NULL, events INTEGER NOT NULL,
  warnings INTEGER NOT NULL, banned INTEGER NOT NULL,
  complaints TEXT NOT NULL DEFAULT '[]', tier TEXT NOT NULL DEFAULT '',
  concessions INTEGER NOT NULL DEFAULT 0, banned_on TEXT NOT NULL DEFAULT '[]',
  PRIMARY KEY(account, author_id));
CREATE TABLE IF NOT EXISTS case_transitions(
  id INTEGER PRIMARY KEY, case_key TEXT NOT NULL, from_status TEXT NOT NULL, to_status TEXT NOT NULL,
  event_id TEXT NOT NULL, rule_id TEXT NOT NULL, at INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS case_transitions_by_case ON case_transitions(case_key, id);
CREATE TABLE IF NOT EXISTS timers(
  key TEXT PRIMARY KEY, case_key TEXT NOT NULL, connector TEXT NOT NULL, event_id TEXT NOT NULL,
  event TEXT NOT NULL, purpose TEXT NOT NULL, rule_id TEXT NOT NULL, set_at INTEGER NOT NULL,
  due_at INTEGER NOT NULL, fired_at INTEGER);
CREATE INDEX IF NOT EXISTS timers_due ON timers(fired_at, due_at, key);
CREATE TABLE IF NOT EXISTS thread_activity(
  event_id TEXT PRIMARY KEY, account TEXT NOT NULL, thread_id TEXT NOT NULL, author_id TEXT NOT NULL,
  is_brand INTEGER NOT NULL, created_at INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS thread_activity_by_thread ON thread_activity(account, thread_id, created_at);
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
  location TEXT NOT NULL, error TEXT NOT NULL, raw TEXT NOT NULL, created_at INTEGER NOT NULL,
  connector TEXT NOT NULL DEFAULT '', event TEXT NOT NULL DEFAULT '', status TEXT NOT NULL DEFAULT 'open',
  resolved_by TEXT NOT NULL DEFAULT '', resolution_note TEXT NOT NULL DEFAULT '',
  resolved_at INTEGER NOT NULL DEFAULT 0);
-- Decisions of `parley approvals`; one per outbox entry. IF NOT EXISTS adds it
-- to older files without a schema version of its own.
CREATE TABLE IF NOT EXISTS approvals(
  id INTEGER PRIMARY KEY, outbox_id INTEGER NOT NULL UNIQUE, key TEXT NOT NULL, decision TEXT NOT NULL,
  decided_by TEXT NOT NULL, note TEXT NOT NULL, decided_at INTEGER NOT NULL);
-- Webhook events stored before the sender got its 2xx; a row goes when its
-- event is committed as seen (docs/adr/0009-webhook-ingress.md).
CREATE TABLE IF NOT EXISTS inbox(
  id INTEGER PRIMARY KEY, event_id TEXT NOT NULL UNIQUE, connector TEXT NOT NULL, event TEXT NOT NULL,
  received_at INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS inbox_by_connector ON inbox(connector, id);
CREATE TABLE IF NOT EXISTS checkpoints(
  connector TEXT NOT NULL, key TEXT NOT NULL, value TEXT NOT NULL, updated_at INTEGER NOT NULL,
  PRIMARY KEY(connector, key));
CREATE TABLE IF NOT EXISTS plugin_state(
  instance TEXT NOT NULL, key TEXT NOT NULL, value TEXT NOT NULL, updated_at INTEGER NOT NULL,
  PRIMARY KEY(instance, key));
)sql";

}  // namespace

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
    if (version < 3) migrate_to_3();
    // 4 and 7 add only tables, created by kSchema before this runs.
    if (version < 5) migrate_to_5();
    if (version < 6) add_column("authors", "banned_on", "TEXT NOT NULL DEFAULT '[]'");
    exec("COMMIT");
  } catch (...) {
    exec("ROLLBACK");
    throw;
  }
}

void SqliteStore::add_column(const char* table, const char* column, const char* definition) {
  // A table the file lacked was just created by kSchema with every column.
  sqlite3_stmt* info = nullptr;
  const std::string pragma = std::string("PRAGMA table_info(") + table + ")";
  if (sqlite3_prepare_v2(db_, pragma.c_str(), -1, &info, nullptr) != SQLITE_OK) fail("reading table " + pragma);
  bool present = false;
  while (!present && sqlite3_step(info) == SQLITE_ROW) present = column_text(info, 1) == column;
  sqlite3_finalize(info);
  if (!present) exec((std::string("ALTER TABLE ") + table + " ADD COLUMN " + column + " " + definition).c_str());
}

void SqliteStore::migrate_to_5() {
  // Letters written before keep status 'open' and no event: they can be
  // retried (execute) or discarded, not requeued.
  add_column("dead_letters", "connector", "TEXT NOT NULL DEFAULT ''");
  add_column("dead_letters", "event", "TEXT NOT NULL DEFAULT ''");
  add_column("dead_letters", "status", "TEXT NOT NULL DEFAULT 'open'");
  add_column("dead_letters", "resolved_by", "TEXT NOT NULL DEFAULT ''");
  add_column("dead_letters", "resolution_note", "TEXT NOT NULL DEFAULT ''");
  add_column("dead_letters", "resolved_at", "INTEGER NOT NULL DEFAULT 0");
}

void SqliteStore::migrate_to_3() {
  add_column("cases", "origin_event_id", "TEXT NOT NULL DEFAULT ''");
  add_column("cases", "opened_at", "INTEGER NOT NULL DEFAULT 0");
  add_column("cases", "status_since", "INTEGER NOT NULL DEFAULT 0");
  add_column("cases", "first_response_at", "INTEGER NOT NULL DEFAULT 0");
  add_column("cases", "open_timers", "INTEGER NOT NULL DEFAULT 0");
  add_column("authors", "concessions", "INTEGER NOT NULL DEFAULT 0");
  // What v2 recorded allows: the case's first audited event, its first
  // allowed reply (commit time: event times were not kept), the author's
  // allowed offers. opened_at and status_since stay 0 (unknown).
  exec(
      "UPDATE cases SET origin_event_id = COALESCE((SELECT event_id FROM audit "
      "WHERE audit.case_key = cases.case_key ORDER BY id LIMIT 1), '')");
  exec(
      "UPDATE cases SET first_response_at = COALESCE((SELECT MIN(outbox.created_at) FROM outbox "
      "JOIN audit ON audit.event_id = outbox.event_id WHERE audit.case_key = cases.case_key "
      "AND outbox.kind IN ('reply_public', 'reply_private') AND outbox.status IN ('pending', 'done', 'failed')), 0)");
  exec(
      "UPDATE authors SET concessions = (SELECT COUNT(*) FROM outbox JOIN audit ON audit.event_id = outbox.event_id "
      "WHERE substr(audit.case_key, 1, length(authors.account) + length(authors.author_id) + 2) = "
      "authors.account || '/' || authors.author_id || '/' "
      "AND outbox.status IN ('pending', 'done', 'failed', 'dry_run') "
      "AND json_extract(outbox.action, '$.params.offer') IS NOT NULL)");
}

}  // namespace parley::host
