// Approving a parked action has exactly the state effects the engine gives
// an allowed one (warnings, ban, case status, offers, a follow_up's timer),
// committed with the decision; a rejection or a second decision changes
// nothing. In-process plugins, a real engine and a real SQLite store.
#include <catch2/catch.hpp>
#include <functional>
#include <map>

#include "../config/test_files.hpp"
#include "engine/approval_effects.hpp"
#include "engine/engine.hpp"
#include "store/sqlite_store.hpp"
#include "test_descriptor.hpp"

// A named namespace, so that helpers of different test files can share one
// unity-build translation unit.
namespace approval_effects_test {

using namespace parley;
using namespace parley::host;

constexpr std::int64_t kHour = 3'600'000;
constexpr std::int64_t kStart = 1'796'115'600'000;  // 2026-12-01T09:00:00Z
const std::string kCase = "brand/u1/t1";

/// The events of the next run, and the timer events the responder saw.
struct World {
  std::vector<Event> events;
  std::vector<Event> timer_events;
  /// Called before the connector hands out events[index], if set.
  std::function<void(std::size_t index)> before_event;
  /// Called when the responder is asked about an event, if set.
  std::function<void(const Event&)> while_responding;
};

World world;

class ListConnector final : public Connector {
 public:
  ListConnector(const ConfigValue&, PluginContext&) {}
  void poll(PollBatch& batch, std::size_t max_events) override {
    while (next_ < world.events.size() && batch.events.size() < max_events) {
      if (world.before_event) world.before_event(next_);
      batch.events.push_back(world.events[next_++]);
    }
    batch.exhausted = next_ == world.events.size();
  }
  ActionResult execute(const Action& action) override { return {ActionResult::Status::done, action.rule_id, ""}; }
  std::vector<ActionKind> supported_actions() const override {
    return {std::begin(kAllActionKinds), std::end(kAllActionKinds)};
  }

 private:
  std::size_t next_ = 0;
};

/// Proposes the action the event's text names; answers a timer event with
/// nothing, only noting it. Counts the events it answered in plugin state.
class KindResponder final : public Responder {
 public:
  KindResponder(const ConfigValue&, PluginContext& context) : context_(context) {}
  void respond(const Event& event, const Labels&, const CaseView&, std::vector<Action>& proposals) override {
    if (world.while_responding) world.while_responding(event);
    if (event.kind == EventKind::timer) {
      world.timer_events.push_back(event);
      return;
    }
    const auto answered = context_.load_state("answered");
    context_.save_state("answered", std::to_string(answered ? std::stoi(*answered) + 1 : 1));
    Action action;
    action.rule_id = "r-" + event.text;
    action.reason = "test";
    if (event.text == "warn") {
      action.kind = ActionKind::warn;
      action.text = "please keep it civil";
    } else if (event.text == "ban") {
      action.kind = ActionKind::ban;
    } else if (event.text == "escalate") {
      action.kind = ActionKind::escalate;
      action.params = {{"department", "legal"}};
    } else if (event.text == "follow_up") {
      action.kind = ActionKind::follow_up;
      action.params = {{"after", "1d"}, {"purpose", "check_in"}};
    } else if (event.text == "offer") {
      action.kind = ActionKind::reply_private;
      action.text = "a voucher for you";
      action.params = {{"offer", "10% voucher"}, {"case_status", "awaiting_customer"}};
    } else {
      return;
    }
    proposals.push_back(std::move(action));
  }

