// Schema 5: dead letters keep their event and connector, and what a person
// decided (retried, requeued, discarded) as a compare-and-set from open; a
// requeued event is no longer seen and waits in its connector's inbox.
#include <sqlite3.h>

#include <catch2/catch.hpp>
#include <filesystem>

#include "fresh_database.hpp"
#include "store/event_json.hpp"
#include "store/sqlite_store.hpp"

// A named namespace, so that helpers of different test files can share one
// unity-build translation unit.
namespace dead_letters_store_test {

using namespace parley;
using namespace parley::host;

std::filesystem::path fresh_database(const std::string& name) {
  return parley::test::fresh_database_file("parley-dead-letters-store-test", name);
}

Event event(const std::string& id) {
  Event result;
  result.id = id;
  result.platform = "test";
  result.account = "brand";
  result.author = {"u1", "@anna", "Άννα", false};
  result.text = "Η παραγγελία άργησε δύο ώρες";
  result.created_at = 1700000000000;
  return result;
}

/// A classify failure as the engine records it: with the event and its connector.
DeadLetter classify_failure(const Event& failed, const std::string& connector) {
  DeadLetter letter{"classify", "throwing", failed.id, connector, "exploded on purpose", "{}", 0};
  letter.connector_id = connector;
  letter.event_json = event_to_json(failed).dump();
  return letter;
}

/// Commits `letters` as a batch does (their events become seen).
void commit_letters(Store& store, const std::vector<DeadLetter>& letters) {
  std::vector<EventOutcome> none;
  store.commit(none, letters);
}

TEST_CASE("dead letters: recorded open, with ids, event and connector") {
  auto store = SqliteStore::open(fresh_database("recorded"));
  commit_letters(*store, {classify_failure(event("e1"), "replay")});
  store->add_dead_letter({"execute", "facebook-pages", "e2", "key-2", "HTTP 500", "", 0});

  const auto letters = store->dead_letters();
  REQUIRE(letters.size() == 2);
  CHECK(letters[0].id > 0);
  CHECK(letters[1].id > letters[0].id);
  CHECK(letters[0].status == DeadLetterStatus::open);
  CHECK(letters[0].connector_id == "replay");
  CHECK(event_from_json(nlohmann::json::parse(letters[0].event_json)).text == "Η παραγγελία άργησε δύο ώρες");
  CHECK(letters[1].location == "key-2");
  CHECK(letters[1].event_json.empty());

  const auto one = store->dead_letter(letters[1].id);
  REQUIRE(one);
  CHECK(one->stage == "execute");
  CHECK_FALSE(store->dead_letter(letters[1].id + 100));
}

TEST_CASE("dead letters: resolving is a compare-and-set from open, recorded with who and why") {
  auto store = SqliteStore::open(fresh_database("resolve"));
  store->add_dead_letter({"poll", "facebook-pages", "", "fb", "token expired", "", 0});
  const auto id = store->dead_letters().at(0).id;

  CHECK(store->resolve_dead_letter(id, {DeadLetterStatus::discarded, "alice", "new token installed"}));
  CHECK_FALSE(store->resolve_dead_letter(id, {DeadLetterStatus::retried, "bob", ""}));

  const auto letter = store->dead_letter(id);
  REQUIRE(letter);
  CHECK(letter->status == DeadLetterStatus::discarded);
  CHECK(letter->resolved_by == "alice");
  CHECK(letter->resolution_note == "new token installed");
  CHECK(letter->resolved_at > 0);
}

TEST_CASE("dead letters: a requeued event is no longer seen and waits in its connector's inbox, once") {
  auto store = SqliteStore::open(fresh_database("requeue"));
  commit_letters(*store, {classify_failure(event("e1"), "replay")});
  REQUIRE(store->seen("e1"));
  CHECK(store->inbox("replay", 10).empty());
  const auto id = store->dead_letters().at(0).id;

  CHECK(store->requeue_dead_letter(id, "alice", "plugin fixed in 1.0.1"));
  CHECK_FALSE(store->seen("e1"));
  const auto waiting = store->inbox("replay", 10);
  REQUIRE(waiting.size() == 1);
  CHECK(waiting[0].event.id == "e1");
  CHECK(waiting[0].event.author.display_name == "Άννα");
  CHECK(store->dead_letter(id)->status == DeadLetterStatus::requeued);
  CHECK(store->dead_letter(id)->resolved_by == "alice");

  // A second requeue changes nothing.
  CHECK_FALSE(store->requeue_dead_letter(id, "bob", ""));
  CHECK(store->inbox("replay", 10).size() == 1);

  // Handled again: seen, out of the inbox.
  EventOutcome handled;
  handled.event_id = "e1";
  handled.connector_id = "replay";
  handled.case_key = "brand/u1/e1";
  handled.audit_json = "{}";
  std::vector<EventOutcome> outcomes{handled};
  store->commit(outcomes, {});
  CHECK(store->seen("e1"));
  CHECK(store->inbox("replay", 10).empty());
}

TEST_CASE("dead letters: one without an event (an execute failure, an older letter) cannot be requeued") {
  auto store = SqliteStore::open(fresh_database("no-event"));
  store->add_dead_letter({"execute", "replay", "e2", "key-2", "disk full", "", 0});
  const auto id = store->dead_letters().at(0).id;
  CHECK_FALSE(store->requeue_dead_letter(id, "alice", ""));
  CHECK(store->dead_letter(id)->status == DeadLetterStatus::open);
}

TEST_CASE("a state file of schema 4 is migrated to 5: its dead letters are open and keep what they had") {
  const auto file = fresh_database("schema-4");
  {
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open(file.string().c_str(), &db) == SQLITE_OK);
    // The dead_letters table as schema 4 had it, and nothing else: the store
    // creates the other tables.
    REQUIRE(sqlite3_exec(db,
                         "CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);"
                         "INSERT INTO meta VALUES('schema_version', '4');"
                         "CREATE TABLE dead_letters(id INTEGER PRIMARY KEY, stage TEXT NOT NULL, plugin TEXT NOT NULL,"
                         " event_id TEXT NOT NULL, location TEXT NOT NULL, error TEXT NOT NULL, raw TEXT NOT NULL,"
                         " created_at INTEGER NOT NULL);"
                         "INSERT INTO dead_letters(stage, plugin, event_id, location, error, raw, created_at)"
                         " VALUES('respond', 'playbook', 'old-1', 'replay', 'bad template', '{}', 1700000000000);",
                         nullptr, nullptr, nullptr) == SQLITE_OK);
    sqlite3_close(db);
  }
  auto store = SqliteStore::open(file);
  CHECK(parley::test::stored_schema_version(file) == "8");
  const auto letters = store->dead_letters();
  REQUIRE(letters.size() == 1);
  CHECK(letters[0].event_id == "old-1");
  CHECK(letters[0].error == "bad template");
  CHECK(letters[0].status == DeadLetterStatus::open);
  CHECK(letters[0].event_json.empty());
  CHECK_FALSE(store->requeue_dead_letter(letters[0].id, "alice", ""));  // it has no event to requeue
  CHECK(store->resolve_dead_letter(letters[0].id, {DeadLetterStatus::discarded, "alice", "answered by hand"}));
}

}  // namespace dead_letters_store_test
