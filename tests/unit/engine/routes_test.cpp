// `routes:`: a routed kind is judged, substituted and carried out by the
// route's connector, with the source event's context in parley.event.*
// params stored in the outbox; the start-up check asks the route's
// connector, not the event's.
#include <catch2/catch.hpp>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>

#include "engine/action_routes.hpp"
#include "engine/capability_check.hpp"
#include "engine/engine.hpp"
#include "store/sqlite_store.hpp"
#include "test_descriptor.hpp"

// A named namespace, so that helpers of different test files can share one
// unity-build translation unit.
namespace routes_test {

using namespace parley;
using namespace parley::host;

struct Executed {
  std::vector<std::pair<std::string, Action>> by;  ///< connector id, action, in order
};

Executed executed;

/// A platform connector that replies and hides, and nothing else.
class ShopConnector final : public Connector {
 public:
  ShopConnector(const ConfigValue&, PluginContext& context) : id_(context.instance_id()) {}
  void poll(PollBatch& batch, std::size_t) override {
    Event event;
    event.id = "e1";
    event.account = "brand";
    event.author = {"u1", "anna", "Anna P.", false};
    event.text = std::string(498, 'a') + "éé and more";  // 500 characters end inside the é pair
    event.url = "https://shop.example/e1";
    event.metadata = {{"author.email", "anna@example.com"}, {"message_id", "<m-17@mail.example>"}};
    batch.events = {event};
    batch.exhausted = true;
  }
  ActionResult execute(const Action& action) override {
    executed.by.emplace_back(id_, action);
    return {ActionResult::Status::done, "", ""};
  }
  std::vector<ActionKind> supported_actions() const override { return {ActionKind::reply_public, ActionKind::hide}; }

 private:
  std::string id_;
};

/// A team channel: it notifies, and with a fallback stands in for escalations.
class TeamConnector final : public Connector {
 public:
  TeamConnector(const ConfigValue&, PluginContext& context) : id_(context.instance_id()) {}
  void poll(PollBatch& batch, std::size_t) override { batch.exhausted = true; }
  ActionResult execute(const Action& action) override {
    executed.by.emplace_back(id_, action);
    return {ActionResult::Status::done, "", ""};
  }
  std::vector<ActionKind> supported_actions() const override { return {ActionKind::escalate, ActionKind::notify}; }

