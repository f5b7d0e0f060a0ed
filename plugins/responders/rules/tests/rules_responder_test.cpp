#include <catch2/catch.hpp>

#include <thread>

#include <parley/testing.hpp>
#include "config_json.hpp"
#include "rules_responder.hpp"

using parley::Action;
using parley::ActionKind;
using parley::CaseView;
using parley::Event;
using parley::Labels;
using parley::rules::RuleSet;
using parley::rules::RulesResponder;
using parley::testing::config_from_json;
using parley::testing::FakePluginContext;

// A named namespace, so that helpers of different test files can share one
// unity-build translation unit.
namespace rules_responder_test {

Event make_event() {
  Event event;
  event.id = "c-42";
  event.platform = "replay";
  event.account = "acme";
  event.author.id = "u-7";
  event.author.handle = "@maria";
  event.author.display_name = "Maria";
  event.text = "You are idiots, where is my refund?";
  event.lang = "en";
  return event;
}

std::vector<Action> respond(RulesResponder& responder, const Event& event, const Labels& labels,
                            const CaseView& case_view = {}) {
  std::vector<Action> proposals;
  responder.respond(event, labels, case_view, proposals);
  return proposals;
}

std::vector<std::string> rule_ids(const std::vector<Action>& actions) {
  std::vector<std::string> ids;
  for (const auto& action : actions) ids.push_back(action.rule_id);
  return ids;
}

std::vector<ActionKind> kinds(const std::vector<Action>& actions) {
  std::vector<ActionKind> result;
  for (const auto& action : actions) result.push_back(action.kind);
  return result;
}

std::string construction_error(const std::string& json) {
  FakePluginContext context;
  try {
    RulesResponder responder(config_from_json(json), context);
  } catch (const std::invalid_argument& error) {
    return error.what();
  }
  return "no error";
}

const char* const kAbuseRules = R"({"rules": [
  {"id": "abuse-ban", "when": "toxicity.insult >= 0.8 and case.warnings >= 2", "then": "ban",
   "reason": "Repeated insults after two warnings", "stop": true},
  {"id": "abuse-warn", "when": "toxicity.insult >= 0.8", "then": ["warn", "hide"],
   "reason": "Insult", "text": "Hi {{author}}, please keep it civil."},
  {"id": "refund", "when": "event.text contains 'refund'",
   "then": [{"action": "reply_private", "text": "Hi {{author.handle}}, we'll sort out your refund ({{event.id}}).",
             "params": {"template": "refund"}},
            {"action": "escalate", "params": {"department": "billing"}}],
   "reason": "Refund request", "params": {"priority": "high", "department": "support"}}
]})";

TEST_CASE("every action carries target, text, params, reason and rule id", "[rules]") {
  FakePluginContext context;
  RulesResponder responder(config_from_json(kAbuseRules), context);
  Labels labels;
  labels.set("toxicity.insult", 0.9);
  const auto actions = respond(responder, make_event(), labels);
  REQUIRE(actions.size() == 4);
  CHECK(kinds(actions) ==
        std::vector<ActionKind>{ActionKind::warn, ActionKind::hide, ActionKind::reply_private, ActionKind::escalate});
  for (const auto& action : actions) {
    CHECK(action.target_event_id == "c-42");
    CHECK(action.target_author_id == "u-7");
    CHECK(action.idempotency_key.empty());  // the host sets it
  }
  CHECK(actions[0].rule_id == "abuse-warn");
  CHECK(actions[0].reason == "Insult");
  CHECK(actions[0].text == "Hi Maria, please keep it civil.");
  CHECK(actions[1].text == "Hi Maria, please keep it civil.");  // the rule's text goes to each of its actions
  CHECK(actions[0].params.empty());
  CHECK(actions[2].rule_id == "refund");
  CHECK(actions[2].reason == "Refund request");
  CHECK(actions[2].text == "Hi @maria, we'll sort out your refund (c-42).");
  const std::map<std::string, std::string> private_params = {
      {"priority", "high"}, {"department", "support"}, {"template", "refund"}};
  CHECK(actions[2].params == private_params);
  CHECK(actions[3].text.empty());
  const std::map<std::string, std::string> escalate_params = {{"priority", "high"}, {"department", "billing"}};
  CHECK(actions[3].params == escalate_params);  // the item's params override the rule's
}

TEST_CASE("stop ends the evaluation for the event when its rule matches", "[rules]") {
  FakePluginContext context;
  RulesResponder responder(config_from_json(kAbuseRules), context);
  Labels labels;
  labels.set("toxicity.insult", 0.9);
  CaseView case_view;
  case_view.author_warnings = 2;
  const auto actions = respond(responder, make_event(), labels, case_view);
  CHECK(rule_ids(actions) == std::vector<std::string>{"abuse-ban"});
  CHECK(kinds(actions) == std::vector<ActionKind>{ActionKind::ban});
  CHECK(actions[0].reason == "Repeated insults after two warnings");
}

