#include <catch2/catch.hpp>
#include <filesystem>

#include <sqlite3.h>

#include "fresh_database.hpp"
#include "store/sqlite_store.hpp"

// A named namespace, so that helpers of different test files can share one
// unity-build translation unit.
namespace sqlite_store_test {

using namespace parley;
using namespace parley::host;

std::filesystem::path fresh_database(const std::string& name) {
  return parley::test::fresh_database_file("parley-store-test", name);
}

EventOutcome outcome_with_actions(const std::string& event_id) {
  EventOutcome outcome;
  outcome.event_id = event_id;
  outcome.connector_id = "replay";
  outcome.case_key = "brand/u1/t1";
  outcome.account = "brand";
  outcome.author_id = "u1";
  outcome.case_after.status = "acknowledged";
  outcome.case_after.events = 1;
  outcome.case_after.last_actions = {"reply_public"};
  outcome.author_after.events = 1;
  outcome.author_after.warnings = 1;
  outcome.audit_json = R"({"event":")" + event_id + R"(","text":"Η παραγγελία άργησε"})";
  OutboxEntry reply;
  reply.connector_id = "replay";
  reply.event_id = event_id;
  reply.action.kind = ActionKind::reply_public;
  reply.action.text = "Λυπούμαστε, Μαρία";
  reply.action.rule_id = "ack";
  reply.action.idempotency_key = "brand/" + event_id + "/ack/reply_public";
  reply.status = OutboxStatus::pending;
  OutboxEntry removal = reply;
  removal.action.kind = ActionKind::delete_event;
  removal.action.idempotency_key = "brand/" + event_id + "/spam/delete";
  removal.status = OutboxStatus::blocked;
  removal.note = "policy.never forbids delete";
  outcome.actions = {reply, removal};
  return outcome;
}

TEST_CASE("a committed outcome is durable across reopening") {
  const auto file = fresh_database("durable");
  {
    auto store = SqliteStore::open(file);
    CHECK_FALSE(store->seen("e1"));
    std::vector<EventOutcome> batch{outcome_with_actions("e1")};
    store->commit(batch, {{"input", "replay", "", "events.jsonl:3", "bad JSON", "{oops", 0}});
    CHECK(batch[0].actions[0].id > 0);
  }
  auto store = SqliteStore::open(file);
  CHECK(store->seen("e1"));
  CHECK_FALSE(store->seen("e2"));
  const auto case_state = store->load_case("brand/u1/t1");
  CHECK(case_state.status == "acknowledged");
  CHECK(case_state.last_actions == std::vector<std::string>{"reply_public"});
  CHECK(store->load_author("brand", "u1").warnings == 1);
  CHECK(store->load_author("brand", "nobody").events == 0);

  const auto pending = store->outbox(OutboxStatus::pending);
  REQUIRE(pending.size() == 1);
  CHECK(pending[0].action.text == "Λυπούμαστε, Μαρία");
  const auto blocked = store->outbox(OutboxStatus::blocked);
  REQUIRE(blocked.size() == 1);
  CHECK(blocked[0].note == "policy.never forbids delete");
  CHECK(blocked[0].action.kind == ActionKind::delete_event);
  CHECK(blocked[0].event_id == "e1");
  CHECK(blocked[0].id == 0);  // final when recorded: kept with its event, not in the outbox

  const auto letters = store->dead_letters();
  REQUIRE(letters.size() == 1);
  CHECK(letters[0].location == "events.jsonl:3");
  REQUIRE(store->audit().size() == 1);
  CHECK_THAT(store->audit()[0].record_json, Catch::Contains("Η παραγγελία άργησε"));
}

TEST_CASE("an action key is recorded once, however often it is committed") {
  auto store = SqliteStore::open(fresh_database("once"));
  std::vector<EventOutcome> first{outcome_with_actions("e1")};
  store->commit(first, {});
  std::vector<EventOutcome> again{outcome_with_actions("e1")};
  store->commit(again, {});
  CHECK(again[0].actions[0].id == 0);  // already there: the engine will not execute it
  CHECK(store->outbox(OutboxStatus::pending).size() == 1);
}

TEST_CASE("updating an outbox entry moves it between statuses") {
  auto store = SqliteStore::open(fresh_database("update"));
  std::vector<EventOutcome> batch{outcome_with_actions("e1")};
  store->commit(batch, {});
  auto entry = batch[0].actions[0];
  entry.status = OutboxStatus::done;
  entry.attempts = 2;
  entry.platform_id = "fb-123";
  store->update_outbox(entry);
  CHECK(store->outbox(OutboxStatus::pending).empty());
  const auto done = store->outbox(OutboxStatus::done);
  REQUIRE(done.size() == 1);
  CHECK(done[0].attempts == 2);
  CHECK(done[0].platform_id == "fb-123");
}

TEST_CASE("a snapshot sees the file's state and never writes to it") {
  const auto file = fresh_database("snapshot");
  {
    auto store = SqliteStore::open(file);
    std::vector<EventOutcome> batch{outcome_with_actions("e1")};
    store->commit(batch, {});
  }
  {
    auto snapshot = SqliteStore::open_snapshot(file);
    CHECK(snapshot->seen("e1"));
    std::vector<EventOutcome> batch{outcome_with_actions("e2")};
    snapshot->commit(batch, {});
    CHECK(snapshot->seen("e2"));
  }
  auto store = SqliteStore::open(file);
  CHECK_FALSE(store->seen("e2"));
  CHECK(SqliteStore::open_snapshot(fresh_database("missing-file"))->audit().empty());
}

int page_size_of(const std::filesystem::path& file) {
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open_v2(file.string().c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK);
  sqlite3_stmt* select = nullptr;
  REQUIRE(sqlite3_prepare_v2(db, "PRAGMA page_size", -1, &select, nullptr) == SQLITE_OK);
  REQUIRE(sqlite3_step(select) == SQLITE_ROW);
  const int size = sqlite3_column_int(select, 0);
  sqlite3_finalize(select);
  sqlite3_close(db);
  return size;
}

TEST_CASE("a new state file has 16 KiB pages, an older file keeps its 4 KiB pages and snapshots of both work") {
  const auto fresh = fresh_database("page-size-new");
  SqliteStore::open(fresh);
  CHECK(page_size_of(fresh) == 16384);

  // A file made before 16 KiB pages (SQLite's default, 4 KiB).
  const auto older = fresh_database("page-size-old");
  {
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open(older.string().c_str(), &db) == SQLITE_OK);
    REQUIRE(sqlite3_exec(db, "PRAGMA page_size=4096; CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);",
                         nullptr, nullptr, nullptr) == SQLITE_OK);
    sqlite3_close(db);
  }
  {
    auto store = SqliteStore::open(older);
    std::vector<EventOutcome> batch{outcome_with_actions("e1")};
    store->commit(batch, {});
  }
  CHECK(page_size_of(older) == 4096);
  auto snapshot = SqliteStore::open_snapshot(older);
  CHECK(snapshot->seen("e1"));
  CHECK(SqliteStore::open_snapshot(fresh)->audit().empty());
}

