#include <catch2/catch.hpp>

#include "engine/policy_guard.hpp"

// A named namespace, so that helpers of different test files can share one
// unity-build translation unit.
namespace policy_guard_test {

using namespace parley;
using namespace parley::host;

AuthorState author(int events, int warnings, bool banned) {
  AuthorState state;
  state.events = events;
  state.warnings = warnings;
  state.banned = banned;
  return state;
}

Action proposal(ActionKind kind, std::map<std::string, std::string> params = {}) {
  Action action;
  action.kind = kind;
  action.target_event_id = "e1";
  action.target_author_id = "u1";
  action.params = std::move(params);
  action.rule_id = "test";
  action.reason = "because the test says so";
  return action;
}

PolicyConfig brand_policy() {
  PolicyConfig policy;
  policy.never = {ActionKind::delete_event};
  policy.require_approval = {{ActionKind::escalate, "legal"}, {ActionKind::hide, ""}};
  policy.ban_after_warnings = 2;
  policy.ban_for = {"toxicity.hate"};
  policy.ban_label_threshold = 0.8;
  return policy;
}

TEST_CASE("never blocks an action whatever a plugin asked") {
  const PolicyGuard guard(brand_policy());
  const auto decisions = guard.review({proposal(ActionKind::delete_event)}, {}, {});
  REQUIRE(decisions.size() == 1);
  CHECK(decisions[0].verdict == Verdict::blocked);
  CHECK(decisions[0].reason == "policy.never forbids delete");
}

TEST_CASE("a ban needs enough warnings or an abuse label of ban.for") {
  const PolicyGuard guard(brand_policy());
  Labels insult;
  insult.set("toxicity.insult", 1.0);
  SECTION("refused before the second warning") {
    const auto decisions = guard.review({proposal(ActionKind::ban)}, insult, author(3, 1, false));
    CHECK(decisions[0].verdict == Verdict::blocked);
    CHECK_THAT(decisions[0].reason, Catch::Contains("has 1 warning(s)") && Catch::Contains("after_warnings is 2"));
  }
  SECTION("allowed at two warnings") {
    CHECK(guard.review({proposal(ActionKind::ban)}, insult, author(3, 2, false))[0].verdict == Verdict::allowed);
  }
  SECTION("a warning allowed earlier in the same event counts") {
    const auto decisions =
        guard.review({proposal(ActionKind::warn), proposal(ActionKind::ban)}, insult, author(3, 1, false));
    CHECK(decisions[0].verdict == Verdict::allowed);
    CHECK(decisions[1].verdict == Verdict::allowed);
  }
  SECTION("hate allows an immediate ban") {
    Labels hate;
    hate.set("toxicity.hate", 0.9);
    CHECK(guard.review({proposal(ActionKind::ban)}, hate, {})[0].verdict == Verdict::allowed);
    hate.set("toxicity.hate", 0.5);
    CHECK(guard.review({proposal(ActionKind::ban)}, hate, {})[0].verdict == Verdict::blocked);
  }
  SECTION("an author already banned is not banned again") {
    const auto decisions = guard.review({proposal(ActionKind::ban)}, insult, author(3, 5, true));
    CHECK(decisions[0].reason == "the author is already banned");
  }
}

TEST_CASE("require_approval parks matching actions only") {
  const PolicyGuard guard(brand_policy());
  const auto decisions =
      guard.review({proposal(ActionKind::escalate, {{"department", "legal"}}),
                    proposal(ActionKind::escalate, {{"department", "support"}}), proposal(ActionKind::hide)},
                   {}, {});
  CHECK(decisions[0].verdict == Verdict::parked);
  CHECK(decisions[0].reason == "policy.require_approval lists escalate:legal");
  CHECK(decisions[1].verdict == Verdict::allowed);
  CHECK(decisions[2].verdict == Verdict::parked);
}

TEST_CASE("require_approval: [offer] parks every action that offers something, of any kind") {
  auto policy = brand_policy();
  policy.approve_offers = true;
  const PolicyGuard guard(policy);
  const auto decisions = guard.review({proposal(ActionKind::reply_private, {{"offer", "a refund of the fee"}}),
                                       proposal(ActionKind::reply_private, {{"lang", "fi"}})},
                                      {}, {});
  CHECK(decisions[0].verdict == Verdict::parked);
  CHECK_THAT(decisions[0].reason,
             Catch::Contains("policy.require_approval lists offer") && Catch::Contains("a refund of the fee"));
  CHECK(decisions[1].verdict == Verdict::allowed);
}

TEST_CASE("an action without a rule id or a reason is blocked") {
  const PolicyGuard guard(brand_policy());
  auto unexplained = proposal(ActionKind::reply_public);
  unexplained.reason.clear();
  const auto decisions = guard.review({unexplained}, {}, {});
  CHECK(decisions[0].verdict == Verdict::blocked);
  CHECK_THAT(decisions[0].reason, Catch::Contains("no rule id or reason"));
}

TEST_CASE("an identical second proposal is blocked as a duplicate") {
  const PolicyGuard guard(brand_policy());
  auto reply = proposal(ActionKind::reply_public);
  reply.text = "Thanks, Μαρία!";
  auto other = reply;
  other.text = "Something else";
  const auto decisions = guard.review({reply, reply, other}, {}, {});
  CHECK(decisions[0].verdict == Verdict::allowed);
  CHECK(decisions[1].verdict == Verdict::blocked);
  CHECK_THAT(decisions[1].reason, Catch::Contains("duplicate"));
  CHECK(decisions[2].verdict == Verdict::allowed);
}

}  // namespace policy_guard_test