 private:
  PluginContext& context_;
};

using parley::test::descriptor_for;

const PluginDescriptor list_connector = descriptor_for<Connector, ListConnector>(PluginKind::connector, "list");
const PluginDescriptor kind_responder = descriptor_for<Responder, KindResponder>(PluginKind::responder, "kinds");

PluginRegistry registry() {
  PluginRegistry result;
  REQUIRE(result.register_descriptor(&list_connector, "test"));
  REQUIRE(result.register_descriptor(&kind_responder, "test"));
  return result;
}

/// An events-clock pipeline; `park` puts every kind the test uses under
/// require_approval (the offer through `offer`).
PipelineConfig pipeline(bool park, bool linked = false) {
  PipelineConfig config;
  if (linked) config.identities.link("list", "u1", "anna");
  config.file = "approvals.yaml";
  config.dir = std::filesystem::temp_directory_path().string();
  config.client = "brand";
  const ConfigValue empty{ConfigValue::Map{}};
  config.connectors = {{"list", "list", empty, "approvals.yaml:1:1"}};
  config.responders = {{"kinds", "kinds", empty, "approvals.yaml:2:1"}};
  config.engine.workers = 1;
  config.engine.retry_backoff_ms = 1;
  config.engine.clock = ClockMode::events;
  config.policy.ban_after_warnings = 0;  // a ban needs no earlier warning here
  if (park) {
    for (auto kind : {ActionKind::warn, ActionKind::ban, ActionKind::escalate, ActionKind::follow_up}) {
      config.policy.require_approval.push_back({kind, ""});
    }
    config.policy.approve_offers = true;
  }
  return config;
}

Event event(const std::string& id, const std::string& text, std::int64_t created_at) {
  Event result;
  result.id = id;
  result.platform = "fake";
  result.account = "brand";
  result.author.id = "u1";
  result.author.handle = "anna";
  result.thread_id = "t1";
  result.text = text;
  result.lang = "fi";
  result.created_at = created_at;
  return result;
}

void run(Store& store, bool park, std::vector<Event> events, std::optional<std::int64_t> start = std::nullopt,
         bool linked = false) {
  world.events = std::move(events);
  world.timer_events.clear();
  const auto plugins = registry();
  auto runtime = build_runtime(pipeline(park, linked), plugins, false, nullptr);
  RunOptions options;
  options.start_ms = start;
  Engine(runtime, store, options).run();
}

/// Everything an action's effects can touch, comparable.
struct State {
  CaseState case_state;
  AuthorState author;
  std::vector<CaseTransition> transitions;
  std::vector<Timer> timers;
};

State state_of(Store& store) {
  return {store.load_case(kCase), store.load_author("brand", "u1"), store.transitions(), store.timers()};
}

void check_same(const State& approved, const State& allowed) {
  CHECK(approved.case_state.status == allowed.case_state.status);
  CHECK(approved.case_state.status_since == allowed.case_state.status_since);
  CHECK(approved.case_state.events == allowed.case_state.events);
  CHECK(approved.case_state.last_actions == allowed.case_state.last_actions);
  CHECK(approved.case_state.first_response_at == allowed.case_state.first_response_at);
  CHECK(approved.case_state.open_timers == allowed.case_state.open_timers);
  CHECK(approved.author.warnings == allowed.author.warnings);
  CHECK(approved.author.banned == allowed.author.banned);
  CHECK(approved.author.concessions == allowed.author.concessions);
  CHECK(approved.author.events == allowed.author.events);
  REQUIRE(approved.transitions.size() == allowed.transitions.size());
  for (std::size_t i = 0; i < approved.transitions.size(); ++i) {
    CHECK(approved.transitions[i].from == allowed.transitions[i].from);
    CHECK(approved.transitions[i].to == allowed.transitions[i].to);
    CHECK(approved.transitions[i].event_id == allowed.transitions[i].event_id);
    CHECK(approved.transitions[i].rule_id == allowed.transitions[i].rule_id);
    CHECK(approved.transitions[i].at == allowed.transitions[i].at);
  }
  REQUIRE(approved.timers.size() == allowed.timers.size());
  for (std::size_t i = 0; i < approved.timers.size(); ++i) {
    CHECK(approved.timers[i].key == allowed.timers[i].key);
    CHECK(approved.timers[i].case_key == allowed.timers[i].case_key);
    CHECK(approved.timers[i].connector_id == allowed.timers[i].connector_id);
    CHECK(approved.timers[i].event_id == allowed.timers[i].event_id);
    CHECK(approved.timers[i].event_json == allowed.timers[i].event_json);
    CHECK(approved.timers[i].purpose == allowed.timers[i].purpose);
    CHECK(approved.timers[i].set_at == allowed.timers[i].set_at);
    CHECK(approved.timers[i].due_at == allowed.timers[i].due_at);
  }
}

std::int64_t parked_id(Store& store) {
  const auto parked = store.outbox(OutboxStatus::pending_approval);
  REQUIRE(parked.size() == 1);
  return parked[0].id;
}

DecideResult approve(Store& store, std::int64_t id) {
  return store.decide({id, true, "alice", "", 0}, approval_effects(store, approval_time(ClockMode::events, store)));
}

TEST_CASE("an approved action changes the state exactly as if the guard had allowed it") {
  const auto text = GENERATE(as<std::string>{}, "warn", "ban", "escalate", "follow_up", "offer");
  INFO(text);
  // The same case with a history: one earlier event, so the effects add up.
  const std::vector<Event> events{event("e0", "hello", kStart), event("e1", text, kStart + kHour)};
  auto allowed = SqliteStore::open(":memory:");
  run(*allowed, false, events);
  REQUIRE(allowed->outbox(OutboxStatus::pending_approval).empty());

  auto parked = SqliteStore::open(":memory:");
  run(*parked, true, events);
  const auto before = state_of(*parked);
  const auto id = parked_id(*parked);
  const auto result = approve(*parked, id);
  REQUIRE(result.outcome == DecideResult::Outcome::decided);
  const auto after = state_of(*parked);
  check_same(after, state_of(*allowed));

  if (text == "warn") {
    CHECK(after.author.warnings == before.author.warnings + 1);
  } else if (text == "ban") {
    CHECK_FALSE(before.author.banned);
    CHECK(after.author.banned);
    CHECK(after.case_state.status == "banned");
  } else if (text == "escalate") {
    CHECK(before.case_state.status == "new");
    CHECK(after.case_state.status == "escalated");
    CHECK(after.case_state.status_since == kStart + kHour);  // the saved events clock
    REQUIRE(after.transitions.size() == 1);
    CHECK(after.transitions[0].case_key == kCase);
    CHECK(after.transitions[0].from == "new");
    CHECK(after.transitions[0].to == "escalated");
    CHECK(after.transitions[0].event_id == "e1");
    CHECK(after.transitions[0].rule_id == "r-escalate");
  } else if (text == "follow_up") {
    REQUIRE(after.timers.size() == 1);
    CHECK(after.timers[0].due_at == kStart + kHour + 24 * kHour);
    CHECK(after.case_state.open_timers == 1);
    // The host carried it out: done, and no connector will execute it.
    CHECK(result.entry->status == OutboxStatus::done);
    CHECK(result.entry->platform_id == "timer:" + after.timers[0].key);
    CHECK(parked->outbox(OutboxStatus::pending).empty());
  } else {
    CHECK(after.author.concessions == before.author.concessions + 1);
    CHECK(after.case_state.status == "awaiting_customer");
    CHECK(after.case_state.first_response_at == kStart + kHour);
  }

  // A second decision, either way, changes nothing more.
  CHECK(approve(*parked, id).outcome == DecideResult::Outcome::not_parked);
  CHECK(parked->decide({id, false, "bob", "no", 0}, approval_effects(*parked, kStart)).outcome ==
        DecideResult::Outcome::not_parked);
  check_same(state_of(*parked), after);
}

TEST_CASE("a rejected action changes no state") {
  const auto text = GENERATE(as<std::string>{}, "warn", "ban", "escalate", "follow_up", "offer");
  INFO(text);
  auto store = SqliteStore::open(":memory:");
  run(*store, true, {event("e1", text, kStart)});
  const auto before = state_of(*store);
  const auto id = parked_id(*store);
  const auto result = store->decide({id, false, "bob", "not needed", 0}, approval_effects(*store, kStart));
  REQUIRE(result.outcome == DecideResult::Outcome::decided);
  CHECK(result.entry->status == OutboxStatus::rejected);
  check_same(state_of(*store), before);
  CHECK(store->transitions().empty());
  CHECK(store->timers().empty());
}

TEST_CASE("an approved follow_up's timer fires once in a later run, on the case it was set for") {
  auto store = SqliteStore::open(":memory:");
  run(*store, true, {event("e1", "follow_up", kStart)});
  REQUIRE(store->timers().empty());  // parked: nothing scheduled yet
  REQUIRE(approve(*store, parked_id(*store)).outcome == DecideResult::Outcome::decided);
  REQUIRE(store->due_timers(kStart + 24 * kHour, 10).size() == 1);

  run(*store, true, {}, kStart + 12 * kHour);  // not due yet
  CHECK(world.timer_events.empty());
  run(*store, true, {}, kStart + 25 * kHour);
  REQUIRE(world.timer_events.size() == 1);
  const auto& fired = world.timer_events[0];
  CHECK(fired.parent_id == "e1");
  CHECK(fired.author.id == "u1");
  CHECK(fired.author.handle == "anna");
  CHECK(fired.account == "brand");
  CHECK(fired.thread_id == "t1");
  CHECK(fired.metadata.at("timer.purpose") == "check_in");
  CHECK(fired.metadata.at("timer.rule") == "r-follow_up");
  CHECK(store->timers().at(0).fired);
  CHECK(store->load_case(kCase).open_timers == 0);

  run(*store, true, {}, kStart + 50 * kHour);  // never twice
  CHECK(world.timer_events.empty());
}

TEST_CASE("an approval's effects roll back with it when they cannot be committed") {
  auto store = SqliteStore::open(":memory:");
  run(*store, true, {event("e1", "warn", kStart)});
  const auto id = parked_id(*store);
  const auto before = state_of(*store);
  CHECK_THROWS(store->decide({id, true, "alice", "", 0}, [](const OutboxEntry&) -> std::optional<EventOutcome> {
    throw std::runtime_error("crash while applying the effects");
  }));
  // Neither the decision nor any effect is kept: it can still be decided.
  CHECK(store->outbox_entry(id)->status == OutboxStatus::pending_approval);
  CHECK(store->approval_decisions(id).empty());
  check_same(state_of(*store), before);
  REQUIRE(approve(*store, id).outcome == DecideResult::Outcome::decided);
  CHECK(store->load_author("brand", "u1").warnings == before.author.warnings + 1);
}

TEST_CASE("an approved warning and ban of a linked person count for the person, the ban for this account only") {
  auto store = SqliteStore::open(":memory:");
  run(*store, true, {event("e1", "warn", kStart)}, std::nullopt, true);
  REQUIRE(approve(*store, parked_id(*store)).outcome == DecideResult::Outcome::decided);
  run(*store, true, {event("e2", "ban", kStart + kHour)}, std::nullopt, true);
  REQUIRE(approve(*store, parked_id(*store)).outcome == DecideResult::Outcome::decided);

  const auto person = store->load_author("@person", "anna");
  CHECK(person.events == 2);
  CHECK(person.warnings == 1);
  CHECK(person.banned_on == std::vector<std::string>{"list:u1"});
  const auto account = store->load_author("brand", "u1");  // the unlinked row is not used
  CHECK(account.events == 0);
  CHECK(account.warnings == 0);
  CHECK_FALSE(account.banned);
}

/// A store in memory (each batch committed before the next is handled) or
/// on a file (one batch committed while the next is handled: a second
/// connection, Engine::handle_batch_overlapped).
std::filesystem::path state_file() {
  // A folder of this process's own: ctest runs each test case in a process
  // of its own, two at a time, and a shared path let one delete the other's.
  static const config_test::TempDir dir;
  return dir.path() / "state.db";
}

std::unique_ptr<SqliteStore> open_store(const std::string& kind) {
  if (kind == "memory") return SqliteStore::open(":memory:");
  std::filesystem::remove_all(state_file().parent_path());
  return SqliteStore::open(state_file());
}

/// Where a person's approval is written: `parley approvals` runs in its own
/// process, on its own connection to a state file (a store in memory has
/// only the one).
std::unique_ptr<SqliteStore> approvals_connection(const std::string& kind) {
  return kind == "file" ? SqliteStore::open(state_file()) : nullptr;
}

TEST_CASE("an approval made while a run goes on is not overwritten by the run's next commit") {
  const auto kind = GENERATE(as<std::string>{}, "memory", "file");
  INFO(kind);
  auto store = open_store(kind);
  world = {};
  world.events = {event("e1", "warn", kStart), event("e2", "noop", kStart + kHour),
                  event("e3", "noop", kStart + 2 * kHour), event("e4", "noop", kStart + 3 * kHour)};
  const auto other = approvals_connection(kind);
  Store& approving = other ? *other : *store;
  // Between the run's batches (one event each), a person approves e1's warning.
  world.before_event = [&approving](std::size_t index) {
    if (index == 2) REQUIRE(approve(approving, parked_id(approving)).outcome == DecideResult::Outcome::decided);
  };
  const auto plugins = registry();
  auto config = pipeline(true);
  config.engine.batch_size = 1;
  auto runtime = build_runtime(config, plugins, false, nullptr);
  Engine(runtime, *store, {}).run();
  world.before_event = nullptr;

  const auto author = store->load_author("brand", "u1");
  CHECK(author.warnings == 1);  // the run's copy of the author (0 warnings) did not win
  CHECK(author.events == 4);
  CHECK(store->load_case(kCase).last_actions == std::vector<std::string>{"warn"});
  // Each event answered and recorded once, whichever batches were handled again.
  CHECK(store->load_plugin_state("kinds", "answered") == std::optional<std::string>("4"));
  CHECK(store->audit().size() == 4);
}

TEST_CASE("an approval made while a batch is handled makes the engine handle the batch again") {
  const auto kind = GENERATE(as<std::string>{}, "memory", "file");
  INFO(kind);
  auto store = open_store(kind);
  run(*store, true, {event("e1", "warn", kStart)});
  const auto parked = parked_id(*store);
  const auto other = approvals_connection(kind);
  Store& approving = other ? *other : *store;

  int asked = 0;
  world.while_responding = [&](const Event& asked_about) {
    if (asked_about.id == "e2" && ++asked == 1) {
      REQUIRE(approve(approving, parked).outcome == DecideResult::Outcome::decided);
    }
  };
  run(*store, true, {event("e2", "noop", kStart + kHour)});
  world.while_responding = nullptr;

  CHECK(asked == 2);  // the first pass read the author before the approval
  const auto author = store->load_author("brand", "u1");
  CHECK(author.warnings == 1);
  CHECK(author.events == 2);
  // Plugin state went back with the refused pass: e1 and e2, once each.
  CHECK(store->load_plugin_state("kinds", "answered") == std::optional<std::string>("2"));
  int e2_records = 0;
  for (const auto& record : store->audit()) e2_records += record.event_id == "e2";
  CHECK(e2_records == 1);
}

TEST_CASE("committing each batch while the next is handled leaves the state of one batch at a time") {
  // One case through every kind of action, a batch per event: each batch
  // reads the case and author the batch before left, not yet committed.
  std::vector<Event> events;
  const std::vector<std::string> texts{"hello", "warn",     "noop", "offer", "warn", "follow_up",
                                       "noop",  "escalate", "warn", "noop",  "ban",  "noop"};
  for (std::size_t index = 0; index < texts.size(); ++index) {
    events.push_back(
        event("e" + std::to_string(index), texts[index], kStart + static_cast<std::int64_t>(index) * kHour));
  }
  const auto plugins = registry();
  auto config = pipeline(false);
  config.engine.batch_size = 1;
  std::map<std::string, std::unique_ptr<SqliteStore>> stores;
  for (const std::string kind : {"memory", "file"}) {
    stores[kind] = open_store(kind);
    world = {};
    world.events = events;
    auto runtime = build_runtime(config, plugins, false, nullptr);
    const auto summary = Engine(runtime, *stores[kind], {}).run();
    CHECK(summary.events == events.size());
  }
  auto& overlapped = *stores["file"];
  auto& one_at_a_time = *stores["memory"];
  check_same(state_of(overlapped), state_of(one_at_a_time));
  CHECK(overlapped.load_author("brand", "u1").warnings == 3);
  CHECK(overlapped.load_author("brand", "u1").banned);
  CHECK(overlapped.load_plugin_state("kinds", "answered") == std::optional<std::string>("12"));
  for (auto status : {OutboxStatus::done, OutboxStatus::blocked, OutboxStatus::pending}) {
    std::vector<std::string> keys_overlapped;
    std::vector<std::string> keys_one_at_a_time;
    for (const auto& entry : overlapped.outbox(status)) keys_overlapped.push_back(entry.action.idempotency_key);
    for (const auto& entry : one_at_a_time.outbox(status)) keys_one_at_a_time.push_back(entry.action.idempotency_key);
    CHECK(keys_overlapped == keys_one_at_a_time);
  }
  CHECK(overlapped.outbox(OutboxStatus::pending).empty());  // every allowed action ran once its batch was committed
}

}  // namespace approval_effects_test
