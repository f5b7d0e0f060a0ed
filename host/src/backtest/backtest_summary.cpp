#include "backtest/backtest_summary.hpp"

#include <algorithm>

namespace parley::host {
namespace {

/// `tally` with `name` counted once more (sorted at the end).
void count_in(Tally& tally, const std::string& name) {
  const auto found = std::find_if(tally.begin(), tally.end(), [&](const auto& entry) { return entry.first == name; });
  if (found == tally.end()) {
    tally.emplace_back(name, 1);
  } else {
    ++found->second;
  }
}

void sort_tally(Tally& tally) {
  std::stable_sort(tally.begin(), tally.end(), [](const auto& a, const auto& b) {
    return a.second != b.second ? a.second > b.second : a.first < b.first;
  });
}

}  // namespace

std::string action_kind_title(ActionKind kind) {
  switch (kind) {
    case ActionKind::reply_public: return "Public replies";
    case ActionKind::reply_private: return "Moved to private (messages)";
    case ActionKind::hide: return "Hidden";
    case ActionKind::unhide: return "Unhidden";
    case ActionKind::delete_event: return "Deleted";
    case ActionKind::ban: return "Bans";
    case ActionKind::warn: return "Warnings";
    case ActionKind::escalate: return "Escalations";
    case ActionKind::notify: return "Notifications to the team";
    case ActionKind::follow_up: return "Follow-ups scheduled";
    case ActionKind::request_removal: return "Removal requests";
    case ActionKind::label: return "Case labels";
    case ActionKind::assign: return "Assignments";
    case ActionKind::ignore: return "Deliberately ignored";
  }
  return std::string(to_string(kind));
}

namespace {

void count_action(const RecordedEvent& event, const RecordedAction& action, BacktestSummary& summary) {
  if (action.rule == kSlaBreachRule) ++summary.sla_misses;
  if (action.verdict == Verdict::blocked) {
    ++summary.blocked;
    count_in(summary.blocked_reasons, action.guard_reason);
    return;
  }
  if (action.verdict == Verdict::parked) {
    ++summary.parked;
    count_in(summary.parked_reasons, action.guard_reason);
    return;
  }
  ++summary.allowed[action.kind];
  if (action.kind == ActionKind::escalate) {
    count_in(summary.escalations_by_department, action.department.empty() ? "(no department)" : action.department);
  }
  if (action.kind == ActionKind::ignore) count_in(summary.ignores_by_rule, action.rule);
  auto& examples = summary.examples[action.kind];
  if (examples.size() < kExamples) examples.push_back({event.text, action.text, action.rule, action.reason});
}

/// The kTopThemes most common themes of complaints, with example texts.
std::vector<ThemeCount> top_themes(const BacktestRun& run) {
  std::vector<ThemeCount> themes;
  for (const auto& event : run.events) {
    if (event.timer || event.theme.empty() || event.complaint < kComplaintScore) continue;
    auto found =
        std::find_if(themes.begin(), themes.end(), [&](const auto& theme) { return theme.theme == event.theme; });
    if (found == themes.end()) found = themes.insert(themes.end(), {event.theme, 0, {}});
    ++found->count;
    if (found->examples.size() < kExamples) found->examples.push_back(event.text);
  }
  std::stable_sort(themes.begin(), themes.end(), [](const auto& a, const auto& b) {
    return a.count != b.count ? a.count > b.count : a.theme < b.theme;
  });
  if (themes.size() > kTopThemes) themes.resize(kTopThemes);
  return themes;
}

}  // namespace

BacktestSummary summarize(const BacktestRun& run) {
  BacktestSummary summary;
  for (const auto& event : run.events) {
    if (event.timer) {
      ++summary.timers_fired;
    } else {
      ++summary.events;
      summary.first_ms = std::min(summary.first_ms.value_or(event.at_ms), event.at_ms);
      summary.last_ms = std::max(summary.last_ms.value_or(event.at_ms), event.at_ms);
      count_in(summary.languages, event.lang.empty() ? "unknown" : event.lang);
      if (event.actions.empty() && event.failure.empty()) ++summary.no_action;
    }
    if (!event.failure.empty()) ++summary.failed;
    for (const auto& action : event.actions) count_action(event, action, summary);
  }
  sort_tally(summary.blocked_reasons);
  sort_tally(summary.parked_reasons);
  sort_tally(summary.escalations_by_department);
  sort_tally(summary.ignores_by_rule);
  sort_tally(summary.languages);
  summary.themes = top_themes(run);
  return summary;
}

}  // namespace parley::host
