#include <catch2/catch.hpp>

#include "backtest/backtest_report.hpp"
#include "recorded_runs.hpp"

using namespace parley;
using namespace parley::host;
using namespace parley::host::backtest_test;

// A named namespace, so that helpers of different test files can share one
// unity-build translation unit.
namespace backtest_report_test {

BacktestRun sample_run() {
  BacktestRun run;
  run.client = "acme";
  run.pipeline_file = "acme.yaml";
  run.input_file = "history.jsonl";
  run.bad_lines = {{"history.jsonl:3", "missing required field 'text'"}};
  run.events = {
      event("e1", "<script>alert(1)</script> where | is my order", 1'780'000'000'000, "en",
            {allowed(ActionKind::reply_public, "P2", "Sorry & thanks")}, "late_delivery", 0.9),
      event("e2", "Kiitos", 1'780'000'060'000, "fi", {}),
  };
  return run;
}

TEST_CASE("report: overview, problems, counts, themes and examples in Markdown", "[backtest]") {
  const auto run = sample_run();
  const auto markdown = render_markdown(backtest_report(run, summarize(run), std::nullopt));
  CHECK_THAT(markdown, Catch::StartsWith("# Backtest: acme\n"));
  CHECK_THAT(markdown, Catch::Contains("- Period covered: 2026-05-28T20:26:40Z to 2026-05-28T20:27:40Z"));
  CHECK_THAT(markdown, Catch::Contains("- Events handled: 2 "));
  CHECK_THAT(markdown, Catch::Contains("- history.jsonl:3: missing required field 'text'"));
  CHECK_THAT(markdown, Catch::Contains("| Public replies | 1 |"));
  CHECK_THAT(markdown, Catch::Contains("| Bans | 0 |"));
  CHECK_THAT(markdown, Catch::Contains("| Events with no action | 1 |"));
  CHECK_THAT(markdown,
             Catch::Contains("| late_delivery | 1 | “\\<script\\>alert(1)\\</script\\> where \\| is my order” |"));
  CHECK_THAT(markdown, Catch::Contains("| fi | 1 |"));
  CHECK_THAT(markdown, Catch::Contains("### Public replies\n"));
  CHECK_THAT(markdown, Catch::Contains("| Sorry & thanks | P2 | because reply_public |"));
  CHECK_THAT(markdown, !Catch::Contains("Compared with"));
}

TEST_CASE("report: HTML is one page with every text escaped", "[backtest]") {
  const auto run = sample_run();
  const auto html = render_html(backtest_report(run, summarize(run), std::nullopt));
  CHECK_THAT(html, Catch::StartsWith("<!DOCTYPE html>"));
  CHECK_THAT(html, Catch::Contains("<title>Backtest: acme</title>"));
  CHECK_THAT(html, Catch::Contains("&lt;script&gt;alert(1)&lt;/script&gt; where | is my order"));
  CHECK_THAT(html, Catch::Contains("<td>Sorry &amp; thanks</td>"));
  CHECK_THAT(html, !Catch::Contains("<script"));
  CHECK_THAT(html, !Catch::Contains("http"));  // nothing fetched
  CHECK_THAT(html, Catch::EndsWith("</html>\n"));
}

TEST_CASE("report: a comparison shows deltas and the differing events", "[backtest]") {
  const auto run = sample_run();
  BacktestRun old_run = run;
  old_run.pipeline_file = "old.yaml";
  old_run.events[0].actions = {allowed(ActionKind::ignore, "P18")};
  const auto comparison = compare_runs(old_run, summarize(old_run), run, summarize(run));
  const auto markdown = render_markdown(backtest_report(run, summarize(run), comparison));
  CHECK_THAT(markdown, Catch::Contains("## Compared with old.yaml"));
  CHECK_THAT(markdown, Catch::Contains("| Public replies | 0 | 1 | +1 |"));
  CHECK_THAT(markdown, Catch::Contains("| Deliberately ignored | 1 | 0 | -1 |"));
  CHECK_THAT(markdown, Catch::Contains("### Events handled differently: 1"));
  CHECK_THAT(markdown, Catch::Contains("| e1 | \\<script\\>alert(1)\\</script\\> where \\| is my order | ignore:P18 | "
                                       "reply_public:P2 |"));
}

}  // namespace backtest_report_test
