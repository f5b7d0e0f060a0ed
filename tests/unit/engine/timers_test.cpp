// The engine's clock, case lifecycle and durable follow_up timers, with
// in-process plugins registered through the same checks as loaded libraries.
#include <catch2/catch.hpp>
#include <map>
#include <mutex>

#include "engine/engine.hpp"
#include "engine/timer_event.hpp"
#include "store/sqlite_store.hpp"
#include "test_descriptor.hpp"

// A named namespace, so that helpers of different test files can share one
// unity-build translation unit.
namespace timers_test {

using namespace parley;
using namespace parley::host;

constexpr std::int64_t kHour = 3'600'000;
constexpr std::int64_t kDay = 24 * kHour;
constexpr std::int64_t kStart = 1'796'115'600'000;  // 2026-12-01T09:00:00Z

/// The fake platform and what the responder saw, shared by the instances.
struct World {
  std::vector<Event> events;
  std::map<std::string, int> executions;  ///< idempotency key -> times executed
  std::vector<Action> executed;
  std::mutex mutex;  ///< responders run on several workers
  std::map<std::string, CaseView> views;
  std::map<std::string, std::int64_t> now_seen;
  std::map<std::string, Event> timer_events;
};

World world;

class TimedConnector final : public Connector {
 public:
  TimedConnector(const ConfigValue&, PluginContext&) {}
  void poll(PollBatch& batch, std::size_t max_events) override {
    while (next_ < world.events.size() && batch.events.size() < max_events) {
      batch.events.push_back(world.events[next_++]);
    }
    batch.exhausted = next_ == world.events.size();
  }
  ActionResult execute(const Action& action) override {
    ++world.executions[action.idempotency_key];
    world.executed.push_back(action);
    return {ActionResult::Status::done, "p-" + action.idempotency_key, ""};
  }
  std::vector<ActionKind> supported_actions() const override {
    return {ActionKind::reply_public, ActionKind::reply_private};
  }

 private:
  std::size_t next_ = 0;
};

/// "late": acknowledge and follow up in 3 days; "deal": a private offer that
/// waits for the customer; a timer event: a private check-in.
class FollowUpResponder final : public Responder {
 public:
  FollowUpResponder(const ConfigValue&, PluginContext& context) : context_(context) {}
  void respond(const Event& event, const Labels&, const CaseView& case_view, std::vector<Action>& proposals) override {
    {
      std::lock_guard lock(world.mutex);
      world.views[event.id] = case_view;
      world.now_seen[event.id] = context_.now_ms();
      if (event.kind == EventKind::timer) world.timer_events[event.id] = event;
    }
    if (event.author.is_brand) return;
    if (event.kind == EventKind::timer) {
      proposals.push_back(make(ActionKind::reply_private, "check-in", {{"case_status", "followed_up"}}));
    } else if (event.text.find("late") != std::string::npos) {
      proposals.push_back(make(ActionKind::reply_public, "ack", {}));
      proposals.push_back(make(ActionKind::follow_up, "ack", {{"after", "3d"}, {"purpose", "check_in"}}));
    } else if (event.text.find("deal") != std::string::npos) {
      proposals.push_back(
          make(ActionKind::reply_private, "deal", {{"offer", "10% voucher"}, {"case_status", "awaiting_customer"}}));
    }
  }