TEST_CASE("a stop rule that does not match lets later rules run", "[rules]") {
  FakePluginContext context;
  RulesResponder responder(config_from_json(kAbuseRules), context);
  Labels labels;
  labels.set("toxicity.insult", 0.9);
  CaseView case_view;
  case_view.author_warnings = 1;
  CHECK(rule_ids(respond(responder, make_event(), labels, case_view)) ==
        std::vector<std::string>{"abuse-warn", "abuse-warn", "refund", "refund"});
}

TEST_CASE("nothing matches, nothing is proposed", "[rules]") {
  FakePluginContext context;
  RulesResponder responder(config_from_json(kAbuseRules), context);
  Event event = make_event();
  event.text = "Lovely coffee, thanks!";
  CHECK(respond(responder, event, Labels{}).empty());
}

TEST_CASE("rules apply in file order", "[rules]") {
  FakePluginContext context;
  RulesResponder responder(config_from_json(R"({"rules": [
    {"id": "third-in-name", "when": "true", "then": "label", "reason": "r"},
    {"id": "a-first-in-name", "when": "event.kind == 'comment'", "then": "notify", "reason": "r"},
    {"id": "middle", "when": "false", "then": "ban", "reason": "r"},
    {"id": "last", "when": "not spam", "then": ["assign", "ignore"], "reason": "r"}
  ]})"),
                           context);
  const auto actions = respond(responder, make_event(), Labels{});
  CHECK(rule_ids(actions) == std::vector<std::string>{"third-in-name", "a-first-in-name", "last", "last"});
  CHECK(kinds(actions) ==
        std::vector<ActionKind>{ActionKind::label, ActionKind::notify, ActionKind::assign, ActionKind::ignore});
}

TEST_CASE("then accepts one action, a list of names, a list of items and a single item", "[rules]") {
  FakePluginContext context;
  RulesResponder responder(config_from_json(R"({"rules": [
    {"id": "one", "when": "true", "then": "delete", "reason": "r"},
    {"id": "names", "when": "true", "then": ["unhide", "follow_up"], "reason": "r"},
    {"id": "items", "when": "true", "then": [{"action": "reply_public", "text": "Thanks {{author}}"}, "request_removal"],
     "reason": "r", "text": "rule text"},
    {"id": "single", "when": "true", "then": {"action": "escalate", "params": {"department": "legal", "level": 2}},
     "reason": "r"}
  ]})"),
                           context);
  const auto actions = respond(responder, make_event(), Labels{});
  CHECK(kinds(actions) == std::vector<ActionKind>{ActionKind::delete_event, ActionKind::unhide, ActionKind::follow_up,
                                                  ActionKind::reply_public, ActionKind::request_removal,
                                                  ActionKind::escalate});
  CHECK(actions[3].text == "Thanks Maria");
  CHECK(actions[4].text == "rule text");
  const std::map<std::string, std::string> params = {{"department", "legal"}, {"level", "2"}};
  CHECK(actions[5].params == params);
}

TEST_CASE("placeholders use labels: lang attribute first, then the event's lang; theme", "[rules]") {
  FakePluginContext context;
  RulesResponder responder(config_from_json(R"({"rules": [
    {"id": "answer", "when": "intent.complaint > 0.5", "then": "reply_public",
     "text": "[{{lang}}] {{author}} / {{author.handle}} / {{theme}} / {{event.id}}", "reason": "complaint"}
  ]})"),
                           context);
  Event event = make_event();
  event.author.display_name.clear();
  Labels labels;
  labels.set("intent.complaint", 0.7);
  CHECK(respond(responder, event, labels).at(0).text == "[en] @maria / @maria /  / c-42");
  labels.set_attribute("lang", "fi");
  labels.set_attribute("theme", "late_delivery");
  CHECK(respond(responder, event, labels).at(0).text == "[fi] @maria / @maria / late_delivery / c-42");
}

TEST_CASE("rules see Unicode text the way people write it", "[rules]") {
  FakePluginContext context;
  RulesResponder responder(config_from_json(R"({"rules": [
    {"id": "greek-coffee", "when": "event.text contains 'καφές' and attr.lang == 'el'", "then": "reply_public",
     "text": "Λυπούμαστε, {{author}}!", "reason": "cold coffee"}
  ]})"),
                           context);
  Event event = make_event();
  event.text = "Ο ΚΑΦΈΣ ήταν κρύος";
  event.author.display_name = "Δημήτρης";
  Labels labels;
  labels.set_attribute("lang", "el");
  const auto actions = respond(responder, event, labels);
  REQUIRE(actions.size() == 1);
  CHECK(actions[0].text == "Λυπούμαστε, Δημήτρης!");
}

