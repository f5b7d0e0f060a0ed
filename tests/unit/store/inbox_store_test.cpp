// Schema 4: the inbox of webhook events (stored before the sender's 2xx,
// removed when handled), checkpoints committed with a batch, and the
// migration from schema 3.
#include <sqlite3.h>

#include <catch2/catch.hpp>
#include <filesystem>

#include "fresh_database.hpp"
#include "store/sqlite_store.hpp"

// A named namespace, so that helpers of different test files can share one
// unity-build translation unit.
namespace inbox_store_test {

using namespace parley;
using namespace parley::host;

std::filesystem::path fresh_database(const std::string& name) {
  return parley::test::fresh_database_file("parley-inbox-store-test", name);
}

Event event(const std::string& id, const std::string& text = "hello") {
  Event result;
  result.id = id;
  result.platform = "test";
  result.account = "brand";
  result.kind = EventKind::direct_message;
  result.thread_id = "t-" + id;
  result.author = {"u1", "@anna", "Anna", false};
  result.text = text;
  result.created_at = 1700000000000;
  result.visibility = Visibility::private_message;
  result.metadata = {{"customer_tier", "gold"}};
  result.raw = R"({"id":")" + id + R"("})";
  return result;
}

InboxDelivery delivery(const std::string& connector, std::vector<Event> events) {
  InboxDelivery result;
  result.connector_id = connector;
  result.events = std::move(events);
  return result;
}

EventOutcome outcome_for(const std::string& event_id) {
  EventOutcome outcome;
  outcome.event_id = event_id;
  outcome.connector_id = "hooks";
  outcome.case_key = "brand/u1/t";
  outcome.account = "brand";
  outcome.author_id = "u1";
  outcome.audit_json = "{}";
  return outcome;
}

std::vector<std::string> inbox_ids(Store& store, const std::string& connector, std::size_t limit = 100) {
  std::vector<std::string> ids;
  for (const auto& waiting : store.inbox(connector, limit)) ids.push_back(waiting.event.id);
  return ids;
}

TEST_CASE("inbox: delivered events wait, oldest first, with every field, per connector") {
  auto store = SqliteStore::open(fresh_database("order"));
  CHECK(store->add_to_inbox(delivery("hooks", {event("e1"), event("e2")})) == 2);
  CHECK(store->add_to_inbox(delivery("other", {event("o1")})) == 1);
  CHECK(store->add_to_inbox(delivery("hooks", {event("e3")})) == 1);
  CHECK(inbox_ids(*store, "hooks") == std::vector<std::string>{"e1", "e2", "e3"});
  CHECK(inbox_ids(*store, "hooks", 2) == std::vector<std::string>{"e1", "e2"});
  CHECK(inbox_ids(*store, "other") == std::vector<std::string>{"o1"});

  const auto first = store->inbox("hooks", 1).at(0);
  const auto expected = event("e1");
  CHECK(first.connector_id == "hooks");
  CHECK(first.received_at > 0);
  CHECK(first.event.platform == expected.platform);
  CHECK(first.event.kind == EventKind::direct_message);
  CHECK(first.event.thread_id == "t-e1");
  CHECK(first.event.author.handle == "@anna");
  CHECK(first.event.author.display_name == "Anna");
  CHECK(first.event.text == "hello");
  CHECK(first.event.created_at == expected.created_at);
  CHECK(first.event.visibility == Visibility::private_message);
  CHECK(first.event.metadata == expected.metadata);
  CHECK(first.event.raw == expected.raw);
}

TEST_CASE("inbox: the same event delivered again, or already handled, is stored once") {
  auto store = SqliteStore::open(fresh_database("dedup"));
  CHECK(store->add_to_inbox(delivery("hooks", {event("e1")})) == 1);
  CHECK(store->add_to_inbox(delivery("hooks", {event("e1", "changed")})) == 0);
  CHECK(store->inbox("hooks", 10).at(0).event.text == "hello");  // the first delivery stays

  std::vector<EventOutcome> handled{outcome_for("e2")};
  store->commit(handled, {});
  CHECK(store->add_to_inbox(delivery("hooks", {event("e2")})) == 0);
  CHECK(inbox_ids(*store, "hooks") == std::vector<std::string>{"e1"});
}

TEST_CASE("inbox: committing an event as handled, or dead-lettered, removes it from the inbox") {
  const auto file = fresh_database("drain");
  auto store = SqliteStore::open(file);
  store->add_to_inbox(delivery("hooks", {event("e1"), event("e2"), event("e3")}));
  std::vector<EventOutcome> handled{outcome_for("e1")};
  store->commit(handled, {{"classify", "boom", "e2", "hooks", "exploded", "", 0}});
  CHECK(inbox_ids(*store, "hooks") == std::vector<std::string>{"e3"});
  CHECK(store->seen("e1"));
  CHECK(store->seen("e2"));
  // Durable: a new process (the next run) finds what is left.
  CHECK(inbox_ids(*SqliteStore::open(file), "hooks") == std::vector<std::string>{"e3"});
}

TEST_CASE("inbox: a delivery's rejected inputs are dead letters, once") {
  auto store = SqliteStore::open(fresh_database("rejected"));
  auto with_rejected = delivery("hooks", {event("e1")});
  with_rejected.dead_letters.push_back({"input", "test-webhook", "input:hooks:body 7", "body 7", "no id", "{}", 0});
  store->add_to_inbox(with_rejected);
  store->add_to_inbox(with_rejected);  // the platform delivered it again
  const auto letters = store->dead_letters();
  REQUIRE(letters.size() == 1);
  CHECK(letters[0].location == "body 7");
  CHECK(letters[0].error == "no id");
  CHECK(store->seen("input:hooks:body 7"));
}

TEST_CASE("checkpoints: saved with a delivery or a batch, per connector, the last value wins") {
  const auto file = fresh_database("checkpoints");
  auto store = SqliteStore::open(file);
  CHECK_FALSE(store->load_checkpoint("hooks", "cursor"));
  auto with_cursor = delivery("hooks", {event("e1")});
  with_cursor.checkpoints = {{"cursor", "c1"}};
  store->add_to_inbox(with_cursor);
  CHECK(store->load_checkpoint("hooks", "cursor") == std::optional<std::string>("c1"));
  CHECK_FALSE(store->load_checkpoint("other", "cursor"));

  std::vector<EventOutcome> handled{outcome_for("e1")};
  store->commit(handled, {}, {{"hooks", "cursor", "c2"}, {"poller", "since", "1700"}});
  CHECK(SqliteStore::open(file)->load_checkpoint("hooks", "cursor") == std::optional<std::string>("c2"));
  CHECK(SqliteStore::open(file)->load_checkpoint("poller", "since") == std::optional<std::string>("1700"));
}

TEST_CASE("checkpoints: a dry run's snapshot keeps them in memory only") {
  const auto file = fresh_database("dry-checkpoints");
  std::vector<EventOutcome> none;
  SqliteStore::open(file)->commit(none, {}, {{"hooks", "cursor", "c1"}});
  auto snapshot = SqliteStore::open_snapshot(file);
  CHECK(snapshot->load_checkpoint("hooks", "cursor") == std::optional<std::string>("c1"));
  snapshot->commit(none, {}, {{"hooks", "cursor", "c2"}});
  snapshot->add_to_inbox(delivery("hooks", {event("e1")}));
  CHECK(snapshot->load_checkpoint("hooks", "cursor") == std::optional<std::string>("c2"));
  auto real = SqliteStore::open(file);
  CHECK(real->load_checkpoint("hooks", "cursor") == std::optional<std::string>("c1"));
  CHECK(real->inbox("hooks", 10).empty());
}

TEST_CASE("a state file of schema 3 is migrated (through 4) and keeps what it had") {
  const auto file = fresh_database("schema-3");
  {
    // Today's schema without the tables 4 added is schema 3.
    std::vector<EventOutcome> handled{outcome_for("old")};
    SqliteStore::open(file)->commit(handled, {});
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open(file.string().c_str(), &db) == SQLITE_OK);
    REQUIRE(sqlite3_exec(db,
                         "DROP TABLE inbox; DROP TABLE checkpoints; "
                         "UPDATE meta SET value = '3' WHERE key = 'schema_version'",
                         nullptr, nullptr, nullptr) == SQLITE_OK);
    sqlite3_close(db);
  }
  auto store = SqliteStore::open(file);
  CHECK(store->seen("old"));
  CHECK(store->add_to_inbox(delivery("hooks", {event("new"), event("old")})) == 1);
  CHECK(inbox_ids(*store, "hooks") == std::vector<std::string>{"new"});
  std::vector<EventOutcome> none;
  store->commit(none, {}, {{"hooks", "cursor", "c1"}});
  CHECK(store->load_checkpoint("hooks", "cursor") == std::optional<std::string>("c1"));

  CHECK(parley::test::stored_schema_version(file) == "8");
}

}  // namespace inbox_store_test