 private:
  static Action make(ActionKind kind, const std::string& rule, std::map<std::string, std::string> params) {
    Action action;
    action.kind = kind;
    action.text = "text of " + rule;
    action.params = std::move(params);
    action.rule_id = rule;
    action.reason = "test rule " + rule;
    return action;
  }
  PluginContext& context_;
};

using parley::test::descriptor_for;

const PluginDescriptor timed_connector = descriptor_for<Connector, TimedConnector>(PluginKind::connector, "timed");
const PluginDescriptor follow_up_responder =
    descriptor_for<Responder, FollowUpResponder>(PluginKind::responder, "follow-up");

PluginRegistry registry() {
  PluginRegistry result;
  REQUIRE(result.register_descriptor(&timed_connector, "test"));
  REQUIRE(result.register_descriptor(&follow_up_responder, "test"));
  return result;
}

PipelineConfig pipeline(int workers, ClockMode clock) {
  PipelineConfig config;
  config.file = "timers.yaml";
  config.dir = std::filesystem::temp_directory_path().string();
  config.client = "brand";
  const ConfigValue empty{ConfigValue::Map{}};
  config.connectors = {{"timed", "timed", empty, "timers.yaml:1:1"}};
  config.responders = {{"follow-up", "follow-up", empty, "timers.yaml:2:1"}};
  config.engine.workers = workers;
  config.engine.retry_backoff_ms = 1;
  config.engine.batch_size = 2;
  config.engine.clock = clock;
  return config;
}

Event event(const std::string& id, const std::string& author, const std::string& thread, const std::string& text,
            std::int64_t created_at, bool brand = false) {
  Event result;
  result.id = id;
  result.platform = "fake";
  result.account = "brand";
  result.author.id = author;
  result.author.is_brand = brand;
  result.thread_id = thread;
  result.text = text;
  result.lang = "fi";
  result.created_at = created_at;
  return result;
}

void reset_world(std::vector<Event> events) {
  world.events = std::move(events);
  world.executions.clear();
  world.executed.clear();
  world.views.clear();
  world.now_seen.clear();
  world.timer_events.clear();
}

TEST_CASE("a timer event copies the fields of the event it was set for, text written as nlohmann would") {
  Event source;
  source.id = "e1";
  source.platform = "facebook";
  source.account = "brand";
  source.thread_id = "t\"1";
  source.url = "https://example.com/p/1";
  source.lang = "en";
  source.visibility = Visibility::private_message;
  source.author.id = "u1";
  source.author.handle = "anna\xff";  // invalid UTF-8: replaced, not dropped
  source.author.display_name = "Άννα";
  source.author.is_brand = false;
  Labels labels;
  labels.set_attribute("lang", "el");  // the classifier's language wins over the connector's

  const auto text = timer_event_json(source, labels);
  const nlohmann::json tree = {
      {"id", "e1"},
      {"platform", "facebook"},
      {"account", "brand"},
      {"thread_id", "t\"1"},
      {"url", "https://example.com/p/1"},
      {"lang", "el"},
      {"private", true},
      {"author", {{"id", "u1"}, {"handle", "anna\xff"}, {"display_name", "Άννα"}, {"is_brand", false}}}};
  CHECK(text == tree.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));

  Timer timer;
  timer.key = "k1";
  timer.event_id = "e1";
  timer.event_json = text;
  const auto fired = make_timer_event(timer);
  CHECK(fired.id == "timer:k1");
  CHECK(fired.parent_id == "e1");
  CHECK(fired.thread_id == "t\"1");
  CHECK(fired.lang == "el");
  CHECK(fired.visibility == Visibility::private_message);
  CHECK(fired.author.handle == "anna\xEF\xBF\xBD");  // U+FFFD
  CHECK(fired.author.display_name == "Άννα");
}

TEST_CASE("the host fills the 1.2 case view and moves cases; plugins read the events clock") {
  reset_world({event("e1", "u1", "t1", "my order is late", kStart),
               event("e2", "u1", "t1", "a deal please", kStart + kHour),
               event("e3", "u1", "t1", "thanks", kStart + 2 * kHour)});
  const auto plugins = registry();
  auto runtime = build_runtime(pipeline(GENERATE(1, 2), ClockMode::events), plugins, false, nullptr);
  auto store = SqliteStore::open(":memory:");
  Engine(runtime, *store, {}).run();

  const auto& first = world.views.at("e1");
  CHECK(first.origin_event_id == "e1");  // the case opens with its first event
  CHECK(first.opened_at == kStart);
  CHECK(first.status == "new");
  CHECK(first.first_response_at == 0);
  CHECK(first.open_timers == 0);
  const auto& second = world.views.at("e2");
  CHECK(second.origin_event_id == "e1");
  CHECK(second.opened_at == kStart);
  CHECK(second.status == "acknowledged");
  CHECK(second.status_since == kStart);
  CHECK(second.first_response_at == kStart);
  CHECK(second.open_timers == 1);
  CHECK(second.author_concessions == 0);
  const auto& third = world.views.at("e3");
  CHECK(third.status == "awaiting_customer");  // params.case_status on the private offer
  CHECK(third.status_since == kStart + kHour);
  CHECK(third.first_response_at == kStart);  // the first answer only
  CHECK(third.author_concessions == 1);
  CHECK(world.now_seen.at("e2") == kStart + kHour);  // PluginContext::now_ms() is the engine clock

  const auto transitions = store->transitions();
  REQUIRE(transitions.size() == 2);
  CHECK(transitions[0].from == "new");
  CHECK(transitions[0].to == "acknowledged");
  CHECK(transitions[0].event_id == "e1");
  CHECK(transitions[0].rule_id == "ack");
  CHECK(transitions[1].to == "awaiting_customer");
  CHECK(transitions[1].at == kStart + kHour);
  CHECK(store->load_clock() == kStart + 2 * kHour);
  // The audit record says where the case went.
  bool checked = false;
  for (const auto& record : store->audit()) {
    const auto json = nlohmann::json::parse(record.record_json);
    if (json.at("event") != "e2") continue;
    CHECK(json.at("case_status_before") == "acknowledged");
    CHECK(json.at("case_status_after") == "awaiting_customer");
    REQUIRE(json.at("transitions").size() == 1);
    CHECK(json.at("transitions")[0].at("rule") == "deal");
    checked = true;
  }
  CHECK(checked);
}