TEST_CASE("config errors name the rule and the problem", "[rules]") {
  CHECK(construction_error(R"({"rules": [{"id": "abuse-ban", "when": "toxicity.insult >= 0.8 xor case.warnings >= 2",
                                          "then": "ban", "reason": "r"}]})") ==
        "rule 'abuse-ban': when: unexpected token 'xor' at column 24 in \"toxicity.insult >= 0.8 xor case.warnings "
        ">= 2\"; expected 'and', 'or' or the end");
  CHECK(construction_error(R"({"rules": [{"id": "b", "when": "a = 1", "then": "ban", "reason": "r"}]})") ==
        "rule 'b': when: unexpected character '=' at column 3 in \"a = 1\"; use '==' to compare");
  CHECK(construction_error(R"({"rules": [{"id": "greet", "when": "true", "then": "reply", "reason": "r"}]})") ==
        "rule 'greet': then: unknown action 'reply'; did you mean 'reply_public'? Valid actions: reply_public, "
        "reply_private, hide, unhide, delete, ban, warn, escalate, notify, follow_up, request_removal, label, "
        "assign, ignore");
  CHECK_THAT(construction_error(R"({"rules": [{"id": "x", "when": "true", "then": ["warn", "bann"], "reason": "r"}]})"),
             Catch::StartsWith("rule 'x': then[2]: unknown action 'bann'; did you mean 'ban'?"));
  CHECK_THAT(construction_error(R"({"rules": [{"id": "x", "when": "true", "then": "obliterate", "reason": "r"}]})"),
             Catch::StartsWith("rule 'x': then: unknown action 'obliterate'. Valid actions: reply_public,"));
  CHECK(construction_error(R"({"rules": [{"id": "x", "when": "true", "then": [], "reason": "r"}]})") ==
        "rule 'x': then: must name at least one action");
  CHECK(construction_error(R"({"rules": [{"id": "x", "when": "true", "then": [{"text": "hi"}], "reason": "r"}]})") ==
        "rule 'x': then[1]: missing 'action'");
  CHECK(construction_error(
            R"({"rules": [{"id": "x", "when": "true", "then": [{"action": "warn", "txt": "hi"}], "reason": "r"}]})") ==
        "rule 'x': then[1]: unknown key 'txt'; valid keys: action, text, params");
  CHECK(construction_error(R"({"rules": [{"id": "x", "when": "true", "then": 5, "reason": "r"}]})") ==
        "rule 'x': then: expected an action name or {action, text, params}");
  CHECK(construction_error(R"({"rules": [{"id": "x", "when": "true", "reason": "r"}]})") ==
        "rule 'x': then: required: an action, a list of actions or of {action, text, params}");
  CHECK(construction_error(R"({"rules": [{"id": "x", "when": "true", "then": "ban"}]})") ==
        "rule 'x': reason: required");
  CHECK(construction_error(R"({"rules": [{"id": "x", "when": "true", "then": "ban", "reason": ""}]})") ==
        "rule 'x': reason: must not be empty");
  CHECK(construction_error(R"({"rules": [{"when": "true", "then": "ban", "reason": "r"}]})") ==
        "rule #1: id: required");
  CHECK(construction_error(R"({"rules": [{"id": "x", "then": "ban", "reason": "r"}]})") == "rule 'x': when: required");
  CHECK(construction_error(
            R"({"rules": [{"id": "x", "when": "true", "then": "warn", "reason": "r", "text": "Hi {{name}}"}]})") ==
        "rule 'x': text: unknown placeholder '{{name}}'; known: author, author.handle, author.id, lang, event.id, "
        "theme");
  CHECK(construction_error(R"({"rules": [{"id": "x", "when": "true", "then": "warn", "reason": "r", "whne": "a"}]})") ==
        "rule 'x': unknown key 'whne'; valid keys: id, when, then, reason, text, params, stop");
  CHECK(
      construction_error(R"({"rules": [{"id": "x", "when": "true", "then": "warn", "reason": "r", "stop": "yes"}]})") ==
      "rule 'x': stop: must be true or false");
  CHECK(construction_error(
            R"({"rules": [{"id": "x", "when": "true", "then": "warn", "reason": "r", "params": {"a": [1]}}]})") ==
        "rule 'x': params: 'a' must be text");
  CHECK(construction_error(R"({"other": 1})") == "rules: required: a list of rules");
}

