// The engine with API 1.3 connectors: inbox events handled like polled ones
// and removed when handled, a webhook run going on until stopped, and poll
// checkpoints committed with their events and read back by the connector.
#include <catch2/catch.hpp>
#include <chrono>
#include <filesystem>
#include <future>
#include <thread>

#include "engine/engine.hpp"
#include "store/sqlite_store.hpp"
#include "test_descriptor.hpp"

// A named namespace, so that helpers of different test files can share one
// unity-build translation unit.
namespace inbox_engine_test {

using namespace parley;
using namespace parley::host;
using namespace std::chrono_literals;

/// A webhook-only connector: nothing to poll.
class HookConnector final : public Connector {
 public:
  HookConnector(const ConfigValue&, PluginContext&) {}
  void poll(PollBatch& batch, std::size_t) override { batch.exhausted = true; }
  ActionResult execute(const Action&) override { return {ActionResult::Status::done, "p", ""}; }
  std::vector<ActionKind> supported_actions() const override { return {ActionKind::reply_public}; }
  bool receives_webhooks() const override { return true; }
};

/// A paged feed of `feed` that resumes from its checkpoint; records where it started.
std::vector<Event> feed;
std::vector<std::string> resumed_from;

class CursorConnector final : public Connector {
 public:
  CursorConnector(const ConfigValue&, PluginContext& context) : context_(context) {}
  void poll(PollBatch& batch, std::size_t max_events) override {
    if (!started_) {
      started_ = true;
      const auto saved = context_.load_checkpoint("next");
      resumed_from.push_back(saved.value_or("none"));
      next_ = saved ? std::stoul(*saved) : 0;
    }
    while (next_ < feed.size() && batch.events.size() < max_events) batch.events.push_back(feed[next_++]);
    batch.checkpoints["next"] = std::to_string(next_);
    batch.exhausted = next_ == feed.size();
  }
  ActionResult execute(const Action&) override { return {ActionResult::Status::done, "p", ""}; }
  std::vector<ActionKind> supported_actions() const override { return {ActionKind::reply_public}; }

 private:
  PluginContext& context_;
  bool started_ = false;
  std::size_t next_ = 0;
};

using parley::test::descriptor_for;

const PluginDescriptor hook_descriptor = descriptor_for<Connector, HookConnector>(PluginKind::connector, "hook");
const PluginDescriptor cursor_descriptor = descriptor_for<Connector, CursorConnector>(PluginKind::connector, "cursor");
/// The same webhook connector built for API 1.2: the host must not call its 1.3 members.
PluginDescriptor older_hook_descriptor() {
  auto descriptor = descriptor_for<Connector, HookConnector>(PluginKind::connector, "old-hook");
  descriptor.api_minor = 2;
  return descriptor;
}

const PluginDescriptor old_hook_descriptor = older_hook_descriptor();

PluginRegistry registry() {
  PluginRegistry result;
  REQUIRE(result.register_descriptor(&hook_descriptor, "test"));
  REQUIRE(result.register_descriptor(&cursor_descriptor, "test"));
  REQUIRE(result.register_descriptor(&old_hook_descriptor, "test"));
  return result;
}

PipelineConfig pipeline_with(const std::string& plugin) {
  PipelineConfig config;
  config.file = "test.yaml";
  config.dir = std::filesystem::temp_directory_path().string();
  config.client = "brand";
  config.connectors = {{"hooks", plugin, ConfigValue{ConfigValue::Map{}}, "test.yaml:1:1"}};
  config.engine.workers = 2;
  config.engine.batch_size = 2;
  return config;
}

Event event(const std::string& id) {
  Event result;
  result.id = id;
  result.account = "brand";
  result.author.id = "u-" + id;
  result.text = "hello";
  return result;
}

InboxDelivery delivery(std::vector<Event> events) {
  InboxDelivery result;
  result.connector_id = "hooks";
  result.events = std::move(events);
  return result;
}

TEST_CASE("engine: inbox events are handled like polled ones, once, and the run goes on until stopped") {
  const auto reg = registry();
  auto runtime = build_runtime(pipeline_with("hook"), reg, false, nullptr);
  auto store = SqliteStore::open(":memory:");
  store->add_to_inbox(delivery({event("w1"), event("w2"), event("w3")}));  // more than one batch

  std::atomic<bool> stop{false};
  std::vector<std::string> handled;  // written by the engine's thread, read once it returned
  std::vector<std::string> connectors;
  RunOptions options;
  options.stop = &stop;
  options.on_event = [&](const HandledEvent& item) {
    handled.push_back(item.event.id);
    connectors.push_back(item.connector_id);
  };
  Engine engine(runtime, *store, options);
  auto running = std::async(std::launch::async, [&] { return engine.run(); });
  // A delivery while it runs.
  std::this_thread::sleep_for(50ms);
  store->add_to_inbox(delivery({event("w4"), event("w1")}));
  const auto deadline = std::chrono::steady_clock::now() + 5s;
  while ((!store->inbox("hooks", 10).empty() || !store->seen("w4")) && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(20ms);
  }
  // Its only poll said exhausted, yet it still runs: webhooks may come.
  CHECK(running.wait_for(300ms) == std::future_status::timeout);
  stop = true;
  REQUIRE(running.wait_for(5s) == std::future_status::ready);
  const auto summary = running.get();
  CHECK(summary.events == 4);
  CHECK(handled == std::vector<std::string>{"w1", "w2", "w3", "w4"});  // oldest first
  CHECK(connectors == std::vector<std::string>(4, "hooks"));
  CHECK(store->inbox("hooks", 10).empty());
  CHECK(store->audit().size() == 4);
}

TEST_CASE("engine: a connector built for API 1.2 gets no webhooks, and its run ends when it is exhausted") {
  const auto reg = registry();
  auto runtime = build_runtime(pipeline_with("old-hook"), reg, false, nullptr);
  CHECK_FALSE(receives_webhooks(runtime.connectors.at(0)));
  auto store = SqliteStore::open(":memory:");
  Engine engine(runtime, *store, {});
  auto running = std::async(std::launch::async, [&] { return engine.run(); });
  REQUIRE(running.wait_for(5s) == std::future_status::ready);
  CHECK(running.get().events == 0);
}

TEST_CASE("engine: poll checkpoints are committed with their events, and the next run resumes from them") {
  feed = {event("c1"), event("c2"), event("c3")};
  resumed_from.clear();
  const auto reg = registry();
  auto store = SqliteStore::open(":memory:");
  {
    auto runtime = build_runtime(pipeline_with("cursor"), reg, false, nullptr);
    CHECK(Engine(runtime, *store, {}).run().events == 3);
  }
  CHECK(store->load_checkpoint("hooks", "next") == std::optional<std::string>("3"));
  feed.push_back(event("c4"));
  auto runtime = build_runtime(pipeline_with("cursor"), reg, false, nullptr);
  const auto second = Engine(runtime, *store, {}).run();
  CHECK(resumed_from == std::vector<std::string>{"none", "3"});
  CHECK(second.events == 1);
  CHECK(second.already_seen == 0);  // nothing read twice
  CHECK(store->load_checkpoint("hooks", "next") == std::optional<std::string>("4"));
}

}  // namespace inbox_engine_test