TEST_CASE("follow_up timers are durable, fire in due order once each, and only when due") {
  reset_world({event("a1", "u1", "t1", "late again", kStart), event("b1", "u2", "t2", "late too", kStart + kHour),
               event("c1", "u3", "t1", "me too", kStart + 2 * kHour),
               event("d1", "brand-page", "t1", "we are on it", kStart + 3 * kHour, true),
               event("a0", "u1", "t1", "before the timer", kStart - kHour)});
  const auto plugins = registry();
  const int workers = GENERATE(1, 3);
  auto store = SqliteStore::open(":memory:");
  {
    auto runtime = build_runtime(pipeline(workers, ClockMode::events), plugins, false, nullptr);
    const auto summary = Engine(runtime, *store, {}).run();
    CHECK(summary.events == 5);
    CHECK(summary.timers_set == 2);
    CHECK(summary.timers_fired == 0);  // not due yet
  }
  // The follow_up is carried out by the host, never by the connector.
  CHECK(world.executions.count("brand/a1/ack/follow_up") == 0);
  const auto done = store->outbox(OutboxStatus::done);
  const auto follow_up = std::find_if(done.begin(), done.end(), [](const OutboxEntry& entry) {
    return entry.action.idempotency_key == "brand/a1/ack/follow_up";
  });
  REQUIRE(follow_up != done.end());
  CHECK(follow_up->platform_id == "timer:brand/a1/ack/follow_up");
  const auto timers = store->timers();
  REQUIRE(timers.size() == 2);
  CHECK(timers[0].due_at == kStart + 3 * kDay);
  CHECK(timers[0].purpose == "check_in");

  // A later run, 3 days and 2 hours on: both fire, in due order.
  std::vector<std::string> fired;
  RunOptions options;
  options.start_ms = kStart + 3 * kDay + 2 * kHour;
  options.on_event = [&](const HandledEvent& item) {
    if (item.timer) fired.push_back(item.event.id);
  };
  {
    auto runtime = build_runtime(pipeline(workers, ClockMode::events), plugins, false, nullptr);
    const auto summary = Engine(runtime, *store, options).run();
    CHECK(summary.events == 0);
    CHECK(summary.timers_fired == 2);
  }
  CHECK(fired == std::vector<std::string>{"timer:brand/a1/ack/follow_up", "timer:brand/b1/ack/follow_up"});
  const auto& timer_event = world.timer_events.at("timer:brand/a1/ack/follow_up");
  CHECK(timer_event.kind == EventKind::timer);
  CHECK(timer_event.parent_id == "a1");
  CHECK(timer_event.author.id == "u1");
  CHECK(timer_event.thread_id == "t1");
  CHECK(timer_event.platform == "fake");
  CHECK(timer_event.lang == "fi");
  CHECK(timer_event.created_at == kStart + 3 * kDay);
  CHECK(timer_event.metadata.at("timer.purpose") == "check_in");
  CHECK(timer_event.metadata.at("timer.rule") == "ack");
  CHECK(timer_event.metadata.at("timer.set_at") == std::to_string(kStart));
  CHECK(timer_event.metadata.at("thread.replies_since") == "1");  // u3; u1's own and older events do not count
  CHECK(timer_event.metadata.at("thread.brand_replies_since") == "1");
  CHECK(world.timer_events.at("timer:brand/b1/ack/follow_up").metadata.at("thread.replies_since") == "0");
  // The check-in goes to the original event, and moves the case.
  const auto check_in = std::find_if(world.executed.begin(), world.executed.end(),
                                     [](const Action& action) { return action.rule_id == "check-in"; });
  REQUIRE(check_in != world.executed.end());
  CHECK(check_in->target_event_id == "a1");
  CHECK(store->load_case("brand/u1/t1").status == "followed_up");
  CHECK(store->load_case("brand/u1/t1").open_timers == 0);
  CHECK(world.views.at("timer:brand/a1/ack/follow_up").open_timers == 1);

  // And never again, whatever the clock says.
  {
    auto runtime = build_runtime(pipeline(workers, ClockMode::events), plugins, false, nullptr);
    RunOptions later;
    later.start_ms = kStart + 30 * kDay;
    const auto summary = Engine(runtime, *store, later).run();
    CHECK(summary.timers_fired == 0);
  }
  for (const auto& [key, times] : world.executions) CHECK(times == 1);
  for (const auto& timer : store->timers()) CHECK(timer.fired);
}