TEST_CASE("duplicate rule ids are refused with both positions", "[rules]") {
  CHECK(construction_error(R"({"rules": [
    {"id": "greet", "when": "true", "then": "label", "reason": "r"},
    {"id": "other", "when": "true", "then": "label", "reason": "r"},
    {"id": "greet", "when": "false", "then": "ban", "reason": "r"}]})") == "duplicate rule id 'greet' (rules 1 and 3)");
}

TEST_CASE("errors start with the YAML location when the host gave one", "[rules]") {
  auto config = config_from_json(R"({"rules": [{"id": "x", "when": "a xor b", "then": "ban", "reason": "r"}]})");
  // Give the `when` value a location, as the host's YAML loader does.
  auto rules = config.as_map()[0].second.as_list();
  auto rule = rules[0].as_map();
  rule[1].second.set_location("acme.yaml:12:11");
  rules[0] = parley::ConfigValue(rule);
  const parley::ConfigValue located(parley::ConfigValue::Map{{"rules", parley::ConfigValue(rules)}});
  CHECK_THROWS_WITH(RuleSet::from_config(located),
                    "acme.yaml:12:11: rule 'x': when: unexpected token 'xor' at column 3 in \"a xor b\"; expected "
                    "'and', 'or' or the end");
}

TEST_CASE("an empty rule list is allowed and logged", "[rules]") {
  FakePluginContext context;
  RulesResponder responder(config_from_json(R"({"rules": []})"), context);
  CHECK(respond(responder, make_event(), Labels{}).empty());
  REQUIRE(context.logged.size() == 1);
  CHECK(context.logged[0].level == parley::LogLevel::warn);
}

TEST_CASE("respond can run on several threads at once", "[rules]") {
  FakePluginContext context;
  RulesResponder responder(config_from_json(R"({"rules": [
    {"id": "a", "when": "event.text contains 'ΚΑΦΈΣ' and x > 0.5", "then": "label", "reason": "r"}]})"),
                           context);
  Labels labels;
  labels.set("x", 0.9);
  std::vector<std::size_t> counts(4, 0);
  std::vector<std::thread> threads;
  for (std::size_t t = 0; t < counts.size(); ++t) {
    threads.emplace_back([&, t] {
      Event event = make_event();
      for (int i = 0; i < 2000; ++i) {
        event.text = (i % 2 == 0) ? "ο καφές " + std::to_string(i) : "tea " + std::to_string(i);
        std::vector<Action> proposals;
        responder.respond(event, labels, CaseView{}, proposals);
        counts[t] += proposals.size();
      }
    });
  }
  for (auto& thread : threads) thread.join();
  for (const auto count : counts) CHECK(count == 1000);
}

TEST_CASE("the config schema describes rules as a list of objects", "[rules]") {
  const auto schema = parley::rules::rules_config_schema();
  REQUIRE(schema.size() == 1);
  const auto& rules = schema[0];
  CHECK(rules.name == "rules");
  CHECK(rules.type == parley::FieldType::list);
  CHECK(rules.required);
  REQUIRE(rules.fields.size() == 1);
  const auto& rule = rules.fields[0];
  CHECK(rule.type == parley::FieldType::object);
  std::vector<std::string> names;
  for (const auto& field : rule.fields) {
    names.push_back(field.name);
    CHECK_FALSE(field.description.empty());
  }
  CHECK(names == std::vector<std::string>{"id", "when", "then", "reason", "text", "params", "stop"});
  CHECK(rule.fields[0].required);
  CHECK(rule.fields[1].required);
  CHECK(rule.fields[2].type == parley::FieldType::any);
  CHECK(rule.fields[3].required);
  CHECK_FALSE(rule.fields[4].required);
  CHECK(rule.fields[5].type == parley::FieldType::map);
  CHECK(rule.fields[5].fields.at(0).type == parley::FieldType::string);
  CHECK(rule.fields[6].type == parley::FieldType::boolean);
  CHECK(rule.fields[6].default_value->as_bool() == false);
}

TEST_CASE("possible_actions lists the kinds of every rule's then, once each, in first-use order", "[rules]") {
  FakePluginContext context;
  RulesResponder responder(config_from_json(kAbuseRules), context);
  const auto possible = responder.possible_actions();
  REQUIRE(possible);
  CHECK(*possible == std::vector<ActionKind>{ActionKind::ban, ActionKind::warn, ActionKind::hide,
                                             ActionKind::reply_private, ActionKind::escalate});

  RulesResponder none(config_from_json(R"({"rules": []})"), context);
  REQUIRE(none.possible_actions());
  CHECK(none.possible_actions()->empty());
}

}  // namespace rules_responder_test
