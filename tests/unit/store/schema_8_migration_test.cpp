// Schema 7 -> 8: seen_events, audit and thread_activity fold into one
// `handled` row per event, and blocked/dry_run actions move out of the
// outbox into it (docs/adr/0018-one-row-per-event-store.md). The file is
// written with schema 7's own tables, every one of them filled.
#include <sqlite3.h>

#include <catch2/catch.hpp>
#include <set>

#include "fresh_database.hpp"
#include "store/sqlite_store.hpp"

namespace schema_8_migration_test {

using namespace parley;
using namespace parley::host;

constexpr const char* kSchema7File = R"sql(
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
INSERT INTO meta VALUES('schema_version', '7');
INSERT INTO meta VALUES('clock_ms', '9000');
CREATE TABLE seen_events(event_id TEXT PRIMARY KEY, connector TEXT NOT NULL, handled_at INTEGER NOT NULL);
CREATE TABLE cases(case_key TEXT PRIMARY KEY, status TEXT NOT NULL, events INTEGER NOT NULL,
  last_actions TEXT NOT NULL, updated_at INTEGER NOT NULL, origin_event_id TEXT NOT NULL DEFAULT '',
  opened_at INTEGER NOT NULL DEFAULT 0, status_since INTEGER NOT NULL DEFAULT 0,
  first_response_at INTEGER NOT NULL DEFAULT 0, open_timers INTEGER NOT NULL DEFAULT 0);
CREATE TABLE authors(account TEXT NOT NULL, author_id TEXT NOT NULL, events INTEGER NOT NULL,
  warnings INTEGER NOT NULL, banned INTEGER NOT NULL, complaints TEXT NOT NULL DEFAULT '[]',
  tier TEXT NOT NULL DEFAULT '', concessions INTEGER NOT NULL DEFAULT 0, banned_on TEXT NOT NULL DEFAULT '[]',
  PRIMARY KEY(account, author_id));
CREATE TABLE case_transitions(id INTEGER PRIMARY KEY, case_key TEXT NOT NULL, from_status TEXT NOT NULL,
  to_status TEXT NOT NULL, event_id TEXT NOT NULL, rule_id TEXT NOT NULL, at INTEGER NOT NULL);
CREATE TABLE timers(key TEXT PRIMARY KEY, case_key TEXT NOT NULL, connector TEXT NOT NULL, event_id TEXT NOT NULL,
  event TEXT NOT NULL, purpose TEXT NOT NULL, rule_id TEXT NOT NULL, set_at INTEGER NOT NULL,
  due_at INTEGER NOT NULL, fired_at INTEGER);
CREATE TABLE thread_activity(event_id TEXT PRIMARY KEY, account TEXT NOT NULL, thread_id TEXT NOT NULL,
  author_id TEXT NOT NULL, is_brand INTEGER NOT NULL, created_at INTEGER NOT NULL);
CREATE INDEX thread_activity_by_thread ON thread_activity(account, thread_id, created_at);
CREATE TABLE outbox(id INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE, connector TEXT NOT NULL,
  event_id TEXT NOT NULL, kind TEXT NOT NULL, action TEXT NOT NULL, status TEXT NOT NULL,
  note TEXT NOT NULL, attempts INTEGER NOT NULL, platform_id TEXT NOT NULL,
  created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL);
CREATE INDEX outbox_by_status ON outbox(status, id);
CREATE TABLE audit(id INTEGER PRIMARY KEY, event_id TEXT NOT NULL, case_key TEXT NOT NULL,
  record TEXT NOT NULL, created_at INTEGER NOT NULL);
CREATE INDEX audit_by_event ON audit(event_id, id);
CREATE TABLE dead_letters(id INTEGER PRIMARY KEY, stage TEXT NOT NULL, plugin TEXT NOT NULL,
  event_id TEXT NOT NULL, location TEXT NOT NULL, error TEXT NOT NULL, raw TEXT NOT NULL,
  created_at INTEGER NOT NULL, connector TEXT NOT NULL DEFAULT '', event TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL DEFAULT 'open', resolved_by TEXT NOT NULL DEFAULT '',
  resolution_note TEXT NOT NULL DEFAULT '', resolved_at INTEGER NOT NULL DEFAULT 0);
CREATE TABLE approvals(id INTEGER PRIMARY KEY, outbox_id INTEGER NOT NULL UNIQUE, key TEXT NOT NULL,
  decision TEXT NOT NULL, decided_by TEXT NOT NULL, note TEXT NOT NULL, decided_at INTEGER NOT NULL);
CREATE TABLE inbox(id INTEGER PRIMARY KEY, event_id TEXT NOT NULL UNIQUE, connector TEXT NOT NULL,
  event TEXT NOT NULL, received_at INTEGER NOT NULL);
CREATE TABLE checkpoints(connector TEXT NOT NULL, key TEXT NOT NULL, value TEXT NOT NULL,
  updated_at INTEGER NOT NULL, PRIMARY KEY(connector, key));
CREATE TABLE plugin_state(instance TEXT NOT NULL, key TEXT NOT NULL, value TEXT NOT NULL,
  updated_at INTEGER NOT NULL, PRIMARY KEY(instance, key));

-- e1: Maria's complaint in thread t1 (audited twice: the latest record wins);
-- e2: the brand's reply in t1; e3: a classifier threw on it (dead letter);
-- input:replay:in.jsonl:4: a line the connector could not read.
INSERT INTO seen_events VALUES('e1', 'replay', 5000);
INSERT INTO seen_events VALUES('e2', 'replay', 6000);
INSERT INTO seen_events VALUES('e3', 'replay', 6500);
INSERT INTO seen_events VALUES('input:replay:in.jsonl:4', 'replay', 6600);
INSERT INTO audit VALUES(1, 'e1', 'brand/maria/t1', '{"event":"e1","text":"first"}', 5000);
INSERT INTO audit VALUES(2, 'e2', 'brand/shop/t1', '{"event":"e2","text":"Λυπούμαστε"}', 6000);
INSERT INTO audit VALUES(3, 'e1', 'brand/maria/t1', '{"event":"e1","text":"Η παραγγελία άργησε"}', 7000);
INSERT INTO thread_activity VALUES('e1', 'brand', 't1', 'maria', 0, 4000);
INSERT INTO thread_activity VALUES('e2', 'brand', 't1', 'shop', 1, 4500);
INSERT INTO outbox VALUES(1, 'k/e1/escalate', 'replay', 'e1', 'escalate',
  '{"kind":"escalate","rule":"esc","key":"k/e1/escalate"}', 'pending_approval', 'needs a person', 0, '', 5000, 5000);
INSERT INTO outbox VALUES(2, 'k/e1/delete', 'replay', 'e1', 'delete',
  '{"kind":"delete","rule":"spam","key":"k/e1/delete"}', 'blocked', 'policy.never forbids delete', 0, '', 5000, 5000);
INSERT INTO outbox VALUES(3, 'k/e2/reply', 'mail', 'e2', 'reply_public',
  '{"kind":"reply_public","text":"Καλημέρα","rule":"ack","key":"k/e2/reply"}', 'dry_run', '', 0, '', 6000, 6000);
INSERT INTO outbox VALUES(4, 'k/e2/hide', 'replay', 'e2', 'hide',
  '{"kind":"hide","rule":"hide","key":"k/e2/hide"}', 'done', '', 1, 'p-4', 6000, 6100);
INSERT INTO approvals VALUES(1, 4, 'k/e2/hide', 'approved', 'alice', '', 6050);
INSERT INTO cases VALUES('brand/maria/t1', 'acknowledged', 1, '["escalate"]', 5000, 'e1', 4000, 5000, 0, 1);
INSERT INTO authors VALUES('brand', 'maria', 1, 0, 0, '[4000]', 'gold', 0, '[]');
INSERT INTO case_transitions VALUES(1, 'brand/maria/t1', 'new', 'acknowledged', 'e1', 'esc', 5000);
INSERT INTO timers VALUES('k/e1/follow', 'brand/maria/t1', 'replay', 'e1', '{"id":"e1"}', 'check back', 'fu',
  5000, 90000, NULL);
INSERT INTO dead_letters(stage, plugin, event_id, location, error, raw, created_at, connector, event)
  VALUES('classify', 'throwing', 'e3', 'e3', 'exploded', '', 6500, 'replay', '{"id":"e3","text":"x"}');
INSERT INTO inbox VALUES(1, 'e9', 'hooks', '{"id":"e9","platform":"webhook","account":"brand","kind":"comment",
  "thread_id":"t2","parent_id":"","author":{"id":"anna","handle":"anna","display_name":"Anna","is_brand":false},
  "text":"Odotan yhä","lang":"fi","created_at":8000,"url":"","visibility":"public","metadata":{},"raw":""}',
  8000);
