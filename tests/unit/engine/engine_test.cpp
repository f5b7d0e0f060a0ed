// The engine with in-process plugins registered through the same checks as
// loaded libraries: dead letters, exactly-once execution, crash recovery.
#include <catch2/catch.hpp>
#include <filesystem>
#include <map>
#include <stdexcept>

#include "engine/engine.hpp"
#include "store/sqlite_store.hpp"
#include "test_descriptor.hpp"

// A named namespace, so that helpers of different test files can share one
// unity-build translation unit.
namespace engine_test {

using namespace parley;
using namespace parley::host;

/// What the fake platform saw, shared by every FakeConnector instance.
struct FakePlatform {
  std::vector<Event> events;
  std::map<std::string, int> executions;  ///< idempotency key -> times executed
  int fail_next_executions = 0;
  bool poll_fails = false;
  std::vector<std::string> retry_marks;  ///< params["parley.retry"] of each execute call ("" = absent)
};

FakePlatform platform;

class FakeConnector final : public Connector {
 public:
  FakeConnector(const ConfigValue&, PluginContext&) {}
  void poll(PollBatch& batch, std::size_t max_events) override {
    if (platform.poll_fails) throw std::runtime_error("feed unavailable");
    while (next_ < platform.events.size() && batch.events.size() < max_events) {
      batch.events.push_back(platform.events[next_++]);
    }
    batch.exhausted = next_ == platform.events.size();
  }
  ActionResult execute(const Action& action) override {
    const auto mark = action.params.find("parley.retry");
    platform.retry_marks.push_back(mark == action.params.end() ? "" : mark->second);
    if (platform.fail_next_executions > 0) {
      --platform.fail_next_executions;
      throw std::runtime_error("platform answered 500");
    }
    ++platform.executions[action.idempotency_key];
    return {ActionResult::Status::done, "p-" + action.idempotency_key, ""};
  }
  std::vector<ActionKind> supported_actions() const override { return {ActionKind::reply_public}; }

 private:
  std::size_t next_ = 0;
};

class ExplodingClassifier final : public Classifier {
 public:
  ExplodingClassifier(const ConfigValue&, PluginContext&) {}
  void classify(const Event& event, Labels& labels) override {
    if (event.text.find("boom") != std::string::npos) throw std::runtime_error("cannot read this");
    labels.set("intent.complaint", 1.0);
  }
};

/// Records the author history the host shows it, per event id.
std::map<std::string, AuthorHistory> histories_seen;

class HistoryProbe final : public Classifier {
 public:
  HistoryProbe(const ConfigValue&, PluginContext& context) : context_(context) {}
  void classify(const Event& event, Labels&) override {
    histories_seen[event.id] = context_.author_history(event);
    // Another event object (a copy) gets nothing: history is per call.
    const Event copy = event;
    if (context_.author_history(copy).events != 0) throw std::logic_error("history leaked to another event");
  }

