#include "cli/test_report.hpp"

#include <fmt/format.h>

#include "cli/decision_table.hpp"

namespace parley::host {

namespace {

constexpr std::size_t kCaseWidth = 48;

const char* verdict_text(Verdict verdict) {
  switch (verdict) {
    case Verdict::allowed: return "allowed";
    case Verdict::blocked: return "BLOCKED";
    case Verdict::parked: return "PARKED";
  }
  return "?";
}

/// `text` cut to `width` code points and padded to it (fmt pads by display width).
std::string column(const std::string& text, std::size_t width) {
  return fmt::format("{:<{}}", preview(text, width - 1), width);
}

}  // namespace

void TestReport::print_header(const std::string& client, const std::string& pipeline_file) const {
  fmt::print(out_, "Policy tests for {} ({})  [dry run: each case on a fresh in-memory state, nothing executed]\n",
             client, pipeline_file);
}

void TestReport::print_file(const std::string& cases_file) const {
  fmt::print(out_, "\n{}\n  {:<7}{}{:>5}  {}\n", cases_file, "result", column("case", kCaseWidth), "event", "text");
}

void TestReport::print_case(const CaseResult& result) {
  ++cases_;
  if (!result.passed()) ++cases_failed_;
  for (const auto& step : result.steps) {
    const bool passed = step.passed();
    steps_checked_ += step.checked;
    steps_failed_ += !passed;
    const char* verdict = !passed ? "FAIL" : step.checked ? "PASS" : "-";
    fmt::print(out_, "  {:<7}{}{:>5}  \"{}\"{}\n", verdict, column(result.name, kCaseWidth), step.number,
               preview(step.summary, 50), passed ? "" : "  (" + step.location + ")");
    if (passed) continue;
    for (const auto& problem : step.problems) fmt::print(out_, "        ✗ {}\n", problem);
    if (step.actions.empty()) fmt::print(out_, "        actual: no action proposed\n");
    const char* label = "actual:";
    for (const auto& action : step.actions) {
      std::string detail = action.verdict == Verdict::allowed ? "" : action.guard_reason;
      if (!action.text.empty()) detail += (detail.empty() ? "» " : "  » ") + preview(action.text, 60);
      fmt::print(out_, "        {:<8}{:<16} {:<20} {:<8} {}\n", label, to_string(action.kind), preview(action.rule, 19),
                 verdict_text(action.verdict), detail);
      label = "";
    }
  }
}

void TestReport::print_summary() const {
  fmt::print(out_, "\nSummary: {} case(s): {} passed, {} failed; {} checked step(s), {} failed step(s)\n", cases_,
             cases_ - cases_failed_, cases_failed_, steps_checked_, steps_failed_);
}

}  // namespace parley::host