INSERT INTO checkpoints VALUES('hooks', 'cursor', 'c7', 8000);
INSERT INTO plugin_state VALUES('playbook', 'k', 'v7', 8000);
)sql";

std::filesystem::path schema_7_file(const std::string& name) {
  auto file = parley::test::fresh_database_file("parley-schema-8-test", name);
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open(file.string().c_str(), &db) == SQLITE_OK);
  char* error = nullptr;
  const int code = sqlite3_exec(db, kSchema7File, nullptr, nullptr, &error);
  INFO((error ? error : ""));
  sqlite3_free(error);
  sqlite3_close(db);
  REQUIRE(code == SQLITE_OK);
  return file;
}

std::set<std::string> tables_of(const std::filesystem::path& file) {
  sqlite3* db = nullptr;
  std::set<std::string> names;
  REQUIRE(sqlite3_open(file.string().c_str(), &db) == SQLITE_OK);
  sqlite3_stmt* select = nullptr;
  REQUIRE(sqlite3_prepare_v2(db, "SELECT name FROM sqlite_master WHERE type = 'table'", -1, &select, nullptr) ==
          SQLITE_OK);
  while (sqlite3_step(select) == SQLITE_ROW)
    names.insert(reinterpret_cast<const char*>(sqlite3_column_text(select, 0)));
  sqlite3_finalize(select);
  sqlite3_close(db);
  return names;
}

