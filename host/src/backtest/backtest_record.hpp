// What a backtest recorded, event by event: plain data, so that counting,
// comparing and reporting are pure functions that need no plugins.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <parley/action.hpp>

#include "engine/policy_guard.hpp"

namespace parley::host {

struct RecordedAction {
  ActionKind kind = ActionKind::ignore;
  std::string rule;
  Verdict verdict = Verdict::allowed;
  std::string guard_reason;  ///< why blocked or parked
  std::string reason;        ///< the responder's
  std::string text;          ///< what would have been posted
  std::string department;    ///< escalations: params.department
};

struct RecordedEvent {
  std::string id;
  std::string text;
  bool timer = false;      ///< a timer the policy set, firing (its text then says which)
  std::int64_t at_ms = 0;  ///< created_at; a timer's due time
  std::string lang;        ///< the `lang` attribute, else the event's own
  std::string theme;       ///< the `theme` attribute
  double complaint = 0;    ///< the intent.complaint score
  std::vector<RecordedAction> actions;
  std::string failure;  ///< a plugin failed on it (a run would dead-letter it); empty otherwise
};

/// A line of the history that could not be used, as "file:line".
struct InputProblem {
  std::string location;
  std::string error;
};

struct BacktestRun {
  std::string client;
  std::string pipeline_file;
  std::string input_file;
  std::vector<RecordedEvent> events;  ///< in handling order, timers included
  std::vector<InputProblem> bad_lines;
  std::string input_error;     ///< the input could not be read at all; empty otherwise
  std::size_t duplicates = 0;  ///< events skipped because their id came earlier
};

}  // namespace parley::host
