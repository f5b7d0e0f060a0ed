#include <catch2/catch.hpp>

#include "backtest/backtest_comparison.hpp"
#include "recorded_runs.hpp"

using namespace parley;
using namespace parley::host;
using namespace parley::host::backtest_test;

// A named namespace, so that helpers of different test files can share one
// unity-build translation unit.
namespace backtest_comparison_test {

BacktestComparison compare(const BacktestRun& old_run, const BacktestRun& new_run, std::size_t max_listed = 50) {
  return compare_runs(old_run, summarize(old_run), new_run, summarize(new_run), max_listed);
}

TEST_CASE("compare: count deltas per kind and the events whose allowed actions differ", "[backtest]") {
  BacktestRun old_run, new_run;
  old_run.pipeline_file = "old.yaml";
  old_run.events = {
      event("e1", "same", 1, "en", {allowed(ActionKind::reply_public, "P2")}),
      event("e2", "Jesteś debilem", 2, "pl", {allowed(ActionKind::warn, "P8.warn")}),
      event("e3", "refused either way", 3, "en", {refused(ActionKind::ban, "P10", Verdict::blocked, "no")}),
      timer_event("timer:e1", 4, {allowed(ActionKind::reply_private, "P14")})};
  new_run.events = {
      event("e1", "same", 1, "en", {allowed(ActionKind::reply_public, "P2")}),
      event("e2", "Jesteś debilem", 2, "pl", {allowed(ActionKind::hide, "P9"), allowed(ActionKind::warn, "P8.warn")}),
      event("e3", "refused either way", 3, "en", {refused(ActionKind::ban, "P10", Verdict::parked, "approval")})};
  const auto comparison = compare(old_run, new_run);
  CHECK(comparison.old_pipeline_file == "old.yaml");
  REQUIRE(comparison.deltas.size() == 4);
  CHECK(comparison.deltas[0].kind == ActionKind::reply_public);
  CHECK((comparison.deltas[0].old_count == 1 && comparison.deltas[0].new_count == 1));
  CHECK(comparison.deltas[1].kind == ActionKind::reply_private);
  CHECK((comparison.deltas[1].old_count == 1 && comparison.deltas[1].new_count == 0));
  CHECK(comparison.deltas[2].kind == ActionKind::hide);
  CHECK((comparison.deltas[2].old_count == 0 && comparison.deltas[2].new_count == 1));
  REQUIRE(comparison.differences.size() == 2);
  CHECK(comparison.differences[0].event_id == "e2");
  CHECK(comparison.differences[0].text == "Jesteś debilem");
  CHECK(comparison.differences[0].old_actions == std::vector<std::string>{"warn:P8.warn"});
  CHECK(comparison.differences[0].new_actions == std::vector<std::string>{"hide:P9", "warn:P8.warn"});
  CHECK(comparison.differences[1].event_id == "timer:e1");  // only the old policy set that timer
  CHECK(comparison.differences[1].new_actions.empty());
  CHECK(comparison.differences_not_listed == 0);
}

TEST_CASE("compare: the list is capped, the rest counted", "[backtest]") {
  BacktestRun old_run, new_run;
  for (int index = 0; index < 7; ++index) {
    const auto id = "e" + std::to_string(index);
    old_run.events.push_back(event(id, "t", index + 1, "en", {}));
    new_run.events.push_back(event(id, "t", index + 1, "en", {allowed(ActionKind::ignore, "P18")}));
  }
  const auto comparison = compare(old_run, new_run, 5);
  CHECK(comparison.differences.size() == 5);
  CHECK(comparison.differences_not_listed == 2);
}

}  // namespace backtest_comparison_test
