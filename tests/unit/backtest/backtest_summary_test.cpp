#include <catch2/catch.hpp>

#include "backtest/backtest_summary.hpp"
#include "recorded_runs.hpp"

using namespace parley;
using namespace parley::host;
using namespace parley::host::backtest_test;

// A named namespace, so that helpers of different test files can share one
// unity-build translation unit.
namespace backtest_summary_test {

BacktestRun sample_run() {
  BacktestRun run;
  run.events = {
      event("e1", "Where is my order?", 3000, "en",
            {allowed(ActionKind::reply_public, "P2", "Sorry, we are on it"), allowed(ActionKind::reply_private, "P4"),
             allowed(ActionKind::escalate, "P12", "", "logistics"), allowed(ActionKind::follow_up, "P14")},
            "late_delivery", 0.9),
      event("e2", "Η παραγγελία άργησε", 1000, "el",
            {allowed(ActionKind::notify, "P2.sla_breach"), allowed(ActionKind::reply_public, "P2")}, "late_delivery",
            0.8),
      event("e3", "Кофе холодный", 2000, "ru", {allowed(ActionKind::reply_public, "P2")}, "product_quality", 0.7),
      event("e4", "Idiota!", 4000, "pl",
            {allowed(ActionKind::warn, "P8.warn"),
             refused(ActionKind::ban, "P10", Verdict::blocked, "ban needs 2 warnings"),
             refused(ActionKind::escalate, "P12", Verdict::parked, "escalate:legal needs approval")}),
      event("e5", "Kiitos!", 5000, "", {}),
      event("e6", "spam spam", 6000, "en", {allowed(ActionKind::ignore, "P18")}, "late_delivery", 0.2),
      timer_event("timer:e1", 9000, {allowed(ActionKind::reply_private, "P14")}),
  };
  run.events[4].theme = "product_quality";  // no complaint score: not a complaint theme
  return run;
}

TEST_CASE("summary: allowed actions by kind, refused ones by the guard's reason", "[backtest]") {
  const auto summary = summarize(sample_run());
  CHECK(summary.events == 6);
  CHECK(summary.timers_fired == 1);
  CHECK(summary.allowed.at(ActionKind::reply_public) == 3);
  CHECK(summary.allowed.at(ActionKind::reply_private) == 2);  // the timer's follow-up message counts
  CHECK(summary.allowed.at(ActionKind::escalate) == 1);
  CHECK(summary.allowed.count(ActionKind::ban) == 0);
  CHECK(summary.blocked == 1);
  CHECK(summary.parked == 1);
  CHECK(summary.blocked_reasons == Tally{{"ban needs 2 warnings", 1}});
  CHECK(summary.parked_reasons == Tally{{"escalate:legal needs approval", 1}});
  CHECK(summary.escalations_by_department == Tally{{"logistics", 1}});
  CHECK(summary.ignores_by_rule == Tally{{"P18", 1}});
  CHECK(summary.sla_misses == 1);
  CHECK(summary.no_action == 1);
  CHECK(*summary.first_ms == 1000);
  CHECK(*summary.last_ms == 6000);  // the timer is not part of the history's period
}

TEST_CASE("summary: languages and complaint themes, most frequent first", "[backtest]") {
  const auto summary = summarize(sample_run());
  CHECK(summary.languages == Tally{{"en", 2}, {"el", 1}, {"pl", 1}, {"ru", 1}, {"unknown", 1}});
  REQUIRE(summary.themes.size() == 2);
  CHECK(summary.themes[0].theme == "late_delivery");
  CHECK(summary.themes[0].count == 2);  // e6 scores below 0.5 on intent.complaint
  CHECK(summary.themes[0].examples == std::vector<std::string>{"Where is my order?", "Η παραγγελία άργησε"});
  CHECK(summary.themes[1].theme == "product_quality");
  CHECK(summary.themes[1].count == 1);
}

TEST_CASE("summary: at most three examples per kind, ten themes", "[backtest]") {
  BacktestRun run;
  for (int index = 0; index < 12; ++index) {
    const auto id = std::to_string(index);
    run.events.push_back(event("e" + id, "text " + id, index + 1, "en",
                               {allowed(ActionKind::reply_public, "P2", "reply " + id)}, "theme" + id, 0.9));
  }
  run.events.push_back(event("extra", "again", 20, "en", {}, "theme7", 0.9));
  const auto summary = summarize(run);
  REQUIRE(summary.examples.at(ActionKind::reply_public).size() == 3);
  CHECK(summary.examples.at(ActionKind::reply_public)[2].reply_text == "reply 2");
  REQUIRE(summary.themes.size() == 10);
  CHECK(summary.themes[0].theme == "theme7");
  CHECK(summary.themes[0].examples.size() == 2);
  CHECK(summary.themes[1].theme == "theme0");
}

}  // namespace backtest_summary_test
