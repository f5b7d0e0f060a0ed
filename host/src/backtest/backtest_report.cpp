#include "backtest/backtest_report.hpp"

#include <fmt/format.h>

#include "cli/decision_table.hpp"
#include "policy_test/time_text.hpp"

namespace parley::host {
namespace {

constexpr std::size_t kExcerptChars = 100;

// Always listed, even at 0: what an account manager asks about first.
constexpr ActionKind kMainKinds[] = {ActionKind::reply_public, ActionKind::reply_private, ActionKind::warn,
                                     ActionKind::ban,          ActionKind::escalate,      ActionKind::hide,
                                     ActionKind::ignore,       ActionKind::follow_up};

std::string excerpt(const std::string& text) { return preview(text, kExcerptChars); }

std::string count_text(std::size_t count) { return std::to_string(count); }

bool is_main_kind(ActionKind kind) {
  for (const auto main : kMainKinds) {
    if (main == kind) return true;
  }
  return false;
}

Table tally_table(const std::string& name, const Tally& tally) {
  Table table{{name, "Count"}, {}, {false, true}};
  for (const auto& [key, count] : tally)
    table.rows.push_back({key.empty() ? "(no reason given)" : key, count_text(count)});
  return table;
}

void add_overview(const BacktestRun& run, const BacktestSummary& summary, ReportDocument& document) {
  document.push_back(Heading{1, "Backtest: " + run.client});
  std::vector<std::string> items = {
      "Pipeline: " + run.pipeline_file, "History: " + run.input_file,
      "Period covered: " + (summary.first_ms
                                ? format_timestamp(*summary.first_ms) + " to " + format_timestamp(*summary.last_ms)
                                : std::string("no events")),
      fmt::format("Events handled: {} (and {} follow-up timers that came due within the period)", summary.events,
                  summary.timers_fired),
      "Nothing was posted, hidden or sent: this is what the policy would have done (dry run)."};
  if (!run.bad_lines.empty()) items.push_back(fmt::format("Lines that could not be read: {}", run.bad_lines.size()));
  if (run.duplicates) items.push_back(fmt::format("Repeated events skipped (same id): {}", run.duplicates));
  if (summary.failed) items.push_back(fmt::format("Events a plugin failed on: {}", summary.failed));
  document.push_back(BulletList{items});
}

void add_problems(const BacktestRun& run, ReportDocument& document) {
  std::vector<std::string> items;
  if (!run.input_error.empty()) items.push_back(run.input_error);
  for (const auto& bad : run.bad_lines) items.push_back(bad.location + ": " + bad.error);
  for (const auto& event : run.events) {
    if (!event.failure.empty()) items.push_back("event " + event.id + ": " + event.failure);
  }
  if (items.empty()) return;
  document.push_back(Heading{2, "Problems with the history"});
  document.push_back(Paragraph{"These lines or events are not in the counts below."});
  document.push_back(BulletList{items});
}

void add_actions(const BacktestSummary& summary, ReportDocument& document) {
  document.push_back(Heading{2, "What the policy would have done"});
  Table table{{"Action", "Count"}, {}, {false, true}};
  for (const auto kind : kAllActionKinds) {
    const auto found = summary.allowed.find(kind);
    const auto count = found == summary.allowed.end() ? 0 : found->second;
    if (count || is_main_kind(kind)) table.rows.push_back({action_kind_title(kind), count_text(count)});
  }
  table.rows.push_back({"Blocked by the policy guard", count_text(summary.blocked)});
  table.rows.push_back({"Parked for approval", count_text(summary.parked)});
  table.rows.push_back({"SLA misses (P2.sla_breach)", count_text(summary.sla_misses)});
  table.rows.push_back({"Events with no action", count_text(summary.no_action)});
  document.push_back(table);

  struct Detail {
    const char* title;
    const char* column;
    const Tally& tally;
  };
  const Detail details[] = {{"Escalations by department", "Department", summary.escalations_by_department},
                            {"Ignored, by rule", "Rule", summary.ignores_by_rule},
                            {"Blocked: the guard's reasons", "Reason", summary.blocked_reasons},
                            {"Parked for approval: the guard's reasons", "Reason", summary.parked_reasons}};
  for (const auto& detail : details) {
    if (detail.tally.empty()) continue;
    document.push_back(Heading{3, detail.title});
    document.push_back(tally_table(detail.column, detail.tally));
  }
}

void add_languages_and_themes(const BacktestSummary& summary, ReportDocument& document) {
  document.push_back(Heading{2, "Languages"});
  document.push_back(tally_table("Language", summary.languages));
  document.push_back(Heading{2, "Top complaint themes"});
  if (summary.themes.empty()) {
    document.push_back(Paragraph{"No complaints with a theme in this history."});
    return;
  }
  Table table{{"Theme", "Complaints", "Examples"}, {}, {false, true, false}};
  for (const auto& theme : summary.themes) {
    std::string examples;
    for (const auto& text : theme.examples) examples += (examples.empty() ? "“" : " · “") + excerpt(text) + "”";
    table.rows.push_back({theme.theme, count_text(theme.count), examples});
  }
  document.push_back(table);
}

void add_examples(const BacktestSummary& summary, ReportDocument& document) {
  if (summary.examples.empty()) return;
  document.push_back(Heading{2, "Examples"});
  for (const auto& [kind, examples] : summary.examples) {
    document.push_back(Heading{3, action_kind_title(kind)});
    Table table{{"Event", "Reply", "Rule", "Reason"}, {}, {}};
    for (const auto& example : examples) {
      table.rows.push_back({excerpt(example.event_text), example.reply_text.empty() ? "—" : excerpt(example.reply_text),
                            example.rule, excerpt(example.reason)});
    }
    document.push_back(table);
  }
}

std::string action_list(const std::vector<std::string>& actions) {
  std::string text;
  for (const auto& action : actions) text += (text.empty() ? "" : ", ") + action;
  return text.empty() ? "(none)" : text;
}

void add_comparison(const BacktestComparison& comparison, ReportDocument& document) {
  document.push_back(Heading{2, "Compared with " + comparison.old_pipeline_file});
  if (!comparison.old_failures.empty()) {
    document.push_back(Paragraph{"With the old policy, a plugin failed on these events:"});
    document.push_back(BulletList{comparison.old_failures});
  }
  Table deltas{{"Action", "Old", "New", "Change"}, {}, {false, true, true, true}};
  for (const auto& delta : comparison.deltas) {
    const auto change = static_cast<long long>(delta.new_count) - static_cast<long long>(delta.old_count);
    deltas.rows.push_back({action_kind_title(delta.kind), count_text(delta.old_count), count_text(delta.new_count),
                           change == 0 ? "=" : fmt::format("{:+}", change)});
  }
  document.push_back(deltas);
  const auto total = comparison.differences.size() + comparison.differences_not_listed;
  document.push_back(Heading{3, fmt::format("Events handled differently: {}", total)});
  if (total == 0) {
    document.push_back(Paragraph{"Both policies allowed the same actions on every event."});
    return;
  }
  Table table{{"Event", "Text", "Old policy", "New policy"}, {}, {}};
  for (const auto& difference : comparison.differences) {
    table.rows.push_back({difference.event_id, excerpt(difference.text), action_list(difference.old_actions),
                          action_list(difference.new_actions)});
  }
  document.push_back(table);
  if (comparison.differences_not_listed) {
    document.push_back(Paragraph{fmt::format("… and {} more not listed.", comparison.differences_not_listed)});
  }
}

}  // namespace

ReportDocument backtest_report(const BacktestRun& run, const BacktestSummary& summary,
                               const std::optional<BacktestComparison>& comparison) {
  ReportDocument document;
  add_overview(run, summary, document);
  add_problems(run, document);
  add_actions(summary, document);
  if (comparison) add_comparison(*comparison, document);
  add_languages_and_themes(summary, document);
  add_examples(summary, document);
  return document;
}

}  // namespace parley::host