 private:
  std::string id_;
};

/// Proposes a reply, an escalation and a label, the escalation with params
/// that pretend to be the host's.
class EscalatingResponder final : public Responder {
 public:
  EscalatingResponder(const ConfigValue&, PluginContext&) {}
  void respond(const Event&, const Labels&, const CaseView&, std::vector<Action>& proposals) override {
    for (auto kind : {ActionKind::reply_public, ActionKind::escalate, ActionKind::label}) {
      Action action;
      action.kind = kind;
      action.text = kind == ActionKind::reply_public ? "We are on it" : "";
      action.rule_id = "legal";
      action.reason = "legal threat";
      if (kind == ActionKind::escalate) {
        action.params = {{"department", "legal"}, {"parley.event.id", "forged"}};
      }
      proposals.push_back(action);
    }
  }
  std::optional<std::vector<ActionKind>> possible_actions() const override {
    return std::vector<ActionKind>{ActionKind::reply_public, ActionKind::escalate, ActionKind::label};
  }
};

using parley::test::descriptor_for;
const PluginDescriptor shop_descriptor = descriptor_for<Connector, ShopConnector>(PluginKind::connector, "shop");
const PluginDescriptor team_descriptor = descriptor_for<Connector, TeamConnector>(PluginKind::connector, "team");
const PluginDescriptor escalating_descriptor =
    descriptor_for<Responder, EscalatingResponder>(PluginKind::responder, "escalating");

PluginRegistry routes_registry() {
  PluginRegistry registry;
  REQUIRE(registry.register_descriptor(&shop_descriptor, "test"));
  REQUIRE(registry.register_descriptor(&team_descriptor, "test"));
  REQUIRE(registry.register_descriptor(&escalating_descriptor, "test"));
  return registry;
}

PipelineConfig routed_pipeline(std::vector<ActionRoute> routes) {
  PipelineConfig config;
  config.file = "routed.yaml";
  config.dir = std::filesystem::temp_directory_path().string();
  config.client = "brand";
  const ConfigValue empty{ConfigValue::Map{}};
  config.connectors = {{"shop", "shop", empty, "routed.yaml:3:5"}, {"team", "team", empty, "routed.yaml:5:5"}};
  config.responders = {{"escalating", "escalating", empty, "routed.yaml:8:5"}};
  config.connectors[1].actions_only = true;  // a team channel: no events of its own
  config.routes = std::move(routes);
  config.engine.workers = 1;
  return config;
}

TEST_CASE("a routed action goes to the route's connector with the source event's context") {
  executed = {};
  const auto registry = routes_registry();
  auto runtime =
      build_runtime(routed_pipeline({{ActionKind::escalate, "team", "routed.yaml:11:13"}}), registry, false, nullptr);
  auto store = SqliteStore::open(":memory:");
  Engine engine(runtime, *store, {});
  const auto summary = engine.run();
  CHECK(summary.blocked == 0);

  REQUIRE(executed.by.size() == 2);  // the label is the host's own
  CHECK(executed.by[0].first == "shop");
  CHECK(executed.by[0].second.kind == ActionKind::reply_public);
  CHECK(executed.by[0].second.params.empty());
  CHECK(executed.by[1].first == "team");
  const auto& escalation = executed.by[1].second;
  CHECK(escalation.kind == ActionKind::escalate);
  CHECK(escalation.params.at("department") == "legal");
  CHECK(escalation.params.at("parley.event.connector") == "shop");
  CHECK(escalation.params.at("parley.event.id") == "e1");  // the responder's own value replaced
  const auto& text = escalation.params.at("parley.event.text");
  CHECK(text == std::string(498, 'a') + "éé");  // 500 whole characters
  CHECK(escalation.params.at("parley.event.author_id") == "u1");
  CHECK(escalation.params.at("parley.event.author_name") == "Anna P.");
  CHECK(escalation.params.at("parley.event.permalink") == "https://shop.example/e1");
  CHECK(escalation.params.at("parley.event.email") == "anna@example.com");
  CHECK(escalation.params.at("parley.event.message_id") == "<m-17@mail.example>");

  // Stored with the outbox entry, so a restart executes the same action.
  bool stored = false;
  for (const auto& entry : store->outbox(OutboxStatus::done)) {
    if (entry.action.kind != ActionKind::escalate) continue;
    stored = entry.connector_id == "team" && entry.action.params.at("parley.event.id") == "e1";
  }
  CHECK(stored);
  const auto record = nlohmann::json::parse(store->audit().at(0).record_json);
  CHECK(record.at("connector") == "shop");
  int routed = 0;
  for (const auto& decision : record.at("decisions")) {
    if (decision.contains("routed_to")) {
      CHECK(decision.at("kind") == "escalate");
      CHECK(decision.at("routed_to") == "team");
      ++routed;
    }
  }
  CHECK(routed == 1);
}

TEST_CASE("without a route the guard blocks what the event's connector cannot do") {
  executed = {};
  const auto registry = routes_registry();
  auto runtime = build_runtime(routed_pipeline({}), registry, false, nullptr);
  auto store = SqliteStore::open(":memory:");
  Engine engine(runtime, *store, {});
  CHECK(engine.run().blocked == 1);
  const auto blocked = store->outbox(OutboxStatus::blocked);
  REQUIRE(blocked.size() == 1);
  CHECK(blocked[0].connector_id == "shop");
  CHECK(blocked[0].note == "connector 'shop' (plugin shop) cannot escalate and the pipeline names no fallback");
  CHECK_FALSE(blocked[0].action.params.count("parley.event.id"));  // a responder's forgery is dropped too
}

TEST_CASE("a routed kind uses the route connector's fallbacks, and its replacements go there too") {
  executed = {};
  const auto registry = routes_registry();
  auto config = routed_pipeline({{ActionKind::reply_public, "team", "routed.yaml:11:17"}});
  config.connectors[1].fallbacks = {{ActionKind::reply_public, {ActionKind::notify}, "routed.yaml:6:20"}};
  config.routes.push_back({ActionKind::escalate, "team", "routed.yaml:12:13"});
  auto runtime = build_runtime(config, registry, false, nullptr);
  auto store = SqliteStore::open(":memory:");
  Engine engine(runtime, *store, {});
  engine.run();
  std::map<ActionKind, std::string> carried_by;
  for (const auto& [connector, action] : executed.by) carried_by[action.kind] = connector;
  CHECK(carried_by == std::map<ActionKind, std::string>{{ActionKind::notify, "team"}, {ActionKind::escalate, "team"}});
}

TEST_CASE("the start-up check judges a routed kind by the route's connector") {
  const auto registry = routes_registry();
  // Routed to a connector that can: no error, although the shop cannot escalate.
  CHECK(check_capabilities(build_runtime(routed_pipeline({{ActionKind::escalate, "team", "routed.yaml:11:13"}}),
                                         registry, true, nullptr))
            .errors.empty());

  // Routed to one that cannot: the error points at the route.
  const auto report = check_capabilities(
      build_runtime(routed_pipeline({{ActionKind::escalate, "shop", "routed.yaml:11:13"}}), registry, true, nullptr));
  REQUIRE(report.errors.size() == 1);
  CHECK(report.errors[0].location == "routed.yaml:11:13");
  CHECK(report.errors[0].key == "routes.escalate");
  CHECK(report.errors[0].message ==
        "connector 'shop' (plugin shop) cannot escalate, which responder 'escalating' (plugin escalating) may "
        "propose and routes.escalate sends it");

  // Without actions_only the team connector's own events count: it cannot reply to them.
  auto config = routed_pipeline({{ActionKind::escalate, "team", "routed.yaml:11:13"}});
  config.connectors[1].actions_only = false;
  const auto with_events = check_capabilities(build_runtime(config, registry, true, nullptr));
  REQUIRE(with_events.errors.size() == 1);
  CHECK(with_events.errors[0].key == "connectors[1]");
  CHECK_THAT(with_events.errors[0].message, Catch::Contains("connector 'team' (plugin team) cannot reply_public"));
}

TEST_CASE("first_characters keeps whole UTF-8 characters") {
  CHECK(first_characters("héllo", 2) == "hé");
  CHECK(first_characters("héllo", 10) == "héllo");
  CHECK(first_characters("", 3).empty());
  CHECK(first_characters("€€€", 1) == "€");
}

}  // namespace routes_test