TEST_CASE("schema 7 -> 8: every handled event, audit record and thread count survives in one row per event") {
  const auto file = schema_7_file("events");
  auto store = SqliteStore::open(file);
  CHECK(parley::test::stored_schema_version(file) == "8");

  for (const auto* id : {"e1", "e2", "e3", "input:replay:in.jsonl:4"}) CHECK(store->seen(id));
  CHECK_FALSE(store->seen("e9"));  // still waiting in the inbox

  const auto audit = store->audit();
  REQUIRE(audit.size() == 2);  // one per audited event; the dead letters have none
  CHECK(audit[0].event_id == "e2");
  CHECK(audit[1].event_id == "e1");  // placed by its latest record
  CHECK(audit[1].case_key == "brand/maria/t1");
  REQUIRE(store->audit_of_event("e1"));
  CHECK_THAT(store->audit_of_event("e1")->record_json, Catch::Contains("Η παραγγελία άργησε"));
  CHECK_FALSE(store->audit_of_event("e3"));

  // thread.replies_since for someone else in t1: Maria's comment and the brand's reply.
  const auto counts = store->thread_counts("brand", "t1", "someone", 0);
  CHECK(counts.replies == 1);
  CHECK(counts.brand_replies == 1);
  CHECK(store->thread_counts("brand", "t1", "maria", 0).replies == 0);
  CHECK(store->thread_counts("brand", "t1", "someone", 4200).replies == 0);

  CHECK(tables_of(file).count("seen_events") == 0);
  CHECK(tables_of(file).count("audit") == 0);
  CHECK(tables_of(file).count("thread_activity") == 0);
}

TEST_CASE("schema 7 -> 8: blocked and dry-run actions move to their event; the others stay in the outbox") {
  const auto file = schema_7_file("actions");
  auto store = SqliteStore::open(file);

  const auto blocked = store->outbox(OutboxStatus::blocked);
  REQUIRE(blocked.size() == 1);
  CHECK(blocked[0].event_id == "e1");
  CHECK(blocked[0].action.kind == ActionKind::delete_event);
  CHECK(blocked[0].action.idempotency_key == "k/e1/delete");
  CHECK(blocked[0].note == "policy.never forbids delete");
  CHECK(blocked[0].id == 0);
  const auto dry_run = store->outbox(OutboxStatus::dry_run);
  REQUIRE(dry_run.size() == 1);
  CHECK(dry_run[0].connector_id == "mail");  // a routed action keeps its connector
  CHECK(dry_run[0].action.text == "Καλημέρα");
  CHECK_FALSE(store->outbox_entry(2));
  CHECK_FALSE(store->outbox_entry(3));

  const auto parked = store->outbox(OutboxStatus::pending_approval);
  REQUIRE(parked.size() == 1);
  CHECK(parked[0].id == 1);
  const auto done = store->outbox(OutboxStatus::done);
  REQUIRE(done.size() == 1);
  CHECK(done[0].platform_id == "p-4");
  CHECK(store->approval_decisions(4).size() == 1);
  CHECK(store->decide({1, true, "bob", "", 0}).outcome == DecideResult::Outcome::decided);
}

TEST_CASE("schema 7 -> 8: the other tables are untouched and the file works on") {
  const auto file = schema_7_file("rest");
  auto store = SqliteStore::open(file);
  CHECK(store->load_case("brand/maria/t1").open_timers == 1);
  CHECK(store->load_author("brand", "maria").customer_tier == "gold");
  CHECK(store->case_transitions("brand/maria/t1").size() == 1);
  CHECK(store->due_timers(90000, 10).size() == 1);
  CHECK(store->dead_letters().size() == 1);
  CHECK(store->load_clock() == 9000);
  CHECK(store->load_checkpoint("hooks", "cursor") == std::optional<std::string>("c7"));
  CHECK(store->load_plugin_state("playbook", "k") == std::optional<std::string>("v7"));
  const auto waiting = store->inbox("hooks", 10);
  REQUIRE(waiting.size() == 1);
  CHECK(waiting[0].event.id == "e9");

  // The requeued dead letter's event is no longer seen and waits again.
  const auto letter = store->dead_letters()[0];
  REQUIRE(store->requeue_dead_letter(letter.id, "carol", "fixed the plugin"));
  CHECK_FALSE(store->seen("e3"));

  // New events append after the migrated ones; a reopened file is not migrated again.
  EventOutcome next;
  next.event_id = "e10";
  next.connector_id = "replay";
  next.case_key = "brand/maria/t1";
  next.audit_json = R"({"event":"e10"})";
  std::vector<EventOutcome> batch{next};
  store->commit(batch, {});
  store.reset();
  auto reopened = SqliteStore::open(file);
  const auto audit = reopened->audit();
  REQUIRE(audit.size() == 3);
  CHECK(audit.back().event_id == "e10");
  CHECK(reopened->outbox(OutboxStatus::blocked).size() == 1);
}

}  // namespace schema_8_migration_test