TEST_CASE("advance_clock_to fires what is then due, with the run's callbacks") {
  reset_world({event("a1", "u1", "t1", "late", kStart)});
  const auto plugins = registry();
  auto runtime = build_runtime(pipeline(1, ClockMode::wall), plugins, false, nullptr);
  auto store = SqliteStore::open(":memory:");
  int timer_events = 0;
  RunOptions options;
  options.start_ms = kStart;
  options.clock_mode = ClockMode::events;  // forced over the pipeline's wall
  options.on_event = [&](const HandledEvent& item) { timer_events += item.timer ? 1 : 0; };
  Engine engine(runtime, *store, options);
  engine.run();
  CHECK(runtime.clock->mode() == ClockMode::events);
  engine.advance_clock_to(kStart + 3 * kDay - 1);
  CHECK(timer_events == 0);
  engine.advance_clock_to(kStart + 3 * kDay);
  CHECK(timer_events == 1);
  CHECK(engine.summary().timers_fired == 1);
  CHECK(world.now_seen.at("timer:brand/a1/ack/follow_up") == kStart + 3 * kDay);
  engine.advance_clock_to(kStart + 10 * kDay);
  CHECK(timer_events == 1);
  CHECK(store->load_clock() == kStart + 10 * kDay);
}

TEST_CASE("a dry run schedules timers in its own state, fires them within the run, executes nothing") {
  reset_world({event("a1", "u1", "t1", "late", kStart)});
  const auto plugins = registry();
  auto runtime = build_runtime(pipeline(1, ClockMode::events), plugins, true, nullptr);
  auto store = SqliteStore::open(":memory:");  // stands for the dry run's in-memory snapshot
  RunOptions options;
  options.dry_run = true;
  std::vector<std::pair<std::string, OutboxStatus>> statuses;
  options.on_event = [&](const HandledEvent& item) {
    for (const auto& entry : item.outcome.actions) statuses.emplace_back(entry.action.rule_id, entry.status);
  };
  Engine engine(runtime, *store, options);
  const auto summary = engine.run();
  CHECK(summary.timers_set == 1);
  CHECK(summary.dry_run == 2);
  engine.advance_clock_to(kStart + 4 * kDay);
  CHECK(engine.summary().timers_fired == 1);
  CHECK(world.executions.empty());
  REQUIRE(statuses.size() == 3);
  for (const auto& [rule, status] : statuses) CHECK(status == OutboxStatus::dry_run);
  CHECK(statuses[2].first == "check-in");
}

TEST_CASE("a wall clock started at --now schedules from there") {
  reset_world({event("a1", "u1", "t1", "late", kStart - 400 * kDay)});  // created_at does not move a wall clock
  const auto plugins = registry();
  auto runtime = build_runtime(pipeline(1, ClockMode::wall), plugins, false, nullptr);
  auto store = SqliteStore::open(":memory:");
  RunOptions options;
  options.start_ms = kStart;
  Engine(runtime, *store, options).run();
  const auto timers = store->timers();
  REQUIRE(timers.size() == 1);
  CHECK(timers[0].set_at >= kStart);
  CHECK(timers[0].set_at < kStart + 60'000);
  CHECK(timers[0].due_at == timers[0].set_at + 3 * kDay);
  CHECK(store->load_clock() == 0);  // a wall clock is not saved
}

}  // namespace timers_test
