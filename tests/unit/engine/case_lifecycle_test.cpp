#include <catch2/catch.hpp>

#include "engine/action_params.hpp"
#include "engine/case_lifecycle.hpp"
#include "engine/policy_guard.hpp"

// A named namespace, so that helpers of different test files can share one
// unity-build translation unit.
namespace case_lifecycle_test {

using namespace parley;
using namespace parley::host;

Action action(ActionKind kind, std::map<std::string, std::string> params = {}) {
  Action result;
  result.kind = kind;
  result.params = std::move(params);
  result.rule_id = "r";
  result.reason = "because";
  return result;
}

TEST_CASE("allowed actions move a case as the lifecycle table says") {
  CHECK(status_after(action(ActionKind::reply_public), "new") == "acknowledged");
  CHECK_FALSE(status_after(action(ActionKind::reply_public), "private"));
  CHECK(status_after(action(ActionKind::reply_private), "new") == "private");
  CHECK(status_after(action(ActionKind::reply_private), "acknowledged") == "private");
  CHECK_FALSE(status_after(action(ActionKind::reply_private), "resolved"));
  CHECK(status_after(action(ActionKind::escalate), "resolved") == "escalated");
  CHECK(status_after(action(ActionKind::ban), "acknowledged") == "banned");
  CHECK_FALSE(status_after(action(ActionKind::ban), "banned"));  // no transition to itself
  CHECK_FALSE(status_after(action(ActionKind::hide), "new"));
  CHECK_FALSE(status_after(action(ActionKind::follow_up), "private"));
  // params.case_status wins over the kind's own move.
  CHECK(status_after(action(ActionKind::reply_private, {{"case_status", "awaiting_customer"}}), "new") ==
        "awaiting_customer");
  CHECK(status_after(action(ActionKind::label, {{"case_status", "resolved"}}), "private") == "resolved");
  CHECK(case_statuses().size() == 9);
  CHECK(is_case_status("followed_up"));
  CHECK_FALSE(is_case_status("done"));
}

TEST_CASE("follow_up after: whole minutes, hours or days") {
  CHECK(parse_after("30m") == 30 * 60'000);
  CHECK(parse_after("2h") == 2 * 3'600'000);
  CHECK(parse_after("3d") == 3 * 86'400'000LL);
  for (const auto* bad : {"", "m", "0d", "-1d", "3", "3 d", "1.5h", "3w", "soon", "99999999d"}) {
    INFO(bad);
    CHECK_FALSE(parse_after(bad));
  }
}

TEST_CASE("the guard blocks an unknown case_status and a follow_up without a valid after") {
  const PolicyGuard guard(PolicyConfig{});
  const auto decisions = guard.review({action(ActionKind::label, {{"case_status", "solved"}}),
                                       action(ActionKind::follow_up), action(ActionKind::follow_up, {{"after", "3x"}}),
                                       action(ActionKind::follow_up, {{"after", "3d"}, {"purpose", "check_in"}}),
                                       action(ActionKind::reply_private, {{"case_status", "awaiting_customer"}})},
                                      Labels{}, AuthorState{});
  REQUIRE(decisions.size() == 5);
  CHECK(decisions[0].verdict == Verdict::blocked);
  CHECK_THAT(decisions[0].reason,
             Catch::Contains("'solved' is not a case status") && Catch::Contains("awaiting_customer"));
  CHECK(decisions[1].verdict == Verdict::blocked);
  CHECK(decisions[1].reason == "follow_up needs params.after, e.g. 30m, 2h or 3d");
  CHECK(decisions[2].verdict == Verdict::blocked);
  CHECK_THAT(decisions[2].reason, Catch::Contains("'3x' is not a duration"));
  CHECK(decisions[3].verdict == Verdict::allowed);
  CHECK(decisions[4].verdict == Verdict::allowed);
  CHECK(follow_up_purpose(decisions[3].action) == "check_in");
  CHECK(follow_up_purpose(action(ActionKind::follow_up)) == "follow_up");
}

}  // namespace case_lifecycle_test
