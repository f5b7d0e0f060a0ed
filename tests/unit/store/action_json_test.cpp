// The outbox keeps each action as JSON text: what action_to_json writes must
// read back through action_from_json as the same action, in every script.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "store/action_json.hpp"

using namespace parley;
using parley::host::action_from_json;
using parley::host::action_to_json;

TEST_CASE("action json: an action reads back as written, params and six scripts included") {
  Action action;
  action.kind = ActionKind::reply_private;
  action.target_event_id = "fb-123_456";
  action.target_author_id = "u-\"quoted\"";
  action.text = "Λυπούμαστε. Извините. Przepraszamy. Pahoittelut. نعتذر\nSorry \\ again";
  action.params = {{"offer", "10% kupong"}, {"parley.event.text", "tab\there"}, {"empty", ""}};
  action.reason = "P4: move the conversation private";
  action.rule_id = "move-private";
  action.idempotency_key = "k-1";

  const auto text = action_to_json(action);
  const auto back = action_from_json(nlohmann::json::parse(text));

  CHECK(back.kind == action.kind);
  CHECK(back.target_event_id == action.target_event_id);
  CHECK(back.target_author_id == action.target_author_id);
  CHECK(back.text == action.text);
  CHECK(back.params == action.params);
  CHECK(back.reason == action.reason);
  CHECK(back.rule_id == action.rule_id);
  CHECK(back.idempotency_key == action.idempotency_key);
}

TEST_CASE("action json: invalid UTF-8 in a text is stored as U+FFFD, not dropped or refused") {
  Action action;
  action.kind = ActionKind::reply_public;
  action.text = "bad \xC3( byte";
  const auto back = action_from_json(nlohmann::json::parse(action_to_json(action)));
  CHECK(back.text == "bad \xEF\xBF\xBD( byte");
  CHECK(back.params.empty());
}

TEST_CASE("action json: settled actions read back in order, with their event and time") {
  parley::host::OutboxEntry blocked;
  blocked.connector_id = "facebook";
  blocked.action.kind = ActionKind::delete_event;
  blocked.action.idempotency_key = "k/e1/delete";
  blocked.status = parley::host::OutboxStatus::blocked;
  blocked.note = "policy.never forbids delete";
  parley::host::OutboxEntry reply;
  reply.connector_id = "mail";
  reply.action.kind = ActionKind::reply_private;
  reply.action.text = "Pahoittelut, Matti";
  reply.status = parley::host::OutboxStatus::dry_run;

  CHECK(parley::host::settled_actions_to_json({}).empty());
  CHECK(parley::host::settled_actions_from_json("", "e1", 5).empty());
  const auto text = parley::host::settled_actions_to_json({&blocked, &reply});
  const auto back = parley::host::settled_actions_from_json(text, "e1", 5000);
  REQUIRE(back.size() == 2);
  CHECK(back[0].connector_id == "facebook");
  CHECK(back[0].action.kind == ActionKind::delete_event);
  CHECK(back[0].action.idempotency_key == "k/e1/delete");
  CHECK(back[0].status == parley::host::OutboxStatus::blocked);
  CHECK(back[0].note == "policy.never forbids delete");
  CHECK(back[1].action.text == "Pahoittelut, Matti");
  CHECK(back[1].status == parley::host::OutboxStatus::dry_run);
  for (const auto& entry : back) {
    CHECK(entry.event_id == "e1");
    CHECK(entry.created_at == 5000);
    CHECK(entry.id == 0);
  }
}
