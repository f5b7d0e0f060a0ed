// PluginStateBuffer: what PluginContext::load_state/save_state (API 1.4) see
// between the plugin and the store.
#include <catch2/catch.hpp>
#include <memory>

#include "plugins/host_plugin_context.hpp"
#include "plugins/plugin_state_buffer.hpp"
#include "store/sqlite_store.hpp"

// A named namespace, so that helpers of different test files can share one
// unity-build translation unit.
namespace plugin_state_buffer_test {

using namespace parley;
using namespace parley::host;

struct Fixture {
  std::shared_ptr<StoreSlot> slot = std::make_shared<StoreSlot>();
  std::shared_ptr<PluginStateBuffer> buffer = std::make_shared<PluginStateBuffer>(slot);
  std::unique_ptr<SqliteStore> store = SqliteStore::open(":memory:");

  Fixture() { slot->bind(store.get()); }

  void commit() {
    std::vector<EventOutcome> none;
    store->commit(none, {}, {}, buffer->unsaved());
    buffer->committed();
  }
};

TEST_CASE("plugin state: a saved value is read back at once, and reaches the store only when committed") {
  Fixture fixture;
  auto& buffer = *fixture.buffer;
  CHECK_FALSE(buffer.load("playbook", "k"));
  buffer.save("playbook", "k", "v1");
  CHECK(buffer.load("playbook", "k") == std::optional<std::string>("v1"));
  CHECK_FALSE(buffer.load("rules", "k"));  // per instance
  CHECK_FALSE(fixture.store->load_plugin_state("playbook", "k"));

  const auto unsaved = buffer.unsaved();
  REQUIRE(unsaved.size() == 1);
  CHECK(unsaved[0].instance_id == "playbook");
  CHECK(unsaved[0].value == "v1");
  fixture.commit();
  CHECK(buffer.unsaved().empty());
  CHECK(fixture.store->load_plugin_state("playbook", "k") == std::optional<std::string>("v1"));
}

TEST_CASE("plugin state: a value committed earlier is read from the store, and a new store starts afresh") {
  Fixture fixture;
  std::vector<parley::host::EventOutcome> none;
  fixture.store->commit(none, {}, {}, {{"playbook", "k", "from-an-earlier-run"}});
  CHECK(fixture.buffer->load("playbook", "k") == std::optional<std::string>("from-an-earlier-run"));

  fixture.buffer->save("playbook", "k", "not committed");
  // `parley test` binds a fresh store per case: nothing of the last one shows.
  auto fresh = SqliteStore::open(":memory:");
  fixture.slot->bind(fresh.get());
  CHECK_FALSE(fixture.buffer->load("playbook", "k"));
  CHECK(fixture.buffer->unsaved().empty());

  // Bound again to a store at the same address (the next case's store may
  // well be allocated where the last one was): still a new store.
  fixture.buffer->save("playbook", "k", "case 1");
  fixture.slot->bind(fresh.get());
  CHECK_FALSE(fixture.buffer->load("playbook", "k"));
}

TEST_CASE("plugin state: discarded values are read again from the store") {
  Fixture fixture;
  std::vector<parley::host::EventOutcome> none;
  fixture.store->commit(none, {}, {}, {{"playbook", "k", "committed"}});
  fixture.buffer->save("playbook", "k", "from a refused pass");
  fixture.buffer->save("playbook", "new", "from a refused pass");
  fixture.buffer->discard_unsaved();
  CHECK(fixture.buffer->unsaved().empty());
  CHECK(fixture.buffer->load("playbook", "k") == std::optional<std::string>("committed"));
  CHECK_FALSE(fixture.buffer->load("playbook", "new"));
}

TEST_CASE("plugin state: a value over the limit is refused with the instance and key named") {
  Fixture fixture;
  const std::string too_big(kMaxStateValueBytes + 1, 'x');
  CHECK_THROWS_WITH(fixture.buffer->save("playbook", "big", too_big),
                    Catch::Contains("'playbook'") && Catch::Contains("'big'"));
  CHECK_FALSE(fixture.buffer->load("playbook", "big"));
  fixture.buffer->save("playbook", "big", std::string(kMaxStateValueBytes, 'x'));
  CHECK(fixture.buffer->load("playbook", "big")->size() == kMaxStateValueBytes);
}

TEST_CASE("plugin state: the host context saves under its own instance id") {
  Fixture fixture;
  HostPluginContext playbook("brand", "playbook", ".", false, nullptr, nullptr, fixture.slot, nullptr, fixture.buffer);
  HostPluginContext rules("brand", "rules", ".", false, nullptr, nullptr, fixture.slot, nullptr, fixture.buffer);
  playbook.save_state("k", "mine");
  CHECK(playbook.load_state("k") == std::optional<std::string>("mine"));
  CHECK_FALSE(rules.load_state("k"));
  fixture.commit();
  CHECK(fixture.store->load_plugin_state("playbook", "k") == std::optional<std::string>("mine"));

  HostPluginContext without_state("brand", "x", ".", false, nullptr);
  CHECK_FALSE(without_state.load_state("k"));
  CHECK_THROWS_AS(without_state.save_state("k", "v"), std::logic_error);
}

}  // namespace plugin_state_buffer_test
