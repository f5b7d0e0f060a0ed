// parley backtest: a policy on a multilingual history (keywords + rules),
// dry-run on in-memory state; the report in Markdown or HTML; --compare.
#include <catch2/catch.hpp>
#include <filesystem>

#include "parley_process.hpp"

using namespace parley::testing;

// A named namespace, so that helpers of different test files can share one
// unity-build translation unit.
namespace backtest_test {

const std::string fixtures = std::string(PARLEY_FIXTURES) + "/backtest";

/// The fixture's policy with its insult rule changed to ignore insults.
std::string policy_ignoring_insults() {
  auto yaml = read_file(fixtures + "/acme.yaml");
  const std::string warn = R"(then: [{ action: warn, text: "Hi {{author}}, please keep it civil." }, hide])";
  const auto at = yaml.find(warn);
  REQUIRE(at != std::string::npos);
  return yaml.replace(at, warn.size(), "then: [ignore]");
}

TEST_CASE("backtest: counts, languages, themes and the bad line, in Markdown on stdout") {
  const auto dir = fresh_dir("backtest-md");
  const auto result = run_parley({"backtest", fixtures + "/acme.yaml", "--input", fixtures + "/history.jsonl"});
  INFO(result.out << result.err);
  CHECK(result.exit_code == 1);  // the malformed line
  CHECK_THAT(result.err, Catch::Contains("1 line(s) of " + fixtures + "/history.jsonl not read"));
  const auto& out = result.out;
  CHECK_THAT(out, Catch::StartsWith("# Backtest: acme-coffee\n"));
  CHECK_THAT(out, Catch::Contains("- Period covered: 2026-11-02T09:00:00Z to 2026-11-04T10:00:00Z"));
  CHECK_THAT(out, Catch::Contains("- Events handled: 10 (and 6 follow-up timers"));  // ev-07's is due after the end
  CHECK_THAT(out, Catch::Contains("- " + fixtures + "/history.jsonl:12: invalid JSON"));
  CHECK_THAT(out, Catch::Contains("| Public replies | 7 |"));
  CHECK_THAT(out, Catch::Contains("| Moved to private (messages) | 13 |"));  // 7 + 6 check-ins
  CHECK_THAT(out, Catch::Contains("| Follow-ups scheduled | 7 |"));
  CHECK_THAT(out, Catch::Contains("| Warnings | 1 |") && Catch::Contains("| Hidden | 1 |"));
  CHECK_THAT(out, Catch::Contains("| Bans | 0 |") && Catch::Contains("| Escalations | 0 |"));
  CHECK_THAT(out, Catch::Contains("| Parked for approval | 1 |"));
  CHECK_THAT(out, Catch::Contains("| Events with no action | 1 |"));
  CHECK_THAT(out, Catch::Contains("| ru | 2 |") && Catch::Contains("| el | 1 |") && Catch::Contains("| ar | 2 |"));
  const auto late = out.find("| late_delivery | 5 | “Η παραγγελία μου άργησε δύο ώρες! Πού είναι;” · “Я жду");
  const auto quality = out.find("| product_quality | 2 |");
  CHECK(late != std::string::npos);
  CHECK(quality != std::string::npos);
  CHECK(late < quality);
  CHECK_THAT(out, Catch::Contains("| Jesteś debilem | Hi piotr, please keep it civil. | P8.warn |"));
  CHECK_FALSE(std::filesystem::exists(dir + "/state"));
}

TEST_CASE("backtest: an HTML report file, self-contained, with event texts escaped") {
  const auto dir = fresh_dir("backtest-html");
  const auto result = run_parley(
      {"backtest", fixtures + "/acme.yaml", "--input", fixtures + "/history.jsonl", "--report", dir + "/r.html"});
  INFO(result.out << result.err);
  CHECK(result.exit_code == 1);
  CHECK(result.out.empty());
  REQUIRE(std::filesystem::exists(dir + "/r.html"));
  const auto html = read_file(dir + "/r.html");
  CHECK_THAT(html, Catch::StartsWith("<!DOCTYPE html>"));
  CHECK_THAT(html, Catch::Contains("The coffee was cold &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"));
  CHECK_THAT(html, !Catch::Contains("<script"));
  CHECK_THAT(html, Catch::Contains("<td>Public replies</td><td class=\"n\">7</td>"));
}

TEST_CASE("backtest: --compare lists the events a changed rule handles differently") {
  const auto dir = fresh_dir("backtest-compare");
  write_file(dir + "/old.yaml", policy_ignoring_insults());
  const auto history = read_file(fixtures + "/history.jsonl");
  write_file(dir + "/history.jsonl", history.substr(0, history.find("{\"id\": \"ev-11\"")));  // without the bad line
  const auto result = run_parley(
      {"backtest", fixtures + "/acme.yaml", "--input", dir + "/history.jsonl", "--compare", dir + "/old.yaml"});
  INFO(result.out << result.err);
  CHECK(result.exit_code == 0);  // every line read this time
  CHECK_THAT(result.out, Catch::Contains("## Compared with " + dir + "/old.yaml"));
  CHECK_THAT(result.out, Catch::Contains("| Warnings | 0 | 1 | +1 |"));
  CHECK_THAT(result.out, Catch::Contains("| Deliberately ignored | 1 | 0 | -1 |"));
  CHECK_THAT(result.out, Catch::Contains("| Public replies | 7 | 7 | = |"));
  CHECK_THAT(result.out, Catch::Contains("### Events handled differently: 1"));
  CHECK_THAT(result.out, Catch::Contains("| ev-08 | Jesteś debilem | ignore:P8.warn | warn:P8.warn, hide:P8.warn |"));
}

TEST_CASE("backtest: bad usage and bad pipelines exit 2 naming the file and line") {
  const auto dir = fresh_dir("backtest-usage");
  write_file(dir + "/broken.yaml", "client: x\nconnectors:\n  - plugin: replay\n    confg: {}\n");
  const auto history = fixtures + "/history.jsonl";
  const auto broken =
      run_parley({"backtest", fixtures + "/acme.yaml", "--input", history, "--compare", dir + "/broken.yaml"});
  CHECK(broken.exit_code == 2);
  CHECK_THAT(broken.err, Catch::Contains(dir + "/broken.yaml:4"));
  CHECK(broken.out.empty());
  CHECK(run_parley({"backtest", fixtures + "/acme.yaml"}).exit_code == 2);  // no --input
  const auto format = run_parley({"backtest", fixtures + "/acme.yaml", "--input", history, "--report", dir + "/r.pdf"});
  CHECK(format.exit_code == 2);
  CHECK_THAT(format.err, Catch::Contains(".md or .html"));
  const auto help = run_parley({"backtest", "--help"});
  CHECK(help.exit_code == 0);
  CHECK_THAT(help.out, Catch::Contains("--compare"));
}

TEST_CASE("backtest: an input that cannot be read still gives a report, exit 1") {
  const auto result = run_parley({"backtest", fixtures + "/acme.yaml", "--input", "/nonexistent/history.jsonl"});
  CHECK(result.exit_code == 1);
  CHECK_THAT(result.out, Catch::Contains("- cannot read /nonexistent/history.jsonl"));
  CHECK_THAT(result.err, Catch::Contains("cannot read /nonexistent/history.jsonl"));
}

#ifdef PARLEY_BRAND_PLUGINS  // every classifier and the playbook were built
TEST_CASE("backtest: the bazaar brand's policy on the sample events") {
  const std::string source = PARLEY_SOURCE_DIR;
  const auto result = run_parley({"backtest", source + "/configs/brands/bazaar/pipeline.yaml", "--input",
                                  source + "/configs/samples/events.jsonl"});
  INFO(result.out << result.err);
  CHECK(result.exit_code == 0);
  const auto replies = result.out.find("| Public replies | ");
  REQUIRE(replies != std::string::npos);
  CHECK(std::stoi(result.out.substr(replies + 18)) > 0);
  CHECK_THAT(result.out, Catch::Contains("## Top complaint themes\n\n| Theme | Complaints | Examples |"));
}

#endif

}  // namespace backtest_test
