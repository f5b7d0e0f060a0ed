// What a connector can do: fallbacks substituted before the guard, the guard
// on kinds nobody can do, host-internal kinds the connector never sees, and
// the start-up check of what responders may propose.
#include <catch2/catch.hpp>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>

#include "engine/capability_check.hpp"
#include "engine/connector_capabilities.hpp"
#include "engine/engine.hpp"
#include "store/sqlite_store.hpp"
#include "test_descriptor.hpp"

// A named namespace, so that helpers of different test files can share one
// unity-build translation unit.
namespace capabilities_test {

using namespace parley;
using namespace parley::host;

Action proposal(ActionKind kind, const std::string& rule, const std::string& text = "") {
  Action action;
  action.kind = kind;
  action.rule_id = rule;
  action.reason = "because " + rule;
  action.text = text;
  action.target_event_id = "e1";
  action.target_author_id = "u1";
  action.idempotency_key = "brand/e1/" + rule + "/" + std::string(to_string(kind));
  return action;
}

/// An Instagram-like connector: no ban, no delete.
ConnectorCapabilities instagram_like(std::vector<Fallback> fallbacks = {}) {
  return {
      "ig", "instagram", {ActionKind::reply_public, ActionKind::reply_private, ActionKind::hide}, std::move(fallbacks)};
}

std::vector<ActionKind> kinds_of(const std::vector<Action>& actions) {
  std::vector<ActionKind> kinds;
  for (const auto& action : actions) kinds.push_back(action.kind);
  return kinds;
}

TEST_CASE("host-internal kinds need no connector") {
  for (auto kind : {ActionKind::ignore, ActionKind::label, ActionKind::assign, ActionKind::follow_up}) {
    CHECK(is_host_internal(kind));
    CHECK(instagram_like().can(kind));
    CHECK_FALSE(instagram_like().lists(kind));
  }
  for (auto kind : {ActionKind::ban, ActionKind::hide, ActionKind::notify, ActionKind::escalate}) {
    CHECK_FALSE(is_host_internal(kind));
  }
  CHECK_FALSE(instagram_like().can(ActionKind::ban));
}

TEST_CASE("an action the connector cannot do is replaced by its fallbacks, keeping reason and rule") {
  const auto capabilities =
      instagram_like({{ActionKind::ban, {ActionKind::hide, ActionKind::reply_private}, "p:5:12"}});
  std::vector<Action> proposals = {proposal(ActionKind::reply_public, "ack", "Sorry"),
                                   proposal(ActionKind::ban, "abuse", "Bye"), proposal(ActionKind::label, "tag")};
  const auto substitutions = substitute_fallbacks(proposals, capabilities, {});

  CHECK(kinds_of(proposals) == std::vector<ActionKind>{ActionKind::reply_public, ActionKind::hide,
                                                       ActionKind::reply_private, ActionKind::label});
  for (const auto* replacement : {&proposals[1], &proposals[2]}) {
    CHECK(replacement->rule_id == "abuse");
    CHECK(replacement->reason == "because abuse");
    CHECK(replacement->text == "Bye");
    CHECK(replacement->target_author_id == "u1");
    CHECK(replacement->params.at("fallback_for") == "ban");
  }
  CHECK(proposals[1].idempotency_key == "brand/e1/abuse/ban>hide");
  CHECK(proposals[2].idempotency_key == "brand/e1/abuse/ban>reply_private");
  CHECK(proposals[0].params.empty());  // untouched
  REQUIRE(substitutions.size() == 1);
  CHECK(substitutions[0].key == "brand/e1/abuse/ban");
  CHECK(substitutions[0].kind == ActionKind::ban);
  CHECK(substitutions[0].rule_id == "abuse");
  CHECK(substitutions[0].replacement_keys ==
        std::vector<std::string>{"brand/e1/abuse/ban>hide", "brand/e1/abuse/ban>reply_private"});
  CHECK(substitutions[0].already_proposed.empty());
}

TEST_CASE("a fallback kind the event already has for the same target is not proposed twice") {
  const auto capabilities = instagram_like({{ActionKind::ban, {ActionKind::hide, ActionKind::reply_private}, ""}});
  std::vector<Action> proposals = {proposal(ActionKind::ban, "P8.ban"), proposal(ActionKind::hide, "P8.hide")};
  const auto substitutions = substitute_fallbacks(proposals, capabilities, {});
  CHECK(kinds_of(proposals) == std::vector<ActionKind>{ActionKind::reply_private, ActionKind::hide});
  REQUIRE(substitutions.size() == 1);
  CHECK(substitutions[0].already_proposed == std::vector<ActionKind>{ActionKind::hide});
}

TEST_CASE("no substitution for a kind the connector can do, has no fallback for, or policy.never forbids") {
  const auto capabilities = instagram_like({{ActionKind::ban, {ActionKind::hide}, ""}});
  std::vector<Action> proposals = {proposal(ActionKind::hide, "h"), proposal(ActionKind::delete_event, "d")};
  CHECK(substitute_fallbacks(proposals, capabilities, {}).empty());
  CHECK(kinds_of(proposals) == std::vector<ActionKind>{ActionKind::hide, ActionKind::delete_event});

  std::vector<Action> forbidden = {proposal(ActionKind::ban, "b")};
  CHECK(substitute_fallbacks(forbidden, capabilities, {ActionKind::ban}).empty());
  CHECK(kinds_of(forbidden) == std::vector<ActionKind>{ActionKind::ban});
}

TEST_CASE("the guard blocks what the connector cannot do and applies the policy to fallbacks") {
  PolicyConfig policy;
  policy.ban_after_warnings = 0;
  const auto capabilities = instagram_like({{ActionKind::ban, {ActionKind::hide, ActionKind::reply_private}, ""}});

  SECTION("no fallback: blocked with the connector and the kind named") {
    const PolicyGuard guard(policy);
    const auto decisions = guard.review({proposal(ActionKind::delete_event, "spam")}, {}, {}, &capabilities);
    REQUIRE(decisions.size() == 1);
    CHECK(decisions[0].verdict == Verdict::blocked);
    CHECK(decisions[0].reason == "connector 'ig' (plugin instagram) cannot delete and the pipeline names no fallback");
    // Without a connector (e.g. `parley test`) the guard does not judge capabilities.
    CHECK(guard.review({proposal(ActionKind::delete_event, "spam")}, {}, {})[0].verdict == Verdict::allowed);
  }
  SECTION("policy.never still applies to a fallback kind") {
    policy.never = {ActionKind::hide};
    const PolicyGuard guard(policy);
    std::vector<Action> proposals = {proposal(ActionKind::ban, "abuse", "Bye")};
    substitute_fallbacks(proposals, capabilities, policy.never);
    const auto decisions = guard.review(proposals, {}, {}, &capabilities);
    REQUIRE(decisions.size() == 2);
    CHECK(decisions[0].verdict == Verdict::blocked);
    CHECK(decisions[0].reason == "policy.never forbids hide");
    CHECK(decisions[1].verdict == Verdict::allowed);
  }
  SECTION("a fallback for a ban waits for the warnings a ban needs") {
    policy.ban_after_warnings = 2;
    const PolicyGuard guard(policy);
    std::vector<Action> proposals = {proposal(ActionKind::ban, "abuse", "Bye")};
    substitute_fallbacks(proposals, capabilities, {});
    for (const auto& decision : guard.review(proposals, {}, {}, &capabilities)) {
      CHECK(decision.verdict == Verdict::blocked);
      CHECK_THAT(decision.reason, Catch::StartsWith("ban refused"));
    }
  }
  SECTION("a fallback waits for approval when the kind it replaces does") {
    policy.require_approval = {{ActionKind::ban, ""}};
    const PolicyGuard guard(policy);
    std::vector<Action> proposals = {proposal(ActionKind::ban, "abuse", "Bye")};
    substitute_fallbacks(proposals, capabilities, {});
    const auto decisions = guard.review(proposals, {}, {}, &capabilities);
    REQUIRE(decisions.size() == 2);
    CHECK(decisions[0].verdict == Verdict::parked);
    CHECK(decisions[0].reason == "fallback for ban: policy.require_approval lists ban");
  }
  SECTION("a message fallback of an action without text is blocked, not sent empty") {
    const PolicyGuard guard(policy);
    std::vector<Action> proposals = {proposal(ActionKind::ban, "abuse")};
    substitute_fallbacks(proposals, capabilities, {});
    const auto decisions = guard.review(proposals, {}, {}, &capabilities);
    REQUIRE(decisions.size() == 2);
    CHECK(decisions[0].verdict == Verdict::allowed);  // hide needs no text
    CHECK(decisions[1].verdict == Verdict::blocked);
    CHECK(decisions[1].reason == "fallback reply_private for ban has no text to send (the ban carried none)");
  }
}

// ---- The engine with a limited connector ----

struct LimitedPlatform {
  std::vector<Event> events;
  std::map<std::string, Action> executed;  ///< idempotency key -> action
};

LimitedPlatform limited;

class LimitedConnector final : public Connector {
 public:
  LimitedConnector(const ConfigValue&, PluginContext&) {}
  void poll(PollBatch& batch, std::size_t) override {
    batch.events = limited.events;
    batch.exhausted = true;
  }
  ActionResult execute(const Action& action) override {
    limited.executed[action.idempotency_key] = action;
    return {ActionResult::Status::done, "p-1", ""};
  }
  std::vector<ActionKind> supported_actions() const override {
    return {ActionKind::reply_public, ActionKind::reply_private, ActionKind::hide};
  }
};

/// Proposes a ban (with text), a label and an escalation for every event.
class AbuseResponder final : public Responder {
 public:
  AbuseResponder(const ConfigValue&, PluginContext&) {}
  void respond(const Event&, const Labels&, const CaseView&, std::vector<Action>& proposals) override {
    for (auto kind : {ActionKind::ban, ActionKind::label, ActionKind::escalate}) {
      Action action;
      action.kind = kind;
      action.text = "You are banned";
      action.rule_id = "abuse";
      action.reason = "abusive";
      proposals.push_back(action);
    }
  }
  std::optional<std::vector<ActionKind>> possible_actions() const override {
    return std::vector<ActionKind>{ActionKind::ban, ActionKind::label, ActionKind::escalate};
  }
};

/// A responder built before API 1.3: it cannot say what it proposes.
class OldResponder final : public Responder {
 public:
  OldResponder(const ConfigValue&, PluginContext&) {}
  void respond(const Event&, const Labels&, const CaseView&, std::vector<Action>&) override {}
};

using parley::test::descriptor_for;

const PluginDescriptor limited_descriptor =
    descriptor_for<Connector, LimitedConnector>(PluginKind::connector, "limited");
const PluginDescriptor abuse_descriptor = descriptor_for<Responder, AbuseResponder>(PluginKind::responder, "abuse");
const PluginDescriptor old_descriptor = [] {
  auto descriptor = descriptor_for<Responder, OldResponder>(PluginKind::responder, "old");
  descriptor.api_minor = 2;
  return descriptor;
}();

PluginRegistry limited_registry() {
  PluginRegistry registry;
  REQUIRE(registry.register_descriptor(&limited_descriptor, "test"));
  REQUIRE(registry.register_descriptor(&abuse_descriptor, "test"));
  REQUIRE(registry.register_descriptor(&old_descriptor, "test"));
  return registry;
}

PipelineConfig limited_pipeline(std::vector<Fallback> fallbacks) {
  PipelineConfig config;
  config.file = "limited.yaml";
  config.dir = std::filesystem::temp_directory_path().string();
  config.client = "brand";
  const ConfigValue empty{ConfigValue::Map{}};
  config.connectors = {{"ig", "limited", empty, "limited.yaml:3:5", std::move(fallbacks)}};
  config.responders = {{"abuse", "abuse", empty, "limited.yaml:9:5"}, {"old", "old", empty, "limited.yaml:10:5"}};
  config.policy.ban_after_warnings = 0;
  config.engine.workers = 1;
  return config;
}

TEST_CASE("the engine substitutes fallbacks, audits them and records host-internal kinds itself") {
  limited = {};
  Event event;
  event.id = "e1";
  event.account = "brand";
  event.author.id = "u1";
  event.text = "abuse";
  limited.events = {event};
  const auto registry = limited_registry();
  auto runtime = build_runtime(limited_pipeline({{ActionKind::ban, {ActionKind::hide, ActionKind::reply_private}, ""}}),
                               registry, false, nullptr);
  auto store = SqliteStore::open(":memory:");
  Engine engine(runtime, *store, {});
  const auto summary = engine.run();

  // hide and reply_private instead of the ban; label by the host; escalate:
  // neither the connector nor a fallback can.
  CHECK(summary.executed == 3);
  CHECK(summary.blocked == 1);
  REQUIRE(limited.executed.size() == 2);
  CHECK(limited.executed.at("brand/e1/abuse/ban>hide").params.at("fallback_for") == "ban");
  CHECK(limited.executed.at("brand/e1/abuse/ban>reply_private").text == "You are banned");
  bool label_done_by_host = false;
  for (const auto& entry : store->outbox(OutboxStatus::done)) {
    if (entry.action.kind == ActionKind::label) label_done_by_host = entry.platform_id == "host:label";
  }
  CHECK(label_done_by_host);
  const auto blocked = store->outbox(OutboxStatus::blocked);
  REQUIRE(blocked.size() == 1);
  CHECK(blocked[0].action.kind == ActionKind::escalate);
  CHECK(blocked[0].note == "connector 'ig' (plugin limited) cannot escalate and the pipeline names no fallback");

  const auto audit = store->audit();
  REQUIRE(audit.size() == 1);
  const auto record = nlohmann::json::parse(audit[0].record_json);
  REQUIRE(record.at("substitutions").size() == 1);
  const auto& substitution = record.at("substitutions")[0];
  CHECK(substitution.at("key") == "brand/e1/abuse/ban");
  CHECK(substitution.at("kind") == "ban");
  CHECK(substitution.at("rule") == "abuse");
  CHECK(substitution.at("replaced_by")[0].at("kind") == "hide");
  CHECK(substitution.at("replaced_by")[1].at("key") == "brand/e1/abuse/ban>reply_private");
  int fallback_decisions = 0;
  for (const auto& decision : record.at("decisions")) fallback_decisions += decision.contains("fallback_for");
  CHECK(fallback_decisions == 2);
}

TEST_CASE("the start-up check names the connector, the kind and the responder that may propose it") {
  const auto registry = limited_registry();
  const auto runtime = build_runtime(limited_pipeline({}), registry, true, nullptr);
  const auto report = check_capabilities(runtime);
  // ban and escalate: the connector cannot; label: the host does it.
  REQUIRE(report.errors.size() == 2);
  CHECK(report.errors[0].location == "limited.yaml:3:5");
  CHECK(report.errors[0].key == "connectors[0]");
  CHECK(report.errors[0].message ==
        "connector 'ig' (plugin limited) cannot ban, which responder 'abuse' (plugin abuse) may propose");
  CHECK_THAT(report.errors[0].expected, Catch::Contains("fallbacks: {ban: [...]}") && Catch::Contains("policy.never") &&
                                            Catch::Contains("reply_public, reply_private, hide"));
  CHECK_THAT(report.errors[1].message, Catch::Contains("cannot escalate"));
  REQUIRE(report.notes.size() == 1);
  CHECK_THAT(report.notes[0], Catch::StartsWith("responder 'old' (plugin old) does not declare"));
  CHECK(report.warnings.empty());
}

TEST_CASE("the start-up check accepts fallbacks and policy.never, and judges the fallbacks") {
  const auto registry = limited_registry();
  auto config = limited_pipeline({{ActionKind::ban, {ActionKind::hide, ActionKind::escalate}, "limited.yaml:5:14"},
                                  {ActionKind::hide, {ActionKind::reply_private}, "limited.yaml:6:14"}});
  config.policy.never = {ActionKind::escalate};
  const auto runtime = build_runtime(config, registry, true, nullptr);
  const auto report = check_capabilities(runtime);
  // escalate as a fallback: the connector cannot do it either.
  REQUIRE(report.errors.size() == 1);
  CHECK(report.errors[0].location == "limited.yaml:5:14");
  CHECK(report.errors[0].key == "connectors[0].fallbacks.ban");
  CHECK(report.errors[0].message == "connector 'ig' (plugin limited) cannot escalate either");
  // hide: the connector can, so its fallback is never used.
  REQUIRE(report.warnings.size() == 1);
  CHECK(report.warnings[0].key == "connectors[0].fallbacks.hide");
  CHECK_THAT(warning_text(report.warnings[0]),
             Catch::Contains("limited.yaml:6:14: warning: ") && Catch::Contains("never used"));

  auto fixed = limited_pipeline({{ActionKind::ban, {ActionKind::hide}, "limited.yaml:5:14"}});
  fixed.policy.never = {ActionKind::escalate};
  CHECK(check_capabilities(build_runtime(fixed, registry, true, nullptr)).errors.empty());
}

}  // namespace capabilities_test
