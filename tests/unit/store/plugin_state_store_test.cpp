// Schema 7: plugin state (PluginContext::save_state, API 1.4) committed with a
// batch, per plugin instance, and the migration from schema 6.
#include <sqlite3.h>

#include <catch2/catch.hpp>
#include <filesystem>

#include "fresh_database.hpp"
#include "store/sqlite_store.hpp"

// A named namespace, so that helpers of different test files can share one
// unity-build translation unit.
namespace plugin_state_store_test {

using namespace parley::host;

std::filesystem::path fresh_database(const std::string& name) {
  return parley::test::fresh_database_file("parley-plugin-state-store-test", name);
}

EventOutcome outcome_for(const std::string& event_id) {
  EventOutcome outcome;
  outcome.event_id = event_id;
  outcome.connector_id = "replay";
  outcome.case_key = "brand/u1/t";
  outcome.account = "brand";
  outcome.author_id = "u1";
  outcome.audit_json = "{}";
  return outcome;
}

TEST_CASE("plugin state: committed with a batch, per instance, the last value wins, kept across opens") {
  const auto file = fresh_database("commit");
  {
    auto store = SqliteStore::open(file);
    CHECK_FALSE(store->load_plugin_state("playbook", "k"));
    std::vector<EventOutcome> first{outcome_for("e1")};
    store->commit(first, {}, {}, {{"playbook", "k", "v1"}, {"other", "k", "x"}});
    std::vector<EventOutcome> second{outcome_for("e2")};
    store->commit(second, {}, {}, {{"playbook", "k", "v2"}});
  }
  auto reopened = SqliteStore::open(file);
  CHECK(reopened->load_plugin_state("playbook", "k") == std::optional<std::string>("v2"));
  CHECK(reopened->load_plugin_state("other", "k") == std::optional<std::string>("x"));
  CHECK_FALSE(reopened->load_plugin_state("playbook", "other-key"));
  // Not the connector checkpoints of an instance of the same id.
  CHECK_FALSE(reopened->load_checkpoint("playbook", "k"));
}

TEST_CASE("plugin state: a commit refused for a newer approval saves none of it") {
  const auto file = fresh_database("refused");
  auto store = SqliteStore::open(file);
  const auto before = store->latest_approval_id();
  std::vector<EventOutcome> none;
  // Any approval decision moves latest_approval_id; simulate one with a row.
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open(file.string().c_str(), &db) == SQLITE_OK);
  REQUIRE(sqlite3_exec(db,
                       "INSERT INTO approvals(outbox_id, key, decision, decided_by, note, decided_at) "
                       "VALUES(1, 'k', 'approved', 'maria', '', 0)",
                       nullptr, nullptr, nullptr) == SQLITE_OK);
  sqlite3_close(db);
  std::vector<EventOutcome> batch{outcome_for("e1")};
  CHECK_FALSE(store->commit_unless_approved_after(before, batch, {}, {}, {{"playbook", "k", "v1"}}));
  CHECK_FALSE(store->load_plugin_state("playbook", "k"));
  CHECK(store->commit_unless_approved_after(store->latest_approval_id(), batch, {}, {}, {{"playbook", "k", "v1"}}));
  CHECK(store->load_plugin_state("playbook", "k") == std::optional<std::string>("v1"));
}

TEST_CASE("plugin state: a dry run's snapshot keeps it in memory only") {
  const auto file = fresh_database("dry");
  std::vector<EventOutcome> none;
  SqliteStore::open(file)->commit(none, {}, {}, {{"playbook", "k", "v1"}});
  auto snapshot = SqliteStore::open_snapshot(file);
  CHECK(snapshot->load_plugin_state("playbook", "k") == std::optional<std::string>("v1"));
  snapshot->commit(none, {}, {}, {{"playbook", "k", "v2"}});
  CHECK(snapshot->load_plugin_state("playbook", "k") == std::optional<std::string>("v2"));
  CHECK(SqliteStore::open(file)->load_plugin_state("playbook", "k") == std::optional<std::string>("v1"));
}

TEST_CASE("a state file of schema 6 is migrated to the current schema and keeps what it had") {
  const auto file = fresh_database("schema-6");
  {
    std::vector<EventOutcome> handled{outcome_for("old")};
    SqliteStore::open(file)->commit(handled, {});
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open(file.string().c_str(), &db) == SQLITE_OK);
    REQUIRE(sqlite3_exec(db, "DROP TABLE plugin_state; UPDATE meta SET value = '6' WHERE key = 'schema_version'",
                         nullptr, nullptr, nullptr) == SQLITE_OK);
    sqlite3_close(db);
  }
  REQUIRE(parley::test::stored_schema_version(file) == "6");
  auto store = SqliteStore::open(file);
  CHECK(store->seen("old"));
  std::vector<EventOutcome> none;
  store->commit(none, {}, {}, {{"playbook", "k", "v1"}});
  CHECK(store->load_plugin_state("playbook", "k") == std::optional<std::string>("v1"));
  CHECK(parley::test::stored_schema_version(file) == "8");
}

}  // namespace plugin_state_store_test
