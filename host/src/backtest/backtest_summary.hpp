// The counts a backtest report shows, from a recorded run (pure).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "backtest/backtest_record.hpp"

namespace parley::host {

/// Names with their counts, most frequent first (ties by name).
using Tally = std::vector<std::pair<std::string, std::size_t>>;

struct ActionExample {
  std::string event_text;
  std::string reply_text;
  std::string rule;
  std::string reason;
};

struct ThemeCount {
  std::string theme;
  std::size_t count = 0;
  std::vector<std::string> examples;  ///< up to kExamples event texts
};

inline constexpr std::size_t kExamples = 3;
inline constexpr std::size_t kTopThemes = 10;
inline constexpr double kComplaintScore = 0.5;  // P17: a complaint from this intent.complaint score on
inline constexpr std::string_view kSlaBreachRule = "P2.sla_breach";

struct BacktestSummary {
  std::size_t events = 0;                         ///< from the history (timers not counted)
  std::size_t timers_fired = 0;                   ///< timers the policy set that came due within the history
  std::size_t no_action = 0;                      ///< events for which nothing was proposed
  std::size_t failed = 0;                         ///< events a plugin failed on
  std::optional<std::int64_t> first_ms, last_ms;  ///< period covered by the history's events
  std::map<ActionKind, std::size_t> allowed;      ///< allowed actions by kind
  std::size_t blocked = 0, parked = 0;
  Tally blocked_reasons, parked_reasons;  ///< the guard's reasons
  Tally escalations_by_department;        ///< allowed escalations
  Tally ignores_by_rule;                  ///< allowed ignores
  std::size_t sla_misses = 0;             ///< actions of rule P2.sla_breach, whatever the guard said
  Tally languages;                        ///< history events by language ("unknown" when none)
  std::vector<ThemeCount> themes;         ///< the kTopThemes most common complaint themes
  std::map<ActionKind, std::vector<ActionExample>> examples;  ///< up to kExamples allowed actions per kind
};

BacktestSummary summarize(const BacktestRun& run);

/// "reply_public" -> "Public replies": the action kinds as an account manager reads them.
std::string action_kind_title(ActionKind kind);

}  // namespace parley::host
