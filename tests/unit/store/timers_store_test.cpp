// Schema 3: the API 1.2 case fields, case transitions, durable timers,
// thread activity and the saved engine clock; and the migration from schema 2.
#include <sqlite3.h>

#include <catch2/catch.hpp>
#include <filesystem>

#include "fresh_database.hpp"
#include "store/sqlite_store.hpp"

// A named namespace, so that helpers of different test files can share one
// unity-build translation unit.
namespace timers_store_test {

using namespace parley;
using namespace parley::host;

std::filesystem::path fresh_database(const std::string& name) {
  return parley::test::fresh_database_file("parley-timers-store-test", name);
}

EventOutcome outcome_for(const std::string& event_id, const std::string& author, const std::string& thread,
                         std::int64_t created_at) {
  EventOutcome outcome;
  outcome.event_id = event_id;
  outcome.connector_id = "replay";
  outcome.case_key = "brand/" + author + "/" + thread;
  outcome.account = "brand";
  outcome.author_id = author;
  outcome.at = created_at;
  outcome.audit_json = "{}";
  outcome.activity = {thread, false, created_at};
  return outcome;
}

Timer timer(const std::string& key, std::int64_t due_at) {
  Timer result;
  result.key = key;
  result.case_key = "brand/u1/t1";
  result.connector_id = "replay";
  result.event_id = "e1";
  result.event_json = R"({"id":"e1"})";
  result.purpose = "follow_up";
  result.rule_id = "ack";
  result.set_at = 1000;
  result.due_at = due_at;
  return result;
}

TEST_CASE("the 1.2 case fields and the author's concessions survive reopening") {
  const auto file = fresh_database("case-fields");
  {
    auto store = SqliteStore::open(file);
    std::vector<EventOutcome> batch{outcome_for("e1", "u1", "t1", 5000)};
    auto& after = batch[0].case_after;
    after.status = "private";
    after.origin_event_id = "e1";
    after.opened_at = 5000;
    after.status_since = 5100;
    after.first_response_at = 5100;
    after.open_timers = 2;
    batch[0].author_after.concessions = 3;
    batch[0].transitions = {{"brand/u1/t1", "new", "private", "e1", "dm", 5100}};
    store->commit(batch, {});
  }
  auto store = SqliteStore::open(file);
  const auto state = store->load_case("brand/u1/t1");
  CHECK(state.status == "private");
  CHECK(state.origin_event_id == "e1");
  CHECK(state.opened_at == 5000);
  CHECK(state.status_since == 5100);
  CHECK(state.first_response_at == 5100);
  CHECK(state.open_timers == 2);
  CHECK(store->load_author("brand", "u1").concessions == 3);
  const auto transitions = store->transitions();
  REQUIRE(transitions.size() == 1);
  CHECK(transitions[0].from == "new");
  CHECK(transitions[0].to == "private");
  CHECK(transitions[0].event_id == "e1");
  CHECK(transitions[0].rule_id == "dm");
  CHECK(transitions[0].at == 5100);
}

TEST_CASE("timers come back due in due order, once set, and stop once fired") {
  auto store = SqliteStore::open(":memory:");
  std::vector<EventOutcome> batch{outcome_for("e1", "u1", "t1", 1000)};
  batch[0].timers_set = {timer("k-late", 9000), timer("k-early", 3000), timer("k-middle", 5000)};
  store->commit(batch, {});
  // The same key again (a re-committed event) does not make a second timer.
  std::vector<EventOutcome> again{outcome_for("e1", "u1", "t1", 1000)};
  again[0].timers_set = {timer("k-early", 4000)};
  store->commit(again, {});

  CHECK(store->due_timers(2999, 10).empty());
  auto due = store->due_timers(5000, 10);
  REQUIRE(due.size() == 2);
  CHECK(due[0].key == "k-early");
  CHECK(due[0].due_at == 3000);
  CHECK(due[1].key == "k-middle");
  CHECK(store->due_timers(9000, 1).size() == 1);  // the limit holds

  std::vector<EventOutcome> fired{outcome_for("timer:k-early", "u1", "t1", 3000)};
  fired[0].timer_fired = "k-early";
  fired[0].activity = {};
  store->commit(fired, {});
  due = store->due_timers(9000, 10);
  REQUIRE(due.size() == 2);
  CHECK(due[0].key == "k-middle");
  CHECK(store->seen("timer:k-early"));
  const auto all = store->timers();
  REQUIRE(all.size() == 3);
  CHECK(all[0].fired);
  CHECK_FALSE(all[1].fired);
}

TEST_CASE("thread counts: other authors since a time, brand apart, from committed events") {
  auto store = SqliteStore::open(":memory:");
  std::vector<EventOutcome> batch{outcome_for("e1", "u1", "t1", 1000), outcome_for("e2", "u2", "t1", 2000),
                                  outcome_for("e3", "u3", "t1", 3000), outcome_for("e4", "brand", "t1", 4000),
                                  outcome_for("e5", "u1", "t1", 5000), outcome_for("e6", "u2", "t2", 6000)};
  batch[3].activity.is_brand = true;
  store->commit(batch, {});
  const auto counts = store->thread_counts("brand", "t1", "u1", 1500);
  CHECK(counts.replies == 2);  // u2 and u3; u1's own e5 does not count
  CHECK(counts.brand_replies == 1);
  CHECK(store->thread_counts("brand", "t1", "u1", 4000).replies == 0);
  CHECK(store->thread_counts("other", "t1", "u1", 0).replies == 0);
  CHECK(store->thread_counts("brand", "", "u1", 0).replies == 0);
}

TEST_CASE("the saved engine clock never goes back") {
  const auto file = fresh_database("clock");
  {
    auto store = SqliteStore::open(file);
    CHECK(store->load_clock() == 0);
    store->save_clock(1'796'000'000'000);
    store->save_clock(1'700'000'000'000);
  }
  CHECK(SqliteStore::open(file)->load_clock() == 1'796'000'000'000);
}

TEST_CASE("a state file of schema 2 is migrated (through 3) and fills what it can") {
  const auto file = fresh_database("schema-2");
  {
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open(file.string().c_str(), &db) == SQLITE_OK);
    const char* v2 = R"sql(
      CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
      INSERT INTO meta VALUES('schema_version', '2');
      CREATE TABLE seen_events(event_id TEXT PRIMARY KEY, connector TEXT NOT NULL, handled_at INTEGER NOT NULL);
      CREATE TABLE cases(case_key TEXT PRIMARY KEY, status TEXT NOT NULL, events INTEGER NOT NULL,
        last_actions TEXT NOT NULL, updated_at INTEGER NOT NULL);
      CREATE TABLE authors(account TEXT NOT NULL, author_id TEXT NOT NULL, events INTEGER NOT NULL,
        warnings INTEGER NOT NULL, banned INTEGER NOT NULL, complaints TEXT NOT NULL DEFAULT '[]',
        tier TEXT NOT NULL DEFAULT '', PRIMARY KEY(account, author_id));
      CREATE TABLE outbox(id INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE, connector TEXT NOT NULL,
        event_id TEXT NOT NULL, kind TEXT NOT NULL, action TEXT NOT NULL, status TEXT NOT NULL,
        note TEXT NOT NULL, attempts INTEGER NOT NULL, platform_id TEXT NOT NULL,
        created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL);
      CREATE TABLE audit(id INTEGER PRIMARY KEY, event_id TEXT NOT NULL, case_key TEXT NOT NULL,
        record TEXT NOT NULL, created_at INTEGER NOT NULL);
      CREATE TABLE dead_letters(id INTEGER PRIMARY KEY, stage TEXT NOT NULL, plugin TEXT NOT NULL,
        event_id TEXT NOT NULL, location TEXT NOT NULL, error TEXT NOT NULL, raw TEXT NOT NULL,
        created_at INTEGER NOT NULL);
      INSERT INTO cases VALUES('brand/u1/t1', 'private', 2, '["reply_private"]', 7000);
      INSERT INTO authors VALUES('brand', 'u1', 2, 1, 0, '[]', 'gold');
      INSERT INTO audit VALUES(1, 'e1', 'brand/u1/t1', '{}', 5000);
      INSERT INTO audit VALUES(2, 'e2', 'brand/u1/t1', '{}', 6000);
      INSERT INTO outbox VALUES(1, 'b/e1/dm/reply_private', 'replay', 'e1', 'reply_private',
        '{"kind":"reply_private","params":{"offer":"10% voucher"}}', 'done', '', 1, 'p1', 5500, 5500);
      INSERT INTO outbox VALUES(2, 'b/e2/dm/reply_public', 'replay', 'e2', 'reply_public',
        '{"kind":"reply_public","params":{"offer":"free coffee"}}', 'blocked', 'no', 0, '', 5400, 5400);)sql";
    REQUIRE(sqlite3_exec(db, v2, nullptr, nullptr, nullptr) == SQLITE_OK);
    sqlite3_close(db);
  }
  auto store = SqliteStore::open(file);
  const auto state = store->load_case("brand/u1/t1");
  CHECK(state.status == "private");
  CHECK(state.events == 2);
  CHECK(state.origin_event_id == "e1");    // the first audited event of the case
  CHECK(state.first_response_at == 5500);  // the first allowed reply (a blocked one does not count)
  CHECK(state.opened_at == 0);             // unknown in schema 2
  CHECK(state.open_timers == 0);
  const auto author = store->load_author("brand", "u1");
  CHECK(author.customer_tier == "gold");
  CHECK(author.concessions == 1);  // the allowed offer only
  CHECK(store->timers().empty());
  CHECK(store->transitions().empty());
  // The new tables work on the migrated file.
  std::vector<EventOutcome> batch{outcome_for("e3", "u1", "t1", 8000)};
  batch[0].timers_set = {timer("k", 9000)};
  store->commit(batch, {});
  CHECK(SqliteStore::open(file)->due_timers(9000, 10).size() == 1);

  CHECK(parley::test::stored_schema_version(file) == "8");  // through 3 and 4 to the current
}

}  // namespace timers_store_test
