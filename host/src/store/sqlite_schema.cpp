// SqliteStore: the state database's tables, and the migrations that bring
// a file of an older schema up to date when it is opened.
#include <spdlog/spdlog.h>
#include <sqlite3.h>

#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "store/action_json.hpp"
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
// 8: one `handled` row per event replaces seen_events, audit and
//    thread_activity; blocked and dry_run actions live in it, not in the
//    outbox (docs/adr/0018-one-row-per-event-store.md).
constexpr int kSchemaVersion = 8;

constexpr const char* kSchema = R"sql(
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
-- One row per event handled or dead-lettered: it is what makes an event
-- "seen". `record` is the audit record (NULL for a dead-lettered event);
-- `settled` the actions final when proposed (blocked, dry_run) as JSON.
CREATE TABLE IF NOT EXISTS handled(
  id INTEGER PRIMARY KEY, event_id TEXT NOT NULL UNIQUE, connector TEXT NOT NULL,
  case_key TEXT NOT NULL DEFAULT '', account TEXT NOT NULL DEFAULT '', author_id TEXT NOT NULL DEFAULT '',
  thread_id TEXT NOT NULL DEFAULT '', is_brand INTEGER NOT NULL DEFAULT 0, created_at INTEGER NOT NULL DEFAULT 0,
  handled_at INTEGER NOT NULL, record TEXT, settled TEXT NOT NULL DEFAULT '');
-- What thread.replies_since counts; events outside a thread are not indexed.
CREATE INDEX IF NOT EXISTS handled_by_thread ON handled(account, thread_id, created_at) WHERE thread_id != '';
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
CREATE TABLE IF NOT EXISTS outbox(
  id INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE, connector TEXT NOT NULL,
  event_id TEXT NOT NULL, kind TEXT NOT NULL, action TEXT NOT NULL, status TEXT NOT NULL,
  note TEXT NOT NULL, attempts INTEGER NOT NULL, platform_id TEXT NOT NULL,
  created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS outbox_by_status ON outbox(status, id);
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

// The tables schema 8 folded into `handled`, as schema 7 had them: a file
// older than 8 gets those it lacks, so that every migration step finds them.
constexpr const char* kTablesBefore8 = R"sql(
CREATE TABLE IF NOT EXISTS seen_events(
  event_id TEXT PRIMARY KEY, connector TEXT NOT NULL, handled_at INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS thread_activity(
  event_id TEXT PRIMARY KEY, account TEXT NOT NULL, thread_id TEXT NOT NULL, author_id TEXT NOT NULL,
  is_brand INTEGER NOT NULL, created_at INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS audit(
  id INTEGER PRIMARY KEY, event_id TEXT NOT NULL, case_key TEXT NOT NULL,
  record TEXT NOT NULL, created_at INTEGER NOT NULL);
)sql";

}  // namespace

void SqliteStore::create_schema() {
  exec(kSchema);
  std::optional<int> stored;
  {
    // Done reading before a migration runs: a statement still stepping
    // would keep the tables it drops locked.
    auto* select = statement("SELECT value FROM meta WHERE key = 'schema_version'");
    Step step(select);
    if (step.next() == SQLITE_ROW) stored = std::stoi(column_text(select, 0));
  }
  if (stored) {
    const int version = *stored;
    if (version > kSchemaVersion) {
      throw std::runtime_error("state database " + name_ + " has schema version " + std::to_string(version) +
                               ", newer than this parley (" + std::to_string(kSchemaVersion) + ")");
    }
    if (version == kSchemaVersion) return;
    // Once per file; a large file takes a while (schema 8 rewrites every
    // handled event's rows), so say so rather than look hung.
    spdlog::info("state database {}: migrating from schema {} to {} (once)", name_, version, kSchemaVersion);
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
    exec(kTablesBefore8);
    if (version < 2) {
      exec("ALTER TABLE authors ADD COLUMN complaints TEXT NOT NULL DEFAULT '[]'");
      exec("ALTER TABLE authors ADD COLUMN tier TEXT NOT NULL DEFAULT ''");
    }
    if (version < 3) migrate_to_3();
    // 4 and 7 add only tables, created by kSchema before this runs.
    if (version < 5) migrate_to_5();
    if (version < 6) add_column("authors", "banned_on", "TEXT NOT NULL DEFAULT '[]'");
    migrate_to_8();
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

void SqliteStore::migrate_to_8() {
  // Each event's latest audit record, in the order they were written, then
  // the events seen without one (dead-lettered).
  exec(
      "INSERT OR IGNORE INTO handled(event_id, connector, case_key, handled_at, record) "
      "SELECT audit.event_id, COALESCE(seen_events.connector, ''), audit.case_key, audit.created_at, audit.record "
      "FROM audit LEFT JOIN seen_events ON seen_events.event_id = audit.event_id "
      "WHERE audit.id = (SELECT MAX(latest.id) FROM audit AS latest WHERE latest.event_id = audit.event_id) "
      "ORDER BY audit.id");
  exec(
      "INSERT OR IGNORE INTO handled(event_id, connector, handled_at) "
      "SELECT event_id, connector, handled_at FROM seen_events ORDER BY handled_at, rowid");
  exec(
      "UPDATE handled SET account = thread_activity.account, thread_id = thread_activity.thread_id, "
      "author_id = thread_activity.author_id, is_brand = thread_activity.is_brand, "
      "created_at = thread_activity.created_at FROM thread_activity "
      "WHERE thread_activity.event_id = handled.event_id");
  move_settled_actions_out_of_outbox();
  exec("DROP TABLE seen_events; DROP TABLE audit; DROP TABLE thread_activity");
}

void SqliteStore::move_settled_actions_out_of_outbox() {
  std::map<std::string, std::vector<OutboxEntry>> by_event;
  {
    auto* select = statement(
        "SELECT event_id, connector, action, status, note, created_at FROM outbox "
        "WHERE status IN ('blocked', 'dry_run') ORDER BY id");
    Step step(select);
    while (step.next() == SQLITE_ROW) {
      OutboxEntry entry;
      entry.event_id = column_text(select, 0);
      entry.connector_id = column_text(select, 1);
      entry.action = action_from_json(nlohmann::json::parse(column_text(select, 2)));
      entry.status = outbox_status_from_string(column_text(select, 3));
      entry.note = column_text(select, 4);
      entry.created_at = sqlite3_column_int64(select, 5);
      by_event[entry.event_id].push_back(std::move(entry));
    }
  }
  for (const auto& [event_id, entries] : by_event) {
    std::vector<const OutboxEntry*> settled;
    for (const auto& entry : entries) settled.push_back(&entry);
    const auto json = settled_actions_to_json(settled);
    // An outbox row always came with its event's seen row; should one not
    // have, the event becomes handled (at its first action's time) rather
    // than the action lost.
    mark_seen(event_id, entries.front().connector_id, entries.front().created_at);
    Step update(statement("UPDATE handled SET settled = ? WHERE event_id = ?"));
    if (update.bind(1, json).bind(2, event_id).next() != SQLITE_DONE) fail("moving settled actions");
  }
  exec("DELETE FROM outbox WHERE status IN ('blocked', 'dry_run')");
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
