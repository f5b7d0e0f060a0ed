// Two policies on the same history (`parley backtest --compare OLD.yaml`):
// the count of each action kind before and after, and every event whose
// allowed actions differ (pure).
#pragma once

#include <string>
#include <vector>

#include "backtest/backtest_summary.hpp"

namespace parley::host {

struct KindDelta {
  ActionKind kind = ActionKind::ignore;
  std::size_t old_count = 0, new_count = 0;
};

struct EventDifference {
  std::string event_id;
  std::string text;
  std::vector<std::string> old_actions, new_actions;  ///< allowed ones, as "kind:rule"
};

struct BacktestComparison {
  std::string old_pipeline_file;
  std::vector<KindDelta> deltas;             ///< every kind either policy allowed, in kAllActionKinds order
  std::vector<EventDifference> differences;  ///< the first `max_listed`
  std::size_t differences_not_listed = 0;
  std::vector<std::string> old_failures;  ///< "event ID: plugin ... failed" with the old policy
};

inline constexpr std::size_t kListedDifferences = 50;

/// Events are matched by id (a timer event's id names its timer); an event
/// handled by only one of the runs differs when that run allowed anything.
BacktestComparison compare_runs(const BacktestRun& old_run, const BacktestSummary& old_summary,
                                const BacktestRun& new_run, const BacktestSummary& new_summary,
                                std::size_t max_listed = kListedDifferences);

/// The allowed actions of `event` as "kind:rule", in proposal order.
std::vector<std::string> allowed_actions(const RecordedEvent& event);

}  // namespace parley::host