 private:
  PluginContext& context_;
};

class ReplyResponder final : public Responder {
 public:
  ReplyResponder(const ConfigValue&, PluginContext&) {}
  void respond(const Event&, const Labels& labels, const CaseView&, std::vector<Action>& proposals) override {
    Action reply;
    reply.kind = ActionKind::reply_public;
    reply.text = "We are on it";
    reply.reason = "complaint";
    reply.rule_id = "ack";
    if (labels.score("intent.complaint") > 0.5) proposals.push_back(reply);
    reply.kind = ActionKind::delete_event;
    reply.rule_id = "tidy";
    proposals.push_back(reply);
  }
};

using parley::test::descriptor_for;

const PluginDescriptor connector_descriptor = descriptor_for<Connector, FakeConnector>(PluginKind::connector, "fake");
const PluginDescriptor classifier_descriptor =
    descriptor_for<Classifier, ExplodingClassifier>(PluginKind::classifier, "exploding");
const PluginDescriptor responder_descriptor = descriptor_for<Responder, ReplyResponder>(PluginKind::responder, "reply");
const PluginDescriptor probe_descriptor = descriptor_for<Classifier, HistoryProbe>(PluginKind::classifier, "probe");

/// A registry with the three test plugins, registered through the real checks.
PluginRegistry test_registry() {
  PluginRegistry registry;
  REQUIRE(registry.register_descriptor(&connector_descriptor, "test"));
  REQUIRE(registry.register_descriptor(&classifier_descriptor, "test"));
  REQUIRE(registry.register_descriptor(&responder_descriptor, "test"));
  REQUIRE(registry.register_descriptor(&probe_descriptor, "test"));
  return registry;
}

PipelineConfig test_pipeline(int workers) {
  PipelineConfig config;
  config.file = "test.yaml";
  config.dir = std::filesystem::temp_directory_path().string();
  config.client = "brand";
  const ConfigValue empty{ConfigValue::Map{}};
  config.connectors = {{"fake", "fake", empty, "test.yaml:1:1"}};
  config.classifiers = {{"exploding", "exploding", empty, "test.yaml:2:1"}};
  config.responders = {{"reply", "reply", empty, "test.yaml:3:1"}};
  config.policy.never = {ActionKind::delete_event};
  config.engine.workers = workers;
  config.engine.retry_backoff_ms = 1;
  config.engine.batch_size = 3;
  return config;
}

Event event(const std::string& id, const std::string& author, const std::string& text) {
  Event result;
  result.id = id;
  result.account = "brand";
  result.author.id = author;
  result.text = text;
  return result;
}

RunSummary run_once(PipelineRuntime& runtime, Store& store) {
  Engine engine(runtime, store, {});
  return engine.run();
}

TEST_CASE("a plugin that throws dead-letters its events and the others go on") {
  platform = {};
  platform.events = {event("e1", "u1", "late order"), event("e2", "u2", "boom"), event("e3", "u1", "still late"),
                     event("e4", "u3", "boom again"), event("e5", "u4", "Где мой заказ?")};
  const auto registry = test_registry();
  auto runtime = build_runtime(test_pipeline(GENERATE(1, 3)), registry, false, nullptr);
  auto store = SqliteStore::open(":memory:");

  const auto summary = run_once(runtime, *store);
  CHECK(summary.events == 5);
  CHECK(summary.dead_letters == 2);
  CHECK(summary.executed == 3);
  CHECK(summary.blocked == 3);  // delete, under never: [delete]
  const auto letters = store->dead_letters();
  REQUIRE(letters.size() == 2);
  CHECK(letters[0].stage == "classify");
  CHECK(letters[0].plugin == "exploding");
  CHECK(letters[0].error == "cannot read this");
  CHECK(platform.executions.size() == 3);
  CHECK(platform.executions.count("brand/e5/ack/reply_public") == 1);
}

TEST_CASE("running the same input again executes nothing twice") {
  platform = {};
  platform.events = {event("e1", "u1", "late"), event("e2", "u2", "wrong order")};
  const auto registry = test_registry();
  auto runtime = build_runtime(test_pipeline(2), registry, false, nullptr);
  auto store = SqliteStore::open(":memory:");
  CHECK(run_once(runtime, *store).executed == 2);

  auto again = build_runtime(test_pipeline(2), registry, false, nullptr);
  const auto second = run_once(again, *store);
  CHECK(second.events == 0);
  CHECK(second.already_seen == 2);
  for (const auto& [key, times] : platform.executions) CHECK(times == 1);
}

TEST_CASE("actions left pending by a crash are executed once on restart") {
  platform = {};
  platform.events = {event("e1", "u1", "late")};
  const auto registry = test_registry();
  auto store = SqliteStore::open(":memory:");
  {
    // Every attempt fails: the action ends failed, dead-lettered, not lost.
    platform.fail_next_executions = 3;
    auto runtime = build_runtime(test_pipeline(1), registry, false, nullptr);
    const auto summary = run_once(runtime, *store);
    CHECK(summary.failed == 1);
    CHECK(store->outbox(OutboxStatus::failed).size() == 1);
  }
  // Simulate a crash between recording and executing: put it back to pending.
  auto entry = store->outbox(OutboxStatus::failed).at(0);
  entry.status = OutboxStatus::pending;
  store->update_outbox(entry);
  auto runtime = build_runtime(test_pipeline(1), registry, false, nullptr);
  const auto summary = run_once(runtime, *store);
  CHECK(summary.recovered == 1);
  CHECK(platform.executions["brand/e1/ack/reply_public"] == 1);
  CHECK(store->outbox(OutboxStatus::done).size() == 1);
  // The interrupted run may have acted: the connector is told to check first.
  CHECK(platform.retry_marks.back() == "1");
}

TEST_CASE("a retryable failure is retried and then succeeds") {
  platform = {};
  platform.events = {event("e1", "u1", "late")};
  platform.fail_next_executions = 2;
  const auto registry = test_registry();
  auto runtime = build_runtime(test_pipeline(1), registry, false, nullptr);
  auto store = SqliteStore::open(":memory:");
  const auto summary = run_once(runtime, *store);
  CHECK(summary.executed == 1);
  CHECK(summary.dead_letters == 0);
  const auto done = store->outbox(OutboxStatus::done);
  REQUIRE(done.size() == 1);
  CHECK(done[0].attempts == 3);
  // Only the first attempt goes out unmarked; the retries may follow a post
  // that reached the platform, so they carry the mark.
  CHECK(platform.retry_marks == std::vector<std::string>{"", "1", "1"});
}

TEST_CASE("a connector that fails every poll is stopped and reported, not spun on") {
  platform = {};
  platform.events = {event("e1", "u1", "late")};
  platform.poll_fails = true;
  const auto registry = test_registry();
  auto runtime = build_runtime(test_pipeline(1), registry, false, nullptr);
  auto store = SqliteStore::open(":memory:");
  const auto summary = run_once(runtime, *store);
  CHECK(summary.events == 0);
  CHECK(summary.dead_letters == 1);
  const auto letters = store->dead_letters();
  REQUIRE(letters.size() == 1);
  CHECK(letters[0].stage == "poll");
  CHECK(letters[0].location == "fake");
  CHECK(letters[0].error == "feed unavailable");
}

TEST_CASE("classifiers see the author's earlier complaints, warnings and tier") {
  platform = {};
  histories_seen.clear();
  constexpr std::int64_t day = 24LL * 3600 * 1000;
  platform.events = {event("e1", "u1", "late"), event("e2", "u1", "still late"), event("e3", "u1", "boom"),
                     event("e4", "u1", "where is it"), event("e5", "u2", "late")};
  for (std::size_t i = 0; i < platform.events.size(); ++i) {
    platform.events[i].created_at = 1'796'000'000'000 + static_cast<std::int64_t>(i) * day;
  }
  platform.events[1].metadata["customer_tier"] = "gold";
  const auto registry = test_registry();
  auto config = test_pipeline(2);
  const ConfigValue empty{ConfigValue::Map{}};
  // The probe runs after the complaint classifier, as persona would.
  config.classifiers.push_back({"probe", "probe", empty, "test.yaml:2:1"});
  auto runtime = build_runtime(config, registry, false, nullptr);
  auto store = SqliteStore::open(":memory:");
  run_once(runtime, *store);

  REQUIRE(histories_seen.size() == 4);  // e3 failed in the first classifier
  CHECK(histories_seen["e1"].complaints_30d == 0);
  CHECK(histories_seen["e1"].customer_tier.empty());
  CHECK(histories_seen["e2"].complaints_30d == 1);
  CHECK(histories_seen["e2"].customer_tier == "gold");  // from this very event
  CHECK(histories_seen["e4"].complaints_30d == 2);      // the failed e3 does not count
  CHECK(histories_seen["e4"].events == 2);
  CHECK(histories_seen["e4"].customer_tier == "gold");
  CHECK(histories_seen["e5"].complaints_30d == 0);  // another author
  CHECK(store->load_author("brand", "u1").complaint_times.size() == 3);
}

TEST_CASE("handle_events: supplied events go through the real handlers; injected labels override classifiers") {
  platform = {};
  const auto registry = test_registry();
  auto runtime = build_runtime(test_pipeline(2), registry, true, nullptr, RuntimeParts::without_connectors);
  CHECK(runtime.connectors.empty());
  CHECK(runtime.responders.size() == 1);
  auto store = SqliteStore::open(":memory:");
  std::vector<HandledEvent> handled;
  RunOptions options;
  options.dry_run = true;
  options.on_event = [&](const HandledEvent& item) { handled.push_back(item); };
  Engine engine(runtime, *store, options);

  HandledEvent plain;
  plain.event = event("s1", "u1", "late");
  plain.connector_id = "fake";
  HandledEvent quieted = plain;
  quieted.event = event("s2", "u2", "Paczka spóźniona");
  quieted.injected.set("intent.complaint", 0.0);  // the classifier says 1.0
  quieted.injected.set_attribute("lang", "pl");
  const auto summary = engine.handle_events({plain, quieted});
  CHECK(summary.events == 2);
  CHECK(summary.dry_run == 1);  // only s1's reply; s2's complaint was overridden
  CHECK(summary.blocked == 2);  // delete, twice
  REQUIRE(handled.size() == 2);
  CHECK(handled[0].event.id == "s1");
  CHECK(handled[0].labels.score("intent.complaint") == 1.0);
  CHECK(handled[1].labels.score("intent.complaint") == 0.0);
  CHECK(handled[1].labels.attribute("lang") == "pl");
  CHECK(platform.executions.empty());

  const auto again = engine.handle_events({plain});
  CHECK(again.events == 0);
  CHECK(again.already_seen == 1);
}

}  // namespace engine_test
