// Store: decisions on parked actions are a compare-and-set, recorded durably.

#include <catch2/catch.hpp>
#include <filesystem>
#include <thread>

#include "fresh_database.hpp"
#include "store/sqlite_store.hpp"

// A named namespace, so that helpers of different test files can share one
// unity-build translation unit.
namespace approval_decisions_test {

using namespace parley;
using namespace parley::host;

std::filesystem::path fresh_database(const std::string& name) {
  return parley::test::fresh_database_file("parley-approvals-test", name);
}

/// One event with a parked escalation and an allowed reply; returns the escalation's id.
std::int64_t commit_parked(Store& store, const std::string& event_id) {
  EventOutcome outcome;
  outcome.event_id = event_id;
  outcome.connector_id = "replay";
  outcome.case_key = "brand/u1/" + event_id;
  outcome.account = "brand";
  outcome.author_id = "u1";
  outcome.audit_json = R"({"event":")" + event_id + R"(","labels":{"intent.legal":1.0}})";
  OutboxEntry escalation;
  escalation.connector_id = "replay";
  escalation.event_id = event_id;
  escalation.action.kind = ActionKind::escalate;
  escalation.action.params = {{"department", "legal"}};
  escalation.action.rule_id = "legal";
  escalation.action.idempotency_key = "brand/" + event_id + "/legal/escalate";
  escalation.status = OutboxStatus::pending_approval;
  escalation.note = "policy.require_approval lists escalate:legal";
  OutboxEntry reply = escalation;
  reply.action.kind = ActionKind::reply_public;
  reply.action.idempotency_key = "brand/" + event_id + "/ack/reply_public";
  reply.status = OutboxStatus::pending;
  reply.note.clear();
  outcome.actions = {escalation, reply};
  std::vector<EventOutcome> batch{outcome};
  store.commit(batch, {});
  return batch[0].actions[0].id;
}

TEST_CASE("approving a parked action makes it pending and records who decided") {
  const auto file = fresh_database("approve");
  std::int64_t id = 0;
  {
    auto store = SqliteStore::open(file);
    id = commit_parked(*store, "e1");
    const auto result = store->decide({id, true, "alice", "legal agreed", 0});
    REQUIRE(result.outcome == DecideResult::Outcome::decided);
    REQUIRE(result.entry);
    CHECK(result.entry->status == OutboxStatus::pending);
    CHECK(result.entry->note == "policy.require_approval lists escalate:legal");  // the guard's note is kept
    REQUIRE(result.decision);
    CHECK(result.decision->decided_at > 0);
  }
  auto store = SqliteStore::open(file);  // durable: read back from the file
  const auto pending = store->outbox(OutboxStatus::pending);
  CHECK(pending.size() == 2);  // the reply and the approved escalation, for the next run's recovery
  CHECK(store->outbox(OutboxStatus::pending_approval).empty());
  const auto decisions = store->approval_decisions(id);
  REQUIRE(decisions.size() == 1);
  CHECK(decisions[0].approve);
  CHECK(decisions[0].by == "alice");
  CHECK(decisions[0].note == "legal agreed");
  CHECK(decision_name(decisions[0]) == "approved");
}

TEST_CASE("a second decision on the same action changes nothing and names the first") {
  auto store = SqliteStore::open(fresh_database("twice"));
  const auto id = commit_parked(*store, "e1");
  REQUIRE(store->decide({id, false, "bob", "not a legal matter", 0}).outcome == DecideResult::Outcome::decided);
  SECTION("approve after reject") {
    const auto again = store->decide({id, true, "alice", "", 0});
    CHECK(again.outcome == DecideResult::Outcome::not_parked);
    REQUIRE(again.entry);
    CHECK(again.entry->status == OutboxStatus::rejected);
    REQUIRE(again.decision);
    CHECK(again.decision->by == "bob");
    CHECK_FALSE(again.decision->approve);
  }
  SECTION("reject again") {
    CHECK(store->decide({id, false, "carol", "dup", 0}).outcome == DecideResult::Outcome::not_parked);
  }
  CHECK(store->approval_decisions(id).size() == 1);
  CHECK(store->outbox(OutboxStatus::rejected).size() == 1);
  CHECK(store->outbox(OutboxStatus::pending).size() == 1);  // only the reply
}

TEST_CASE("only parked actions can be decided; unknown ids are reported") {
  auto store = SqliteStore::open(fresh_database("not-parked"));
  const auto id = commit_parked(*store, "e1");
  const auto reply_id = id + 1;
  const auto on_reply = store->decide({reply_id, true, "alice", "", 0});
  CHECK(on_reply.outcome == DecideResult::Outcome::not_parked);
  CHECK_FALSE(on_reply.decision);  // never parked, so no decision on record
  CHECK(on_reply.entry->status == OutboxStatus::pending);
  CHECK(store->decide({9999, true, "alice", "", 0}).outcome == DecideResult::Outcome::unknown_id);
  CHECK_FALSE(store->outbox_entry(9999));
  CHECK(store->approval_decisions(reply_id).empty());
}

TEST_CASE("two stores deciding the same action at once: exactly one wins") {
  const auto file = fresh_database("race");
  std::int64_t id = 0;
  {
    auto store = SqliteStore::open(file);
    id = commit_parked(*store, "e1");
  }
  // Two connections, as two `parley approvals approve` processes would have.
  auto first = SqliteStore::open(file);
  auto second = SqliteStore::open(file);
  DecideResult a, b;
  std::thread one([&] { a = first->decide({id, true, "alice", "", 0}); });
  std::thread two([&] { b = second->decide({id, true, "bob", "", 0}); });
  one.join();
  two.join();
  const int winners = (a.outcome == DecideResult::Outcome::decided) + (b.outcome == DecideResult::Outcome::decided);
  CHECK(winners == 1);
  CHECK(first->approval_decisions(id).size() == 1);
}

TEST_CASE("an entry, its creation time and its event's audit record are found by id") {
  auto store = SqliteStore::open(fresh_database("lookup"));
  const auto id = commit_parked(*store, "e7");
  const auto entry = store->outbox_entry(id);
  REQUIRE(entry);
  CHECK(entry->action.params.at("department") == "legal");
  CHECK(entry->created_at > 0);
  const auto audit = store->audit_of_event("e7");
  REQUIRE(audit);
  CHECK_THAT(audit->record_json, Catch::Contains("intent.legal"));
  CHECK_FALSE(store->audit_of_event("nope"));
}

}  // namespace approval_decisions_test
