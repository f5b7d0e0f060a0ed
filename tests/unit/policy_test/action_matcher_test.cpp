#include <catch2/catch.hpp>

#include "policy_test/action_matcher.hpp"

using namespace parley;
using namespace parley::host;

// A named namespace, so that helpers of different test files can share one
// unity-build translation unit.
namespace action_matcher_test {

ObservedAction action(ActionKind kind, std::string rule, std::string text = "", Verdict verdict = Verdict::allowed) {
  ObservedAction observed;
  observed.kind = kind;
  observed.rule = std::move(rule);
  observed.text = std::move(text);
  observed.verdict = verdict;
  observed.lang = "el";
  return observed;
}

ActionPattern pattern(ActionKind kind) {
  ActionPattern result;
  result.kind = kind;
  return result;
}

TEST_CASE("rule: exact, or a prefix up to a dot", "[policy_test]") {
  CHECK(rule_matches("P16", "P16"));
  CHECK(rule_matches("P16", "P16.rip-off"));
  CHECK_FALSE(rule_matches("P16", "P160"));
  CHECK_FALSE(rule_matches("P16", "P16-x"));
  CHECK_FALSE(rule_matches("P16.rip-off", "P16"));
}

TEST_CASE("a pattern matches kind, verdict, rule, text, params, reason and lang", "[policy_test]") {
  auto reply = action(ActionKind::reply_private, "P4.private", "Γεια σας ΜΑΡΙΑ, λυπούμαστε πολύ");
  reply.params = {{"department", "care"}};
  reply.reason = "P4: continue in private";
  auto wanted = pattern(ActionKind::reply_private);
  CHECK(matches(wanted, reply));
  wanted.rule = "P4";
  wanted.text_contains = "μαρια";  // case-insensitive in Greek too
  wanted.params = {{"department", "care"}};
  wanted.reason_contains = "PRIVATE";
  wanted.lang = "el";
  CHECK(matches(wanted, reply));

  auto other = wanted;
  other.kind = ActionKind::reply_public;
  CHECK_FALSE(matches(other, reply));
  other = wanted;
  other.params = {{"department", "legal"}};
  CHECK_FALSE(matches(other, reply));
  other = wanted;
  other.lang = "ru";
  CHECK_FALSE(matches(other, reply));
  other = wanted;
  other.verdict = Verdict::parked;
  CHECK_FALSE(matches(other, reply));
  other.verdict = std::nullopt;  // verdict: any
  CHECK(matches(other, reply));
}

TEST_CASE("reason_contains also searches the guard's reason", "[policy_test]") {
  auto deleted = action(ActionKind::delete_event, "spam", "", Verdict::blocked);
  deleted.guard_reason = "policy.never forbids delete";
  auto wanted = pattern(ActionKind::delete_event);
  wanted.verdict = Verdict::blocked;
  wanted.reason_contains = "policy.never";
  CHECK(matches(wanted, deleted));
}

TEST_CASE("check_step: each expectation needs its own action", "[policy_test]") {
  const std::vector<ObservedAction> actions{action(ActionKind::reply_public, "ack", "Przepraszamy"),
                                            action(ActionKind::reply_private, "ack", "Prosimy o numer zamówienia")};
  StepChecks checks;
  checks.expect = {pattern(ActionKind::reply_public), pattern(ActionKind::reply_private)};
  CHECK(check_step(checks, actions).empty());

  checks.expect.push_back(pattern(ActionKind::reply_public));
  const auto problems = check_step(checks, actions);
  REQUIRE(problems.size() == 1);
  CHECK_THAT(problems[0], Catch::Contains("expected reply_public (allowed)") &&
                              Catch::Contains("already counted for another expectation"));
}

TEST_CASE("check_step: a matching forbid fails; blocked actions are not forbidden by default", "[policy_test]") {
  const std::vector<ObservedAction> actions{action(ActionKind::reply_public, "offer", "Dostaniesz rabat 10%"),
                                            action(ActionKind::delete_event, "spam", "", Verdict::blocked)};
  StepChecks checks;
  auto discount = pattern(ActionKind::reply_public);
  discount.text_contains = "RABAT";
  checks.forbid = {discount, pattern(ActionKind::delete_event)};
  const auto problems = check_step(checks, actions);
  REQUIRE(problems.size() == 1);
  CHECK_THAT(problems[0], Catch::Contains("forbidden reply_public text~'RABAT'") &&
                              Catch::Contains("matched reply_public by rule 'offer' (allowed)"));
}

TEST_CASE("check_step: expect_only refuses allowed extras, not blocked or parked ones", "[policy_test]") {
  const std::vector<ObservedAction> actions{action(ActionKind::warn, "abuse"), action(ActionKind::hide, "abuse"),
                                            action(ActionKind::ban, "abuse", "", Verdict::blocked)};
  StepChecks checks;
  checks.expect = {pattern(ActionKind::warn)};
  checks.expect_only = true;
  const auto problems = check_step(checks, actions);
  REQUIRE(problems.size() == 1);
  CHECK(problems[0] == "expect_only: unexpected hide by rule 'abuse' (allowed)");

  checks.expect.push_back(pattern(ActionKind::hide));
  CHECK(check_step(checks, actions).empty());
  CHECK(check_step(StepChecks{{}, {}, true}, {}).empty());  // "nothing at all" holds for no actions
}

}  // namespace action_matcher_test