TEST_CASE("an author's complaint times and customer tier are kept") {
  const auto file = fresh_database("author-memory");
  {
    auto store = SqliteStore::open(file);
    std::vector<EventOutcome> batch{outcome_with_actions("e1")};
    batch[0].author_after.complaint_times = {1'790'000'000'000, 1'791'000'000'000};
    batch[0].author_after.customer_tier = "platinum";
    store->commit(batch, {});
  }
  const auto author = SqliteStore::open(file)->load_author("brand", "u1");
  CHECK(author.complaint_times == std::vector<std::int64_t>{1'790'000'000'000, 1'791'000'000'000});
  CHECK(author.customer_tier == "platinum");
}

TEST_CASE("a state file of schema 1 is migrated and keeps its authors") {
  const auto file = fresh_database("schema-1");
  {
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open(file.string().c_str(), &db) == SQLITE_OK);
    const char* v1 = R"sql(
      CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
      INSERT INTO meta VALUES('schema_version', '1');
      CREATE TABLE authors(account TEXT NOT NULL, author_id TEXT NOT NULL, events INTEGER NOT NULL,
        warnings INTEGER NOT NULL, banned INTEGER NOT NULL, PRIMARY KEY(account, author_id));
      INSERT INTO authors VALUES('brand', 'u1', 5, 2, 0);)sql";
    REQUIRE(sqlite3_exec(db, v1, nullptr, nullptr, nullptr) == SQLITE_OK);
    sqlite3_close(db);
  }
  auto store = SqliteStore::open(file);
  const auto author = store->load_author("brand", "u1");
  CHECK(author.events == 5);
  CHECK(author.warnings == 2);
  CHECK(author.complaint_times.empty());
  CHECK(author.customer_tier.empty());
  std::vector<EventOutcome> batch{outcome_with_actions("e1")};
  batch[0].author_after.customer_tier = "gold";
  store->commit(batch, {});
  CHECK(SqliteStore::open(file)->load_author("brand", "u1").customer_tier == "gold");
}

}  // namespace sqlite_store_test
