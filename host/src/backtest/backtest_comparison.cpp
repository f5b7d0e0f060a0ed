#include "backtest/backtest_comparison.hpp"

#include <unordered_map>

namespace parley::host {

std::vector<std::string> allowed_actions(const RecordedEvent& event) {
  std::vector<std::string> actions;
  for (const auto& action : event.actions) {
    if (action.verdict == Verdict::allowed) actions.push_back(std::string(to_string(action.kind)) + ":" + action.rule);
  }
  return actions;
}

namespace {

std::size_t count_of(const BacktestSummary& summary, ActionKind kind) {
  const auto found = summary.allowed.find(kind);
  return found == summary.allowed.end() ? 0 : found->second;
}

}  // namespace

BacktestComparison compare_runs(const BacktestRun& old_run, const BacktestSummary& old_summary,
                                const BacktestRun& new_run, const BacktestSummary& new_summary,
                                std::size_t max_listed) {
  BacktestComparison comparison;
  comparison.old_pipeline_file = old_run.pipeline_file;
  for (const auto kind : kAllActionKinds) {
    const KindDelta delta{kind, count_of(old_summary, kind), count_of(new_summary, kind)};
    if (delta.old_count != 0 || delta.new_count != 0) comparison.deltas.push_back(delta);
  }

  std::unordered_map<std::string, const RecordedEvent*> old_events;
  for (const auto& event : old_run.events) {
    old_events.emplace(event.id, &event);
    if (!event.failure.empty()) comparison.old_failures.push_back("event " + event.id + ": " + event.failure);
  }
  const auto add = [&](const RecordedEvent& event, std::vector<std::string> old_actions,
                       std::vector<std::string> new_actions) {
    if (old_actions == new_actions) return;
    if (comparison.differences.size() < max_listed) {
      comparison.differences.push_back({event.id, event.text, std::move(old_actions), std::move(new_actions)});
    } else {
      ++comparison.differences_not_listed;
    }
  };
  for (const auto& event : new_run.events) {
    const auto found = old_events.find(event.id);
    add(event, found == old_events.end() ? std::vector<std::string>() : allowed_actions(*found->second),
        allowed_actions(event));
    if (found != old_events.end()) old_events.erase(found);
  }
  for (const auto& event : old_run.events) {  // handled only by the old policy (its own timers)
    if (old_events.count(event.id)) add(event, allowed_actions(event), {});
  }
  return comparison;
}

}  // namespace parley::host
